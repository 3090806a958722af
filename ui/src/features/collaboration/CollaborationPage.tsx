import { Button, Card, Descriptions, Skeleton, Space, Steps, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exec } from '../../ipc';
import type { Dossier, Row, TimelineEvent } from '../../types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StageTag } from '../../components/StageTag';

const str = (row: Row, key: string) => (row[key] == null ? '' : String(row[key]));

const STATUS_COLORS: Record<string, string> = { done: 'success', in_progress: 'processing', blocked: 'error', not_started: 'default' };

/** One collaboration: the stage stepper and its records, tab by tab. */
export function CollaborationPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const dossier = useQuery({ queryKey: ['dossier', id], queryFn: () => exec<Dossier>('get_collaboration', { collaboration: id }) });
  const timeline = useQuery({ queryKey: ['timeline', id], queryFn: () => exec<TimelineEvent[]>('get_timeline', { collaboration: id }) });
  if (dossier.error) return <ErrorNotice error={dossier.error} />;
  if (!dossier.data) return <Skeleton active />;
  const d = dossier.data;
  const c = d.collaboration;

  return (
    <div data-testid="collaboration">
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {str(c, 'number')} {str(c, 'title')}
        </Typography.Title>
        <StageTag stage={d.stage} />
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={d.step - 1}
          items={['confirm', 'kickoff', 'execute', 'accept', 'archive'].map((s) => ({ title: t(`steps.${s}`) }))}
        />
      </Card>
      <Tabs
        items={[
          {
            key: 'overview',
            label: t('tabs.overview'),
            children: (
              <Descriptions bordered column={2} size="small">
                <Descriptions.Item label={t('register.initiating_department')}>{str(c, 'initiating_department')}</Descriptions.Item>
                <Descriptions.Item label={t('register.owner')}>{str(c, 'owner')}</Descriptions.Item>
                <Descriptions.Item label={t('fields.background')} span={2}>{str(c, 'background')}</Descriptions.Item>
                <Descriptions.Item label={t('fields.goal')} span={2}>{str(c, 'goal')}</Descriptions.Item>
                <Descriptions.Item label={t('fields.expectedCompletion')}>{str(c, 'expected_completion')}</Descriptions.Item>
                <Descriptions.Item label={t('register.progress')}>{str(c, 'progress_note')}</Descriptions.Item>
                <Descriptions.Item label={t('fields.departments')} span={2}>
                  {d.departments.map((x) => (
                    <div key={str(x, 'id')}>
                      <Tag>{str(x, 'department')}</Tag>
                      {str(x, 'support_text')} · {t('fields.contact')}: {str(x, 'contact')}
                    </div>
                  ))}
                </Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'tasks',
            label: t('tabs.tasks'),
            children: (
              <Table<Row>
                rowKey={(r) => str(r, 'id')}
                size="small"
                pagination={false}
                dataSource={d.tasks}
                columns={[
                  { title: t('fields.department'), render: (_, r) => str(r, 'department') },
                  { title: t('fields.task'), render: (_, r) => str(r, 'title') },
                  { title: t('fields.responsible'), render: (_, r) => str(r, 'responsible') },
                  { title: t('fields.dates'), render: (_, r) => `${str(r, 'start_date')} ~ ${str(r, 'end_date')}` },
                  {
                    title: t('fields.status'),
                    render: (_, r) => <Tag color={STATUS_COLORS[str(r, 'status')]}>{t(`taskStatus.${str(r, 'status')}`)}</Tag>,
                  },
                  { title: t('fields.progress'), render: (_, r) => `${str(r, 'progress')}%` },
                ]}
              />
            ),
          },
          {
            key: 'timeline',
            label: t('tabs.timeline'),
            children: (
              <Timeline
                items={(timeline.data ?? []).map((e) => ({
                  children: (
                    <span>
                      <Typography.Text type="secondary">{e.at}</Typography.Text> {t(`timeline.${e.kind}`, { defaultValue: e.kind })} {e.title}
                    </span>
                  ),
                }))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

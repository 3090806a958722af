import { useEffect, useState } from 'react';
import { Card, Col, Empty, List, Row, Segmented, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import { reportStartupReady } from '../../ipc';
import { useNavigation } from '../../navigation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { STAGES } from '../../lib/stages';
import { ATTENTION_TAB } from './attentionTarget';
import { chinaTime } from '../../lib/format';

type Scope = 'mine' | 'all';

/**
 * 工作台: what needs action (mine by default, overdue first, then by due date), how many
 * collaborations are at each stage, and what happened lately.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const me = useEngineQuery('get_me');
  const [scope, setScope] = useState<Scope>('mine');
  const mine = scope === 'mine' && me.data;
  const counts = useEngineQuery('get_stage_counts');
  const attention = useEngineQuery('get_attention', mine ? { person: me.data!.id } : {}, me.isFetched);
  const recent = useEngineQuery('get_recent_activity', { limit: 12 });
  const countOf = (stage: string) => counts.data?.find((c) => c.stage === stage)?.count ?? 0;
  const showsData = Boolean(counts.data && attention.data);
  useEffect(() => {
    if (showsData) reportStartupReady();
  }, [showsData]);

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      {counts.error && <ErrorNotice error={counts.error} />}
      <Row gutter={[12, 12]} align="stretch" style={{ marginBottom: 16 }} data-testid="stage-counts">
        {STAGES.map((stage) => (
          <Col key={stage} span={3}>
            <Card size="small" hoverable style={{ height: '100%' }} onClick={() => go({ page: 'register' })}>
              <Statistic title={t(`stage.${stage}`)} value={countOf(stage)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={15}>
          <Card
            title={
              <Space>
                {t('dashboard.attention')}
                <Tag>{attention.data?.length ?? 0}</Tag>
              </Space>
            }
            extra={
              me.data && (
                <Segmented<Scope>
                  data-testid="attention-scope"
                  size="small"
                  value={scope}
                  onChange={setScope}
                  options={[
                    { label: t('dashboard.mine'), value: 'mine' },
                    { label: t('dashboard.everyone'), value: 'all' },
                  ]}
                />
              )
            }
          >
            {attention.isLoading && <Skeleton active />}
            {attention.error && <ErrorNotice error={attention.error} />}
            {attention.data && attention.data.length === 0 && <Empty description={t('dashboard.nothing')} />}
            {attention.data && attention.data.length > 0 && (
              <List
                data-testid="attention-list"
                dataSource={attention.data}
                renderItem={(item) => (
                  <List.Item
                    onClick={() => go({ page: 'collaboration', id: item.collaboration_id, tab: ATTENTION_TAB[item.kind], record: item.subject_id })}
                    style={{ cursor: 'pointer' }}
                  >
                    <List.Item.Meta
                      title={
                        <>
                          {item.overdue && <Tag color="red">{t('dashboard.overdue')}</Tag>}
                          <Tag>{t(`attention.${item.kind}`)}</Tag>
                          {item.subject}
                        </>
                      }
                      description={`${item.number} ${item.title}`}
                    />
                    {item.due && <span>{t('dashboard.due', { date: item.due.slice(0, 10) })}</span>}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={9}>
          <Card title={t('dashboard.recent')} data-testid="recent-activity">
            {recent.error && <ErrorNotice error={recent.error} />}
            <List
              size="small"
              dataSource={recent.data ?? []}
              locale={{ emptyText: <Empty description={t('dashboard.noActivity')} /> }}
              renderItem={(entry) => (
                <List.Item onClick={() => go({ page: 'collaboration', id: entry.collaboration_id, tab: 'history' })} style={{ cursor: 'pointer' }}>
                  <List.Item.Meta
                    title={
                      <Typography.Text ellipsis>
                        {entry.actor ?? t('dashboard.someone')} · {t(`actions.${entry.action}`, { ns: 'history', defaultValue: entry.action })}
                      </Typography.Text>
                    }
                    description={
                      <Typography.Text type="secondary" ellipsis>
                        {chinaTime(entry.wall_time)} · {entry.number} {entry.title}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

import { Button, Card, Skeleton, Space, Steps, Tabs, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import { useNavigation } from '../../navigation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StageTag } from '../../components/StageTag';
import { OverviewTab } from './OverviewTab';
import { FeasibilityTab } from '../feasibility/FeasibilityTab';
import { MeetingsTab } from '../meetings/MeetingsTab';
import { SignaturesTab } from '../signatures/SignaturesTab';
import { TasksTab } from '../tasks/TasksTab';
import { ProblemsTab } from '../problems/ProblemsTab';
import { RisksTab } from '../risks/RisksTab';
import { ChangesTab } from '../changes/ChangesTab';
import { AcceptanceTab } from '../acceptance/AcceptanceTab';
import { LetterTab } from '../acceptance/LetterTab';
import { CommunicationsTab } from '../communications/CommunicationsTab';
import { HistoryTab } from '../history/HistoryTab';
import { StageActions } from './StageActions';
import { PrintMenu } from '../printing/PrintMenu';

/** One collaboration: the stage stepper, the actions its stage allows, and its records tab by tab. */
export function CollaborationPage({ id, tab, record }: { id: string; tab?: string; record?: string }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dossier = useEngineQuery('get_collaboration', { collaboration: id });
  const timeline = useEngineQuery('get_timeline', { collaboration: id });
  if (dossier.error) return <ErrorNotice error={dossier.error} />;
  if (!dossier.data) return <Skeleton active />;
  const d = dossier.data;
  const c = d.collaboration;
  const props = { dossier: d, record };

  const tabs = [
    { key: 'overview', label: t('tabs.overview'), children: <OverviewTab {...props} /> },
    { key: 'feasibility', label: t('tabs.feasibility'), children: <FeasibilityTab {...props} /> },
    { key: 'meetings', label: t('tabs.meetings'), children: <MeetingsTab {...props} /> },
    { key: 'signatures', label: t('tabs.signatures'), children: <SignaturesTab {...props} /> },
    { key: 'tasks', label: t('tabs.tasks'), children: <TasksTab {...props} /> },
    { key: 'problems', label: t('tabs.problems'), children: <ProblemsTab {...props} /> },
    { key: 'risks', label: t('tabs.risks'), children: <RisksTab {...props} /> },
    { key: 'changes', label: t('tabs.changes'), children: <ChangesTab {...props} /> },
    { key: 'acceptance', label: t('tabs.acceptance'), children: <AcceptanceTab {...props} /> },
    { key: 'letter', label: t('tabs.letter'), children: <LetterTab {...props} /> },
    { key: 'communications', label: t('tabs.communications'), children: <CommunicationsTab {...props} /> },
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
    { key: 'history', label: t('tabs.history'), children: <HistoryTab {...props} /> },
  ];

  return (
    <div data-testid="collaboration" data-stage={d.stage}>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button onClick={() => go({ page: 'register' })}>{t('common.back')}</Button>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="collaboration-title">
            {c.number} {c.title}
          </Typography.Title>
          <StageTag stage={d.stage} />
        </Space>
        <Space>
          <PrintMenu dossier={d} />
          <StageActions dossier={d} />
        </Space>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Steps current={d.step - 1} items={['confirm', 'kickoff', 'execute', 'accept', 'archive'].map((s) => ({ title: t(`steps.${s}`) }))} />
      </Card>
      <Tabs
        data-testid="collaboration-tabs"
        activeKey={tab ?? 'overview'}
        onChange={(key) => go({ page: 'collaboration', id, tab: key })}
        items={tabs}
      />
    </div>
  );
}

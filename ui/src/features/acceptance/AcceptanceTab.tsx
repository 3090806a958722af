import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import type { Criterion, DeliverableRow } from '../../bindings';
import { useOverdue, usePersonNames } from '../../components/org';
import { useRecordFocus } from '../../components/recordFocus';
import type { TabProps } from '../collaboration/tabProps';
import { agreedCriteria, deliverableVersions } from './acceptanceModel';
import { DeliverableCard, type DeliverableAction } from './DeliverableCard';
import { RectificationTable } from './RectificationTable';
import { ReviewDialog } from './ReviewDialog';
import { SelfCheckDialog } from './SelfCheckDialog';
import { SubmitDeliverableDialog } from './SubmitDeliverableDialog';

type Dialog = { kind: 'submit' } | { kind: DeliverableAction; deliverable: DeliverableRow };

/**
 * Step 4, 成果验收: the acceptance criteria agreed in the minutes, every deliverable with its
 * self-check, joint reviews and versions, and the rectification items. Deliverables are submitted
 * during execution; an archived collaboration shows all of it read-only.
 */
export function AcceptanceTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('acceptance');
  const collaboration = dossier.collaboration.id;
  const history = useEngineQuery('get_history', { collaboration });
  const names = usePersonNames();
  const { rowProps, focus } = useRecordFocus(record);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const criteria = useMemo(() => agreedCriteria(dossier.meetings), [dossier.meetings]);
  const overdue = useOverdue('rectification_due');
  const tasks = new Map(dossier.tasks.map((task) => [task.id, task.title]));
  const titles = new Map(dossier.deliverables.map((d) => [d.id, d.title]));
  const reviewsOf = (id: string) => dossier.reviews.filter((r) => r.deliverable_id === id);
  const writable = dossier.stage !== 'archived';
  const canSubmit = dossier.stage === 'executing' || dossier.stage === 'accepting';
  const close = () => setDialog(null);

  const lastCriteria = (deliverable: DeliverableRow): Criterion[] => reviewsOf(deliverable.id).at(-1)?.criteria ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="acceptance-tab">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Space wrap data-testid="acceptance-criteria">
          <Typography.Text strong>{t('criteria.title')}</Typography.Text>
          {criteria.length > 0 ? criteria.map((c) => <Tag key={c}>{c}</Tag>) : <Typography.Text type="secondary">{t('criteria.none')}</Typography.Text>}
        </Space>
        {canSubmit && (
          <Button type="primary" onClick={() => setDialog({ kind: 'submit' })} data-testid="deliverable-submit">
            {t('actions.submit')}
          </Button>
        )}
      </Flex>
      {!canSubmit && dossier.deliverables.length === 0 && <Alert type="info" showIcon title={t('notYet')} data-testid="acceptance-not-yet" />}
      {dossier.deliverables.length === 0 && canSubmit && <Empty description={t('empty')} />}
      {dossier.deliverables.map((d) => {
        const id = d.id;
        const focused = record === id || dossier.reviews.some((r) => r.id === record && r.deliverable_id === id);
        return (
          <DeliverableCard
            key={id}
            deliverable={d}
            collaboration={collaboration}
            taskTitle={(d.task_id && tasks.get(d.task_id)) || ''}
            versions={deliverableVersions(history.data ?? [], id)}
            reviews={reviewsOf(id)}
            rectifications={dossier.rectifications.filter((x) => x.deliverable_id === id)}
            names={names}
            writable={writable}
            highlighted={focused ? focus : undefined}
            onAction={(kind) => setDialog({ kind, deliverable: d })}
          />
        );
      })}
      {dossier.rectifications.length > 0 && (
        <Card size="small" title={t('rectifications.title')}>
          <RectificationTable
            rectifications={dossier.rectifications}
            deliverableTitles={titles}
            names={names}
            overdue={overdue}
            rowProps={rowProps}
          />
        </Card>
      )}
      {dialog?.kind === 'submit' && <SubmitDeliverableDialog dossier={dossier} criteria={criteria} onClose={close} />}
      {dialog?.kind === 'selfCheck' && <SelfCheckDialog deliverable={dialog.deliverable} criteria={criteria} mode="record" onClose={close} />}
      {dialog?.kind === 'resubmit' && <SelfCheckDialog deliverable={dialog.deliverable} criteria={criteria} mode="resubmit" onClose={close} />}
      {dialog?.kind === 'review' && <ReviewDialog deliverable={dialog.deliverable} previous={lastCriteria(dialog.deliverable)} criteria={criteria} onClose={close} />}
    </Space>
  );
}

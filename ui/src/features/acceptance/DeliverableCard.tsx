import { Button, Card, Collapse, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliverableRow, RectificationRow, ReviewRow } from '../../bindings';
import { localDateTime } from '../../lib/format';
import { PrintButton } from '../printing/PrintButton';
import { selfCheckShortfalls, type DeliverableVersion } from './acceptanceModel';
import { DeliverableStatusTag } from './display';
import { SelfCheckTable } from './SelfCheckTable';
import { VersionHistory } from './VersionHistory';

/** What can be done to a deliverable from its card. */
export type DeliverableAction = 'selfCheck' | 'review' | 'resubmit';

interface Props {
  deliverable: DeliverableRow;
  collaboration: string;
  taskTitle: string;
  versions: DeliverableVersion[];
  reviews: ReviewRow[];
  rectifications: RectificationRow[];
  names: Map<string, string>;
  /** Whether writes are offered (not archived). */
  writable: boolean;
  /** The highlight colour when a search hit or attention item points at it (or at one of its reviews). */
  highlighted: string | undefined;
  onAction: (action: DeliverableAction) => void;
}

/**
 * One deliverable: its current version and status, its self-check, the actions its status allows
 * (self-check and joint review while submitted, resubmission while under rectification), its
 * printed forms, and its versions with their reviews.
 */
export function DeliverableCard({ deliverable: d, collaboration, taskTitle, versions, reviews, rectifications, names, writable, highlighted, onAction }: Props) {
  const { t } = useTranslation('acceptance');
  const title = d.title;
  const status = d.status;
  const selfCheck = d.self_check;
  const shortfalls = selfCheck ? selfCheckShortfalls(selfCheck) : 0;

  const actions = writable && (
    <Space wrap>
      {status === 'submitted' && (
        <>
          <Button onClick={() => onAction('selfCheck')} data-testid={`deliverable-self-check-${title}`}>
            {t(selfCheck ? 'actions.editSelfCheck' : 'actions.selfCheck')}
          </Button>
          <Button type="primary" onClick={() => onAction('review')} data-testid={`deliverable-review-${title}`}>
            {t('actions.review')}
          </Button>
        </>
      )}
      {status === 'rectifying' && (
        <Button type="primary" onClick={() => onAction('resubmit')} data-testid={`deliverable-resubmit-${title}`}>
          {t('actions.resubmit')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      data-testid={`deliverable-row-${title}`}
      data-record={d.id}
      style={highlighted ? { background: highlighted } : undefined}
      title={
        <Space wrap>
          <span>{title}</span>
          <Tag>{t('versions.version', { version: d.version })}</Tag>
          <DeliverableStatusTag status={status} />
        </Space>
      }
      extra={actions}
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'department', label: t('submit.department'), children: d.department },
          { key: 'task', label: t('submit.task'), children: taskTitle || '—' },
          { key: 'submitted', label: t('deliverable.submittedAt'), children: localDateTime(d.submitted_at) },
        ]}
      />
      <Space style={{ margin: '8px 0' }} wrap>
        {selfCheck ? (
          <Tag color={shortfalls === 0 ? 'success' : 'warning'} data-testid={`deliverable-self-check-state-${title}`}>
            {shortfalls === 0 ? t('deliverable.selfCheckOk') : t('deliverable.selfCheckShort', { count: shortfalls })}
          </Tag>
        ) : (
          <Tag color="warning" data-testid={`deliverable-self-check-state-${title}`}>
            {t('deliverable.noSelfCheck')}
          </Tag>
        )}
        {selfCheck && <PrintButton kind="self_check" collaboration={collaboration} record={d.id} label={t('actions.printSelfCheck')} />}
        {reviews.length > 0 && <PrintButton kind="acceptance" collaboration={collaboration} record={d.id} label={t('actions.printAcceptance')} />}
      </Space>
      {selfCheck && <SelfCheckTable items={selfCheck} testId={`deliverable-self-check-table-${title}`} />}
      <Collapse
        ghost
        style={{ marginTop: 8 }}
        defaultActiveKey={highlighted ? ['versions'] : []}
        items={[
          {
            key: 'versions',
            label: <span data-testid={`deliverable-versions-${title}`}>{t('deliverable.versions', { count: reviews.length })}</span>,
            children: <VersionHistory deliverable={d} versions={versions} reviews={reviews} rectifications={rectifications} names={names} />,
          },
        ]}
      />
    </Card>
  );
}

import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeApprovalRow, ChangeRequestRow, Decision, Person } from '../../bindings';
import type { RecordAttributes } from '../../components/recordFocus';
import { localDateTime } from '../../lib/format';
import { nameOf } from '../../lib/org';

const DECISION_COLORS: Record<Decision | 'pending', string> = { approve: 'success', reject: 'error', pending: 'gold' };

interface Props {
  request: ChangeRequestRow;
  approvals: ChangeApprovalRow[];
  people: Person[];
  /** Whether undecided departments can answer now (request pending, collaboration not archived). */
  canDecide: boolean;
  onDecide: (approval: ChangeApprovalRow, decision: Decision) => void;
}

/** Every participating department's answer to one change request; the undecided ones can answer here. */
export function ApprovalsTable({ request, approvals, people, canDecide, onDecide }: Props) {
  const { t } = useTranslation('changes');
  const title = request.title;
  return (
    <Table<ChangeApprovalRow>
      data-testid={`change-approvals-${title}`}
      size="small"
      pagination={false}
      rowKey={(r) => r.id}
      dataSource={approvals}
      onRow={(r): RecordAttributes => ({ 'data-testid': `change-approval-${title}-${r.department ?? ''}`, 'data-record': r.id })}
      columns={[
        { title: t('approvals.department'), width: 120, render: (_, r) => r.department },
        {
          title: t('approvals.decision'),
          width: 100,
          render: (_, r) => {
            const decision = r.decision ?? 'pending';
            return <Tag color={DECISION_COLORS[decision]}>{t(`decision.${decision}`)}</Tag>;
          },
        },
        { title: t('approvals.comment'), render: (_, r) => r.comment },
        {
          title: t('approvals.by'),
          width: 150,
          render: (_, r) =>
            r.decided_at != null && (
              <Space orientation="vertical" size={0}>
                <span>{nameOf(people, r.decided_by)}</span>
                <Typography.Text type="secondary">{localDateTime(r.decided_at)}</Typography.Text>
              </Space>
            ),
        },
        ...(canDecide
          ? [
              {
                title: '',
                width: 150,
                render: (_: unknown, r: ChangeApprovalRow) =>
                  !r.decision && (
                    <Space size={0}>
                      <Button type="link" size="small" data-testid={`change-approve-${title}-${r.department ?? ''}`} onClick={() => onDecide(r, 'approve')}>
                        {t('decision.approve')}
                      </Button>
                      <Button type="link" danger size="small" data-testid={`change-reject-${title}-${r.department ?? ''}`} onClick={() => onDecide(r, 'reject')}>
                        {t('decision.reject')}
                      </Button>
                    </Space>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

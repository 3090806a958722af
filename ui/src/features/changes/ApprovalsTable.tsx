import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import { instant, rowAttributes, str } from '../tasks/format';
import { nameOf, type Person } from '../tasks/org';
import type { Decision } from './DecideChangeModal';

const DECISION_COLORS: Record<string, string> = { approve: 'success', reject: 'error', pending: 'gold' };

interface Props {
  request: Row;
  approvals: Row[];
  people: Person[];
  /** Whether undecided departments can answer now (request pending, collaboration not archived). */
  canDecide: boolean;
  onDecide: (approval: Row, decision: Decision) => void;
}

/** Every participating department's answer to one change request; the undecided ones can answer here. */
export function ApprovalsTable({ request, approvals, people, canDecide, onDecide }: Props) {
  const { t } = useTranslation('changes');
  const title = str(request.title);
  return (
    <Table<Row>
      data-testid={`change-approvals-${title}`}
      size="small"
      pagination={false}
      rowKey={(r) => str(r.id)}
      dataSource={approvals}
      onRow={(r) => rowAttributes(`change-approval-${title}-${str(r.department)}`, str(r.id))}
      columns={[
        { title: t('approvals.department'), width: 120, render: (_, r) => str(r.department) },
        {
          title: t('approvals.decision'),
          width: 100,
          render: (_, r) => {
            const decision = str(r.decision) || 'pending';
            return <Tag color={DECISION_COLORS[decision]}>{t(`decision.${decision}`)}</Tag>;
          },
        },
        { title: t('approvals.comment'), render: (_, r) => str(r.comment) },
        {
          title: t('approvals.by'),
          width: 150,
          render: (_, r) =>
            r.decided_at != null && (
              <Space orientation="vertical" size={0}>
                <span>{nameOf(people, r.decided_by)}</span>
                <Typography.Text type="secondary">{instant(r.decided_at)}</Typography.Text>
              </Space>
            ),
        },
        ...(canDecide
          ? [
              {
                title: '',
                width: 150,
                render: (_: unknown, r: Row) =>
                  !r.decision && (
                    <Space size={0}>
                      <Button type="link" size="small" data-testid={`change-approve-${title}-${str(r.department)}`} onClick={() => onDecide(r, 'approve')}>
                        {t('decision.approve')}
                      </Button>
                      <Button type="link" danger size="small" data-testid={`change-reject-${title}-${str(r.department)}`} onClick={() => onDecide(r, 'reject')}>
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

import { Card, Descriptions, Space, Tag, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeApprovalRow, ChangeRequestRow, ChangeStatus, Decision, Dossier, Person } from '../../bindings';
import { localDateTime } from '../../lib/format';
import { nameOf } from '../../lib/org';
import { ApprovalsTable } from './ApprovalsTable';
import { BaselineView } from './BaselineView';
import { changeLines, isPlan, planFor } from './planChanges';
import { ChangeLinesTable } from './ChangeLinesTable';

const STATUS_COLORS: Record<ChangeStatus, string> = { pending: 'gold', approved: 'success', rejected: 'error' };

interface Props {
  dossier: Dossier;
  request: ChangeRequestRow;
  people: Person[];
  focused: boolean;
  canDecide: boolean;
  onDecide: (approval: ChangeApprovalRow, decision: Decision) => void;
}

/**
 * One change request (变更申请): why, what it changes in the plan, each department's answer and who
 * is still to answer; once applied, the plan it replaced.
 */
export function ChangeRequestCard({ dossier, request, people, focused, canDecide, onDecide }: Props) {
  const { t } = useTranslation('changes');
  const { token } = theme.useToken();
  const title = request.title;
  const status = request.status;
  const approvals = dossier.change_approvals.filter((a) => a.change_request_id === request.id);
  const waiting = approvals.filter((a) => !a.decision).map((a) => a.department ?? '');
  const lines = changeLines(request.changes, planFor(request, dossier));

  return (
    <Card
      size="small"
      data-testid={`change-card-${title}`}
      data-record={request.id}
      style={focused ? { borderColor: token.colorPrimary, background: token.colorPrimaryBg } : undefined}
      title={
        <Space>
          <span>{title}</span>
          <Tag color={STATUS_COLORS[status]} data-testid={`change-status-${title}`}>
            {t(`status.${status}`)}
          </Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('card.opened', { person: nameOf(people, request.opened_by), at: localDateTime(request.opened_at) })}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('fields.reason')}>{request.reason}</Descriptions.Item>
          {status === 'pending' && waiting.length > 0 && (
            <Descriptions.Item label={t('card.waiting')}>
              <span data-testid={`change-waiting-${title}`}>{waiting.join('、')}</span>
            </Descriptions.Item>
          )}
          {request.decided_at != null && <Descriptions.Item label={t('card.decidedAt')}>{localDateTime(request.decided_at)}</Descriptions.Item>}
        </Descriptions>
        <ChangeLinesTable lines={lines} people={people} testId={`change-lines-${title}`} />
        <ApprovalsTable request={request} approvals={approvals} people={people} canDecide={canDecide && status === 'pending'} onDecide={onDecide} />
        {status === 'approved' && isPlan(request.baseline) && <BaselineView baseline={request.baseline} people={people} testId={`change-baseline-${title}`} />}
      </Space>
    </Card>
  );
}

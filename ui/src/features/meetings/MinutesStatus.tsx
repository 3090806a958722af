import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingRow } from '../../bindings';
import { chinaTime } from '../../lib/format';

/**
 * Where a meeting's minutes stand: issued (which revision, when) or not, and the deadline
 * (`minutes_sla_hours` after the meeting), red once the engine counts it overdue.
 */
export function MinutesStatus({ meeting, due }: { meeting: MeetingRow; due: Map<string, boolean> }) {
  const { t } = useTranslation('meetings');
  const id = meeting.id;
  const revision = meeting.minutes_revision;
  const deadline = chinaTime(meeting.minutes_due_at);
  return (
    <Space orientation="vertical" size={2} data-testid={`minutes-status-${id}`}>
      {revision > 0 ? (
        <Tag color="green" data-testid="minutes-issued">
          {t('status.issued', { revision, at: chinaTime(meeting.minutes_issued_at) })}
        </Tag>
      ) : due.get(id) ? (
        <Tag color="red" data-testid="minutes-overdue">
          {t('status.overdue')}
        </Tag>
      ) : (
        <Tag color={due.has(id) ? 'orange' : 'default'}>{t(due.has(id) ? 'status.due' : 'status.notIssued')}</Tag>
      )}
      {revision === 0 && (
        <Typography.Text type={due.get(id) ? 'danger' : 'secondary'}>{t('status.deadline', { deadline })}</Typography.Text>
      )}
    </Space>
  );
}

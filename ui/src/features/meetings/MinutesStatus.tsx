import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import { chinaTime, str } from './display';

/**
 * Where a meeting's minutes stand: issued (which revision, when) or not, and the deadline
 * (`minutes_sla_hours` after the meeting), red once the engine counts it overdue.
 */
export function MinutesStatus({ meeting, due }: { meeting: Row; due: Map<string, boolean> }) {
  const { t } = useTranslation('meetings');
  const id = str(meeting.id);
  const revision = Number(meeting.minutes_revision ?? 0);
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

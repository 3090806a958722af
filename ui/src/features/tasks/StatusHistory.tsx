import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person, StatusUpdateRow } from '../../bindings';
import { nameOf } from '../../lib/org';
import { STATUS_COLORS } from './payloads';

/** A task's daily statuses, newest first: the append-only record of how it went. */
export function StatusHistory({ title, updates, people }: { title: string; updates: StatusUpdateRow[]; people: Person[] }) {
  const { t } = useTranslation('tasks');
  if (updates.length === 0) return <Typography.Text type="secondary">{t('history.empty')}</Typography.Text>;
  return (
    <Table<StatusUpdateRow>
      data-testid={`task-history-${title}`}
      size="small"
      pagination={false}
      rowKey={(r) => r.id}
      dataSource={[...updates].reverse()}
      columns={[
        { title: t('history.date'), width: 110, render: (_, r) => r.on_date },
        {
          title: t('history.status'),
          width: 90,
          render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`taskStatus.${r.status}`, { ns: 'common' })}</Tag>,
        },
        { title: t('history.progress'), width: 70, render: (_, r) => `${r.progress}%` },
        { title: t('history.note'), render: (_, r) => r.note },
        { title: t('history.by'), width: 90, render: (_, r) => nameOf(people, r.reported_by) },
      ]}
    />
  );
}

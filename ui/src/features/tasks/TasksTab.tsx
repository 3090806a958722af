import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import type { TabProps } from '../collaboration/tabProps';

const str = (value: unknown) => (value == null ? '' : String(value));
const STATUS_COLORS: Record<string, string> = { done: 'success', in_progress: 'processing', blocked: 'error', not_started: 'default' };

/** Tasks per department with one responsible person each, and their latest status. */
export function TasksTab({ dossier }: TabProps) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      rowKey={(r) => str(r.id)}
      size="small"
      pagination={false}
      dataSource={dossier.tasks}
      columns={[
        { title: t('fields.department'), render: (_, r) => str(r.department) },
        { title: t('fields.task'), render: (_, r) => str(r.title) },
        { title: t('fields.responsible'), render: (_, r) => str(r.responsible) },
        { title: t('fields.dates'), render: (_, r) => `${str(r.start_date)} ~ ${str(r.end_date)}` },
        { title: t('fields.status'), render: (_, r) => <Tag color={STATUS_COLORS[str(r.status)]}>{t(`taskStatus.${str(r.status)}`)}</Tag> },
        { title: t('fields.progress'), render: (_, r) => `${str(r.progress)}%` },
      ]}
    />
  );
}

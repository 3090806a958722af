import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person, StatusUpdateRow, TaskRow } from '../../bindings';
import type { RecordAttributes } from '../../components/recordFocus';
import { nameOf } from '../../lib/org';
import { STATUS_COLORS } from './payloads';
import { QuickStatus } from './QuickStatus';
import { StatusHistory } from './StatusHistory';

interface Props {
  department: string;
  tasks: TaskRow[];
  updates: StatusUpdateRow[];
  people: Person[];
  overdue: Set<string>;
  /** Row attributes: test id, record id, highlighted when pointed at, red when blocked. */
  rowProps: (testid: string, id: string, alarm: boolean) => RecordAttributes;
  expanded: string[];
  onToggle: (task: string) => void;
  /** Whether daily statuses can be reported, and tasks edited (else those columns are hidden). */
  canReport: boolean;
  canEdit: boolean;
  onEdit: (task: TaskRow) => void;
}

/** One department's tasks: owner, dates, current status and the day's report; expand a row for its history. */
export function TaskTable({ department, tasks, updates, people, overdue, rowProps, expanded, onToggle, canReport, canEdit, onEdit }: Props) {
  const { t } = useTranslation('tasks');

  return (
    <Table<TaskRow>
      data-testid={`tasks-table-${department}`}
      size="small"
      pagination={false}
      rowKey={(r) => r.id}
      dataSource={tasks}
      locale={{ emptyText: t('table.empty') }}
      onRow={(r) => rowProps(`task-row-${r.title}`, r.id, r.status === 'blocked')}
      expandable={{
        expandedRowKeys: expanded,
        onExpand: (_, r) => onToggle(r.id),
        expandedRowRender: (r) => (
          <StatusHistory title={r.title} updates={updates.filter((u) => u.task_id === r.id)} people={people} />
        ),
      }}
      columns={[
        {
          title: t('fields.title'),
          minWidth: 200,
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{r.title}</Typography.Text>
              {r.deliverable && <Typography.Text type="secondary">{t('table.deliverable', { deliverable: r.deliverable })}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('fields.responsible'),
          width: 120,
          render: (_, r) => {
            const collaborators = (r.collaborators ?? []).map((id) => nameOf(people, id)).filter(Boolean);
            return (
              <Space orientation="vertical" size={0}>
                <span>{r.responsible}</span>
                {collaborators.length > 0 && <Typography.Text type="secondary">{t('table.collaborators', { names: collaborators.join('、') })}</Typography.Text>}
              </Space>
            );
          },
        },
        {
          title: t('fields.dates'),
          width: 180,
          render: (_, r) => (
            <Space size={4} wrap>
              <span>{`${r.start_date} ~ ${r.end_date}`}</span>
              {overdue.has(r.id) && (
                <Tag color="red" data-testid={`task-overdue-${r.title}`}>
                  {t('table.overdue')}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          title: t('fields.status'),
          width: 120,
          render: (_, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLORS[r.status]} data-testid={`task-status-tag-${r.title}`}>
                {t(`taskStatus.${r.status}`, { ns: 'common' })}
              </Tag>
              <span>{`${r.progress}%`}</span>
            </Space>
          ),
        },
        {
          title: t('fields.lastReport'),
          width: 100,
          render: (_, r) => r.last_status_on || <Typography.Text type="secondary">{t('table.noReport')}</Typography.Text>,
        },
        ...(canReport ? [{ title: t('fields.report'), width: 220, render: (_: unknown, r: TaskRow) => <QuickStatus task={r} /> }] : []),
        ...(canEdit
          ? [
              {
                title: '',
                width: 70,
                render: (_: unknown, r: TaskRow) => (
                  <Button type="link" size="small" data-testid={`task-edit-${r.title}`} onClick={() => onEdit(r)}>
                    {t('table.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

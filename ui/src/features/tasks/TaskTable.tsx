import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import { rowAttributes, str } from './format';
import { nameOf, type Person } from './org';
import { STATUS_COLORS } from './payloads';
import { QuickStatus } from './QuickStatus';
import { StatusHistory } from './StatusHistory';
import { useRowColors } from './recordFocus';

interface Props {
  department: string;
  tasks: Row[];
  updates: Row[];
  people: Person[];
  overdue: Set<string>;
  /** The task a search hit or attention item points at. */
  focused?: string;
  expanded: string[];
  onToggle: (task: string) => void;
  /** Whether daily statuses can be reported, and tasks edited (else those columns are hidden). */
  canReport: boolean;
  canEdit: boolean;
  onEdit: (task: Row) => void;
}

/** One department's tasks: owner, dates, current status and the day's report; expand a row for its history. */
export function TaskTable({ department, tasks, updates, people, overdue, focused, expanded, onToggle, canReport, canEdit, onEdit }: Props) {
  const { t } = useTranslation('tasks');
  const colors = useRowColors();
  const background = (r: Row) => (str(r.id) === focused ? colors.focused : str(r.status) === 'blocked' ? colors.alarm : undefined);

  return (
    <Table<Row>
      data-testid={`tasks-table-${department}`}
      size="small"
      pagination={false}
      rowKey={(r) => str(r.id)}
      dataSource={tasks}
      locale={{ emptyText: t('table.empty') }}
      onRow={(r) => rowAttributes(`task-row-${str(r.title)}`, str(r.id), { background: background(r) })}
      expandable={{
        expandedRowKeys: expanded,
        onExpand: (_, r) => onToggle(str(r.id)),
        expandedRowRender: (r) => (
          <StatusHistory title={str(r.title)} updates={updates.filter((u) => u.task_id === r.id)} people={people} />
        ),
      }}
      columns={[
        {
          title: t('fields.title'),
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{str(r.title)}</Typography.Text>
              {str(r.deliverable) && <Typography.Text type="secondary">{t('table.deliverable', { deliverable: str(r.deliverable) })}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('fields.responsible'),
          width: 150,
          render: (_, r) => {
            const collaborators = ((r.collaborators as string[] | undefined) ?? []).map((id) => nameOf(people, id)).filter(Boolean);
            return (
              <Space orientation="vertical" size={0}>
                <span>{str(r.responsible)}</span>
                {collaborators.length > 0 && <Typography.Text type="secondary">{t('table.collaborators', { names: collaborators.join('、') })}</Typography.Text>}
              </Space>
            );
          },
        },
        {
          title: t('fields.dates'),
          width: 200,
          render: (_, r) => (
            <Space size={4} wrap>
              <span>{`${str(r.start_date)} ~ ${str(r.end_date)}`}</span>
              {overdue.has(str(r.id)) && (
                <Tag color="red" data-testid={`task-overdue-${str(r.title)}`}>
                  {t('table.overdue')}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          title: t('fields.status'),
          width: 140,
          render: (_, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLORS[str(r.status)]} data-testid={`task-status-tag-${str(r.title)}`}>
                {t(`taskStatus.${str(r.status)}`, { ns: 'common' })}
              </Tag>
              <span>{`${str(r.progress)}%`}</span>
            </Space>
          ),
        },
        {
          title: t('fields.lastReport'),
          width: 110,
          render: (_, r) => str(r.last_status_on) || <Typography.Text type="secondary">{t('table.noReport')}</Typography.Text>,
        },
        ...(canReport ? [{ title: t('fields.report'), width: 220, render: (_: unknown, r: Row) => <QuickStatus task={r} /> }] : []),
        ...(canEdit
          ? [
              {
                title: '',
                width: 70,
                render: (_: unknown, r: Row) => (
                  <Button type="link" size="small" data-testid={`task-edit-${str(r.title)}`} onClick={() => onEdit(r)}>
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

import { useEffect, useState } from 'react';
import { Alert, Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TabProps } from '../collaboration/tabProps';
import { useOrg, useOverdue } from '../../components/org';
import { useRecordFocus } from '../../components/recordFocus';
import { participants } from '../../lib/org';
import { blocker, EXECUTION, NOT_ARCHIVED } from './gates';
import { GatedButton } from './GatedButton';
import { TaskFormModal, type TaskFormTarget } from './TaskFormModal';
import { TaskTable } from './TaskTable';
import { taskOfRecord } from './tasksByRecord';
import { XlsxExportButton } from '../office/SaveFileButton';

/**
 * Step 3's plan and daily tracking: every participating department's tasks (one responsible person
 * each), the day's status in one click, blocked tasks in red, overdue ones marked, and each task's
 * status history; the whole table exported to Excel (进度跟踪表).
 */
export function TasksTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('tasks');
  const { people } = useOrg();
  const overdue = useOverdue('task_overdue');
  const [target, setTarget] = useState<TaskFormTarget | null>(null);
  const focused = taskOfRecord(dossier, record);
  const { rowProps } = useRecordFocus(focused);
  const [expanded, setExpanded] = useState<string[]>(focused ? [focused] : []);
  useEffect(() => {
    if (focused) setExpanded((keys) => (keys.includes(focused) ? keys : [...keys, focused]));
  }, [focused]);

  const addBlocked = blocker(dossier.stage, EXECUTION);
  const canEdit = blocker(dossier.stage, NOT_ARCHIVED) === null;
  const blocked = dossier.tasks.filter((r) => r.status === 'blocked').length;
  const late = dossier.tasks.filter((r) => overdue.has(r.id)).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="tasks-tab">
      {addBlocked === 'stage' && <Alert type="info" showIcon title={t('gate.stage')} />}
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space data-testid="tasks-summary">
          <Tag>{t('summary.total', { count: dossier.tasks.length })}</Tag>
          {blocked > 0 && <Tag color="red">{t('summary.blocked', { count: blocked })}</Tag>}
          {late > 0 && <Tag color="orange">{t('summary.overdue', { count: late })}</Tag>}
        </Space>
        <XlsxExportButton testid="tasks-export-xlsx" collaboration={{ id: dossier.collaboration.id, number: dossier.collaboration.number }} />
      </Space>
      {participants(dossier).map((department) => {
        const tasks = dossier.tasks.filter((r) => r.department_id === department.id);
        return (
          <Card
            key={department.id}
            size="small"
            title={t('table.departmentTitle', { name: department.name, count: tasks.length })}
            data-testid={`tasks-department-${department.name}`}
            extra={
              <GatedButton
                size="small"
                data-testid={`task-add-${department.name}`}
                blockedBy={addBlocked && t(`gate.${addBlocked}`)}
                onClick={() => setTarget({ department: department.id })}
              >
                {t('table.add')}
              </GatedButton>
            }
          >
            <TaskTable
              department={department.name}
              tasks={tasks}
              updates={dossier.status_updates}
              people={people}
              overdue={overdue}
              rowProps={rowProps}
              expanded={expanded}
              onToggle={(id) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]))}
              canReport={addBlocked === null}
              canEdit={canEdit}
              onEdit={(task) => setTarget({ task })}
            />
          </Card>
        );
      })}
      {target && <TaskFormModal dossier={dossier} target={target} onClose={() => setTarget(null)} />}
    </Space>
  );
}

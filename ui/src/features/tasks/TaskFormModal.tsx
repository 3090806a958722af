import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Dossier, TaskRow } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useOrg } from '../../components/org';
import { participants, personOptions } from '../../lib/org';
import { addTaskPayload, updateTaskPayload, type TaskFormValues } from './payloads';

/** What the dialog is for: a new task of a department, or an existing task. */
export type TaskFormTarget = { department: string } | { task: TaskRow };

/**
 * Adds a task to a department's plan, or edits one: title, the one responsible person,
 * collaborators, dates and deliverable. An existing task's dates are shown but locked: they are part
 * of the agreed plan and change only through a change request.
 */
export function TaskFormModal({ dossier, target, onClose }: { dossier: Dossier; target: TaskFormTarget; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const { people } = useOrg();
  const departments = participants(dossier);
  const task = 'task' in target ? target.task : null;
  const collaborators = task?.collaborators ?? [];
  const options = personOptions(people, departments, task ? [task.responsible_person_id, ...collaborators] : []);
  const initialValues: Partial<TaskFormValues> = task
    ? {
        title: task.title,
        department: task.department_id,
        responsible: task.responsible_person_id,
        collaborators,
        start_date: dayjs(task.start_date),
        end_date: dayjs(task.end_date),
        deliverable: task.deliverable,
      }
    : { department: 'department' in target ? target.department : undefined, collaborators: [] };
  const collaboration = dossier.collaboration.id;

  return (
    <EngineFormModal
      title={task ? t('form.editTitle') : t('form.addTitle')}
      action={task ? 'update_task' : 'add_task'}
      toPayload={(v: Partial<TaskFormValues>) => (task ? updateTaskPayload(task.id, v) : addTaskPayload(collaboration, v))}
      initialValues={initialValues}
      checkAtOnce={task !== null}
      okText={t('form.submit')}
      success={task ? t('form.updated') : t('form.added')}
      testId="task-form"
      onClose={onClose}
    >
      <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
        <Input data-testid="task-title" autoFocus />
      </Form.Item>
      <Form.Item name="department" label={t('fields.department')} rules={[{ required: true }]}>
        <Select
          data-testid="task-department"
          disabled={task !== null}
          showSearch={{ optionFilterProp: 'label' }}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="responsible" label={t('fields.responsible')} extra={t('form.responsibleHint')} rules={[{ required: true }]}>
        <Select data-testid="task-responsible" showSearch={{ optionFilterProp: 'label' }} options={options} />
      </Form.Item>
      <Form.Item name="collaborators" label={t('fields.collaborators')}>
        <Select data-testid="task-collaborators" mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16 }}>
        <Form.Item name="start_date" label={t('fields.start')} rules={[{ required: true }]}>
          <DatePicker data-testid="task-start" format="YYYY-MM-DD" disabled={task !== null} />
        </Form.Item>
        <Form.Item name="end_date" label={t('fields.end')} rules={[{ required: true }]} extra={task ? t('form.datesLocked') : undefined}>
          <DatePicker data-testid="task-end" format="YYYY-MM-DD" disabled={task !== null} />
        </Form.Item>
      </div>
      <Form.Item name="deliverable" label={t('fields.deliverable')}>
        <Input data-testid="task-deliverable" placeholder={t('form.deliverableHint')} />
      </Form.Item>
    </EngineFormModal>
  );
}

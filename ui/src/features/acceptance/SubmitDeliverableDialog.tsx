import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliverableInput, Dossier, SelfCheckItem } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { participants } from '../../lib/org';
import { SelfCheckFields, selfCheckPayload } from './SelfCheckFields';

interface Values {
  department?: string;
  task?: string;
  title?: string;
  self_check?: Partial<SelfCheckItem>[];
}

/**
 * Submitting a deliverable (成果提交): the responsible department, the task it completes, its name,
 * and optionally its self-check right away. Choosing a task fills in its department and the
 * deliverable agreed for it.
 */
export function SubmitDeliverableDialog({ dossier, criteria, onClose }: { dossier: Dossier; criteria: string[]; onClose: () => void }) {
  const { t } = useTranslation('acceptance');
  const collaboration = dossier.collaboration.id;
  const departments = participants(dossier).map((p) => ({ value: p.id, label: p.name }));
  const tasks = dossier.tasks.map((task) => ({ value: task.id, label: t('form.withDepartment', { name: task.title, department: task.department ?? '' }) }));

  const toPayload = (v: Values): DeliverableInput => ({
    collaboration,
    department: v.department ?? '',
    task: v.task,
    title: v.title ?? '',
    self_check: selfCheckPayload(v.self_check),
  });

  return (
    <EngineFormModal
      title={t('submit.title')}
      action="submit_deliverable"
      toPayload={toPayload}
      okText={t('form.ok')}
      success={t('submit.success')}
      testId="deliverable-form"
      width={760}
      onClose={onClose}
    >
      <TaskAndDepartment dossier={dossier} departments={departments} tasks={tasks} />
      <Form.Item name="title" label={t('submit.name')} required>
        <Input data-testid="deliverable-title" />
      </Form.Item>
      <Typography.Text strong>{t('selfCheck.title')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('submit.selfCheckHint')}</Typography.Paragraph>
      <SelfCheckFields criteria={criteria} />
    </EngineFormModal>
  );
}

type Option = { value: string; label: string };

/** The task and department pickers; picking a task fills in the rest of what it already says. */
function TaskAndDepartment({ dossier, departments, tasks }: { dossier: Dossier; departments: Option[]; tasks: Option[] }) {
  const { t } = useTranslation('acceptance');
  const form = Form.useFormInstance<Values>();
  const pickTask = (id: string | undefined) => {
    const task = dossier.tasks.find((x) => x.id === id);
    if (!task) return;
    form.setFieldValue('department', task.department_id);
    if (!form.getFieldValue('title')) form.setFieldValue('title', task.deliverable || task.title);
  };
  return (
    <>
      <Form.Item name="task" label={t('submit.task')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('submit.taskNone')}
          options={tasks}
          onChange={pickTask}
          data-testid="deliverable-task"
        />
      </Form.Item>
      <Form.Item name="department" label={t('submit.department')} required>
        <Select showSearch={{ optionFilterProp: 'label' }} options={departments} data-testid="deliverable-department" />
      </Form.Item>
    </>
  );
}

import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../types';
import type { SelfCheckItem } from './acceptanceModel';
import { FormDialog } from './FormDialog';
import { SelfCheckFields, selfCheckPayload } from './SelfCheckFields';
import { participantNames } from './org';
import { str } from './format';

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
  const collaboration = str(dossier.collaboration.id);
  const departments = [...participantNames(dossier)].map(([value, label]) => ({ value, label }));
  const tasks = dossier.tasks.map((task) => ({ value: str(task.id), label: t('form.withDepartment', { name: str(task.title), department: str(task.department) }) }));

  const toPayload = (v: Values) => ({
    collaboration,
    department: v.department ?? '',
    task: v.task ?? null,
    title: v.title ?? '',
    self_check: selfCheckPayload(v.self_check),
    attachment: null,
  });

  return (
    <FormDialog<Values>
      title={t('submit.title')}
      action="submit_deliverable"
      toPayload={toPayload}
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
    </FormDialog>
  );
}

type Option = { value: string; label: string };

/** The task and department pickers; picking a task fills in the rest of what it already says. */
function TaskAndDepartment({ dossier, departments, tasks }: { dossier: Dossier; departments: Option[]; tasks: Option[] }) {
  const { t } = useTranslation('acceptance');
  const form = Form.useFormInstance<Values>();
  const pickTask = (id: string | undefined) => {
    const task = dossier.tasks.find((x) => str(x.id) === id);
    if (!task) return;
    form.setFieldValue('department', str(task.department_id));
    if (!form.getFieldValue('title')) form.setFieldValue('title', str(task.deliverable) || str(task.title));
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

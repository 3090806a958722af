import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useOrg } from '../../components/org';
import { participants, personOptions, type PersonGroup } from '../../lib/org';
import { changePayload, currentPlan, type ChangeFormValues, type Plan } from './planChanges';

/**
 * Opens a change request (变更申请), led by the initiating department: title, reason, and the plan
 * changes the engine supports (task dates and owners; milestones moved, renamed or added). Nothing
 * changes until every participating department agrees.
 */
export function OpenChangeModal({ dossier, onClose }: { dossier: Dossier; onClose: () => void }) {
  const { t } = useTranslation('changes');
  const { people, me } = useOrg();
  const c = dossier.collaboration;
  const initiating = participants(dossier)[0];
  const plan = currentPlan(dossier);
  const owners = personOptions(people, participants(dossier));
  const by = me?.department_id === initiating.id ? me.id : c.initiator_contact_id;

  return (
    <EngineFormModal
      title={t('form.title')}
      action="open_change_request"
      toPayload={(v: Partial<ChangeFormValues>) => changePayload(c.id, v)}
      initialValues={{ by, tasks: [], milestones: [] }}
      success={t('form.opened')}
      okText={t('form.submit')}
      testId="change-form"
      onClose={onClose}
      width={820}
    >
      <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
        <Input data-testid="change-title" autoFocus />
      </Form.Item>
      <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true }]}>
        <Input.TextArea data-testid="change-reason" autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.reasonHint')} />
      </Form.Item>
      <Form.Item name="by" label={t('fields.by')} extra={t('form.byHint', { department: initiating.name })}>
        <Select data-testid="change-by" showSearch={{ optionFilterProp: 'label' }} options={personOptions(people, [initiating])} />
      </Form.Item>
      <Typography.Title level={5}>{t('form.taskChanges')}</Typography.Title>
      <Form.List name="tasks">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <TaskChangeRow key={field.key} index={field.name} plan={plan} owners={owners} onRemove={() => remove(field.name)} />
            ))}
            <Button type="dashed" data-testid="change-add-task" onClick={() => add({})}>
              {t('form.addTask')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('form.milestoneChanges')}
      </Typography.Title>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <MilestoneChangeRow key={field.key} index={field.name} plan={plan} onRemove={() => remove(field.name)} />
            ))}
            <Button type="dashed" data-testid="change-add-milestone" onClick={() => add({})}>
              {t('form.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>
    </EngineFormModal>
  );
}

/** One task's new dates and owner; empty fields stay as planned (shown as placeholders). */
function TaskChangeRow({ index, plan, owners, onRemove }: { index: number; plan: Plan; owners: PersonGroup[]; onRemove: () => void }) {
  const { t } = useTranslation('changes');
  const form = Form.useFormInstance();
  const picked = Form.useWatch(['tasks', index, 'task'], form);
  const current = plan.tasks.find((task) => task.id === picked);
  return (
    <Space align="start" wrap data-testid={`change-task-row-${index}`}>
      <Form.Item name={[index, 'task']} rules={[{ required: true, message: t('form.pickTask') }]}>
        <Select
          data-testid={`change-task-${index}`}
          style={{ width: 200 }}
          placeholder={t('lines.task')}
          showSearch={{ optionFilterProp: 'label' }}
          options={plan.tasks.map((task) => ({ value: task.id, label: task.title }))}
        />
      </Form.Item>
      <Form.Item name={[index, 'start_date']}>
        <DatePicker data-testid={`change-task-start-${index}`} format="YYYY-MM-DD" placeholder={current?.start_date ?? t('lines.fields.start_date')} />
      </Form.Item>
      <Form.Item name={[index, 'end_date']}>
        <DatePicker data-testid={`change-task-end-${index}`} format="YYYY-MM-DD" placeholder={current?.end_date ?? t('lines.fields.end_date')} />
      </Form.Item>
      <Form.Item name={[index, 'responsible']}>
        <Select
          data-testid={`change-task-responsible-${index}`}
          style={{ width: 140 }}
          allowClear
          placeholder={t('lines.fields.responsible')}
          showSearch={{ optionFilterProp: 'label' }}
          options={owners}
        />
      </Form.Item>
      <Button type="link" danger onClick={onRemove} data-testid={`change-task-remove-${index}`}>
        {t('form.remove')}
      </Button>
    </Space>
  );
}

/** One milestone moved or renamed, or, with no milestone picked, a new one. */
function MilestoneChangeRow({ index, plan, onRemove }: { index: number; plan: Plan; onRemove: () => void }) {
  const { t } = useTranslation('changes');
  const form = Form.useFormInstance();
  const picked = Form.useWatch(['milestones', index, 'milestone'], form);
  const current = plan.milestones.find((m) => m.id === picked);
  return (
    <Space align="start" wrap data-testid={`change-milestone-row-${index}`}>
      <Form.Item name={[index, 'milestone']}>
        <Select
          data-testid={`change-milestone-${index}`}
          style={{ width: 200 }}
          allowClear
          placeholder={t('lines.newMilestone')}
          showSearch={{ optionFilterProp: 'label' }}
          options={plan.milestones.map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      <Form.Item name={[index, 'name']}>
        <Input data-testid={`change-milestone-name-${index}`} style={{ width: 180 }} placeholder={current?.name ?? t('form.milestoneName')} />
      </Form.Item>
      <Form.Item name={[index, 'due_date']} rules={[{ required: true, message: t('form.pickDate') }]}>
        <DatePicker data-testid={`change-milestone-due-${index}`} format="YYYY-MM-DD" placeholder={current?.due_date ?? t('lines.fields.due_date')} />
      </Form.Item>
      <Button type="link" danger onClick={onRemove} data-testid={`change-milestone-remove-${index}`}>
        {t('form.remove')}
      </Button>
    </Space>
  );
}

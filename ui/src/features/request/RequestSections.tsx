// The parts of the request form (协作需求申请表), shared by the new-request wizard and the edit
// drawer on the overview tab: basics, collaborating departments with their asks, key milestones.
import { Button, Card, Checkbox, Col, DatePicker, Empty, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect, PersonSelect } from '../settings/pickers';
import { useDepartments } from '../../components/org';
import { SUPPORT_KINDS } from './requestForm';

const DATE = 'YYYY-MM-DD';

/** Title, departments and people, background, goal and expected completion. In `edit` mode the
 * initiating department is fixed and the owner is edited with the register notes instead. */
export function BasicsSection({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation('request');
  return (
    <>
      <Form.Item name="title" label={t('fields.title')} required>
        <Input data-testid="request-title" placeholder={t('placeholders.title')} maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="initiating_department" label={t('fields.initiating_department')} required>
            <DepartmentSelect data-testid="request-initiating-department" disabled={mode === 'edit'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="initiator_contact" label={t('fields.initiator_contact')}>
            <PersonSelect data-testid="request-initiator-contact" />
          </Form.Item>
        </Col>
        {mode === 'create' && (
          <Col span={8}>
            <Form.Item name="owner" label={t('fields.owner')}>
              <PersonSelect data-testid="request-owner" placeholder={t('placeholders.owner')} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="background" label={t('fields.background')}>
        <Input.TextArea data-testid="request-background" rows={3} placeholder={t('placeholders.background')} />
      </Form.Item>
      <Form.Item name="goal" label={t('fields.goal')}>
        <Input.TextArea data-testid="request-goal" rows={2} placeholder={t('placeholders.goal')} />
      </Form.Item>
      <Form.Item name="expected_completion" label={t('fields.expected_completion')}>
        <DatePicker data-testid="request-expected-completion" format={DATE} />
      </Form.Item>
    </>
  );
}

/** One collaborating department: who, what kind of support, what exactly, and its contact. */
function AskRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation('request');
  const form = Form.useFormInstance();
  const departments = useDepartments();
  const initiating = Form.useWatch('initiating_department', form) as string | undefined;
  const chosen = Form.useWatch(['departments', index, 'department'], form) as string | undefined;
  const defaultContact = departments.data?.find((d) => d.id === chosen)?.default_contact_name;
  const contactHint = !chosen ? undefined : defaultContact ? t('placeholders.contactDefault', { name: defaultContact }) : t('placeholders.contactNone');
  return (
    <Card
      size="small"
      data-testid={`request-department-row-${index}`}
      title={t('askTitle', { n: index + 1 })}
      extra={
        <Button type="link" danger data-testid={`request-department-remove-${index}`} onClick={onRemove}>
          {t('remove')}
        </Button>
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={[index, 'department']} label={t('fields.department')} required>
            <DepartmentSelect data-testid={`request-department-${index}`} exclude={initiating ? [initiating] : []} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={[index, 'contact']} label={t('fields.contact')}>
            <PersonSelect data-testid={`request-contact-${index}`} placeholder={contactHint} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[index, 'support_kinds']} label={t('fields.support_kinds')}>
        <Checkbox.Group data-testid={`request-support-kinds-${index}`} options={SUPPORT_KINDS.map((k) => ({ value: k, label: <span data-testid={`request-support-kind-${index}-${k}`}>{t(`supportKind.${k}`)}</span> }))} />
      </Form.Item>
      <Form.Item name={[index, 'support_text']} label={t('fields.support_text')}>
        <Input.TextArea data-testid={`request-support-text-${index}`} rows={2} placeholder={t('placeholders.support_text')} />
      </Form.Item>
    </Card>
  );
}

/** The collaborating departments and what each is asked for (add and remove rows). */
export function AsksSection() {
  const { t } = useTranslation('request');
  return (
    <Form.List name="departments">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDepartments')} />}
          {fields.map((field) => (
            <AskRow key={field.key} index={field.name} onRemove={() => remove(field.name)} />
          ))}
          <Button type="dashed" block data-testid="request-department-add" onClick={() => add({ support_kinds: [], support_text: '' })}>
            {t('addDepartment')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The request's key milestones (关键节点): name and date, add and remove rows. */
export function MilestonesSection() {
  const { t } = useTranslation('request');
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noMilestones')} />}
          {fields.map((field) => (
            <Space key={field.key} align="start" data-testid={`request-milestone-row-${field.name}`}>
              <Form.Item name={[field.name, 'name']} required>
                <Input data-testid={`request-milestone-name-${field.name}`} placeholder={t('fields.milestone_name')} style={{ width: 320 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'due_date']} rules={[{ required: true, message: t('milestoneDateRequired') }]}>
                <DatePicker data-testid={`request-milestone-date-${field.name}`} format={DATE} placeholder={t('fields.milestone_date')} />
              </Form.Item>
              <Button type="link" danger data-testid={`request-milestone-remove-${field.name}`} onClick={() => remove(field.name)}>
                {t('remove')}
              </Button>
            </Space>
          ))}
          <Button type="dashed" block data-testid="request-milestone-add" onClick={() => add({ name: '' })}>
            {t('addMilestone')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

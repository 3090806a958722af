import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from '../meetings/display';
import { EngineFormModal } from '../meetings/EngineFormModal';
import type { Participant } from '../meetings/minutes';
import { DateItem } from '../meetings/DateItem';

interface FeedbackValues {
  department?: string;
  on_date: string | null;
  text?: string;
}

/** The `add_feedback` payload (engine `FeedbackInput`). */
interface FeedbackInput {
  collaboration: string;
  department: string;
  on_date?: string;
  text: string;
}

/** Records a participating department's 反馈意见 on the collaboration. */
export function FeedbackModal({ collaboration, departments, open, onClose }: { collaboration: string; departments: Participant[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('communications');
  const [form] = Form.useForm<FeedbackValues>();
  const toPayload = (v: FeedbackValues): FeedbackInput | null =>
    v.department ? { collaboration, department: v.department, on_date: v.on_date ?? undefined, text: v.text ?? '' } : null;
  return (
    <EngineFormModal<FeedbackValues, FeedbackInput>
      form={form}
      action="add_feedback"
      toPayload={toPayload}
      open={open}
      onClose={onClose}
      title={t('feedback.add')}
      okText={t('save')}
      success={t('feedback.done')}
      testid="feedback"
      initialValues={{ on_date: today() }}
    >
      <Form.Item name="department" label={t('feedback.department')} rules={[{ required: true, message: t('feedback.departmentRequired') }]}>
        <Select data-testid="feedback-department" showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <DateItem name="on_date" label={t('date')} testid="feedback-date" />
      <Form.Item name="text" label={t('feedback.text')}>
        <Input.TextArea data-testid="feedback-text" autoSize={{ minRows: 3 }} placeholder={t('feedback.textPlaceholder')} />
      </Form.Item>
    </EngineFormModal>
  );
}

import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedbackInput } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { today } from '../../lib/format';
import type { Participant } from '../../lib/org';
import { DateItem } from '../meetings/DateItem';

interface FeedbackValues {
  department: string;
  on_date: string | null;
  text: string;
}

/** Records a participating department's 反馈意见 on the collaboration. */
export function FeedbackModal({ collaboration, departments, onClose }: { collaboration: string; departments: Participant[]; onClose: () => void }) {
  const { t } = useTranslation('communications');
  const toPayload = (v: Partial<FeedbackValues>): FeedbackInput | null =>
    v.department ? { collaboration, department: v.department, on_date: v.on_date ?? undefined, text: v.text ?? '' } : null;
  return (
    <EngineFormModal
      action="add_feedback"
      toPayload={toPayload}
      onClose={onClose}
      title={t('feedback.add')}
      okText={t('save')}
      success={t('feedback.done')}
      testId="feedback"
      formTestId="feedback-form"
      initialValues={{ on_date: today() }}
      checkAtOnce
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

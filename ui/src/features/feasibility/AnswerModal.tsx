import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import type { Row } from '../../types';
import { PersonSelect } from '../settings/pickers';
import { EngineVerdict, showFieldError } from '../request/engineForm';

type Answer = 'confirm' | 'object';

interface AnswerValues {
  answer?: Answer;
  contact?: string;
  note?: string;
  by?: string;
}

interface AnswerInput {
  collaboration: string;
  department: string;
  answer: Answer;
  contact?: string;
  note?: string;
  by?: string;
}

const FIELDS = ['contact', 'note', 'by'];

/**
 * Records one department's answer to the request round (within 2 working days): 确认参与 with its
 * contact person, or 提出异议 with a concrete adjustment suggestion.
 */
export function AnswerModal({ collaboration, slot, contact, onClose }: { collaboration: string; slot: Row; contact?: string; onClose: () => void }) {
  const { t } = useTranslation('feasibility');
  const [form] = Form.useForm<AnswerValues>();
  const values = Form.useWatch([], form) as AnswerValues | undefined;
  const department = String(slot.department_id);
  const toInput = (v: AnswerValues): AnswerInput | null =>
    v.answer ? { collaboration, department, answer: v.answer, contact: v.contact || undefined, note: v.note || undefined, by: v.by || undefined } : null;
  const input = values ? toInput(values) : null;
  const verdict = useLiveValidation('answer_feasibility', input);
  const answer = useEngineAction<AnswerInput>('answer_feasibility', { success: t('answer.saved') });

  async function submit() {
    const payload = toInput(form.getFieldsValue());
    if (!payload) return;
    try {
      await answer.mutateAsync(payload);
      onClose();
    } catch (error) {
      showFieldError(form, t, error, FIELDS);
    }
  }

  return (
    <Modal
      open
      title={t('answer.title', { department: String(slot.department) })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('answer.submit')}
      okButtonProps={{ disabled: !input || verdict !== null, loading: answer.isPending, 'data-testid': 'feasibility-answer-submit' }}
      cancelButtonProps={{ 'data-testid': 'feasibility-answer-cancel' }}
    >
      <Form form={form} name="feasibility-answer" layout="vertical" data-testid="feasibility-answer-form" initialValues={{ contact }}>
        <Form.Item name="answer" label={t('answer.choice')} required>
          <Radio.Group data-testid="feasibility-answer-choice">
            <Radio.Button value="confirm">
              <span data-testid="feasibility-answer-confirm">{t('answer.confirm')}</span>
            </Radio.Button>
            <Radio.Button value="object">
              <span data-testid="feasibility-answer-object">{t('answer.object')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        {values?.answer === 'confirm' && (
          <Form.Item name="contact" label={t('answer.contact')} extra={t('answer.contactHint')} required>
            <PersonSelect data-testid="feasibility-contact" />
          </Form.Item>
        )}
        <Form.Item name="note" label={values?.answer === 'object' ? t('answer.objection') : t('answer.remark')} required={values?.answer === 'object'}>
          <Input.TextArea data-testid="feasibility-note" rows={3} placeholder={values?.answer === 'object' ? t('answer.objectionPlaceholder') : undefined} />
        </Form.Item>
        <Form.Item name="by" label={t('answer.by')}>
          <PersonSelect data-testid="feasibility-by" placeholder={t('answer.byPlaceholder')} />
        </Form.Item>
      </Form>
      {input && <EngineVerdict testid="feasibility-answer-verdict" error={verdict} />}
    </Modal>
  );
}

import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerInput, FeasibilityAnswer, FeasibilityRow } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { PersonSelect } from '../settings/pickers';

interface AnswerValues {
  answer: FeasibilityAnswer;
  contact: string;
  note: string;
  by: string;
}

/**
 * Records one department's answer to the request round (within 2 working days): 确认参与 with its
 * contact person, or 提出异议 with a concrete adjustment suggestion.
 */
export function AnswerModal({ collaboration, slot, contact, onClose }: { collaboration: string; slot: FeasibilityRow; contact?: string; onClose: () => void }) {
  const { t } = useTranslation('feasibility');
  const department = slot.department_id;
  // The contact is asked for (and sent) only with a confirmation.
  const toPayload = (v: Partial<AnswerValues>): AnswerInput | null =>
    v.answer
      ? { collaboration, department, answer: v.answer, contact: (v.answer === 'confirm' && v.contact) || undefined, note: v.note || undefined, by: v.by || undefined }
      : null;

  return (
    <EngineFormModal
      action="answer_feasibility"
      toPayload={toPayload}
      title={t('answer.title', { department: slot.department ?? '' })}
      okText={t('answer.submit')}
      success={t('answer.saved')}
      testId="feasibility-answer"
      formTestId="feasibility-answer-form"
      initialValues={{ contact }}
      checkAtOnce
      onClose={onClose}
    >
      <AnswerFields />
    </EngineFormModal>
  );
}

/** The answer and, depending on it, the contact (to confirm) or the adjustment suggestion (to object). */
function AnswerFields() {
  const { t } = useTranslation('feasibility');
  const answer = Form.useWatch<FeasibilityAnswer | undefined>('answer');
  return (
    <>
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
      {answer === 'confirm' && (
        <Form.Item name="contact" label={t('answer.contact')} extra={t('answer.contactHint')} required>
          <PersonSelect data-testid="feasibility-contact" />
        </Form.Item>
      )}
      <Form.Item name="note" label={answer === 'object' ? t('answer.objection') : t('answer.remark')} required={answer === 'object'}>
        <Input.TextArea data-testid="feasibility-note" rows={3} placeholder={answer === 'object' ? t('answer.objectionPlaceholder') : undefined} />
      </Form.Item>
      <Form.Item name="by" label={t('answer.by')}>
        <PersonSelect data-testid="feasibility-by" placeholder={t('answer.byPlaceholder')} />
      </Form.Item>
    </>
  );
}

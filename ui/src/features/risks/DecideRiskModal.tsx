import { Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskRow } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';

interface DecisionValues {
  decision: string;
  close: boolean;
}

/** Records what the group decided about a risk (re-prioritise, extra support …), and may close it. */
export function DecideRiskModal({ risk, onClose }: { risk: RiskRow; onClose: () => void }) {
  const { t } = useTranslation('risks');
  return (
    <EngineFormModal
      title={t('decide.title', { title: risk.title })}
      action="decide_risk"
      toPayload={(v: Partial<DecisionValues>) => ({ risk: risk.id, decision: v.decision ?? '', close: v.close ?? false })}
      initialValues={{ decision: risk.decision ?? '', close: false }}
      okText={t('form.submit', { ns: 'tasks' })}
      success={t('decide.done')}
      testId="risk-decide-form"
      onClose={onClose}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('decide.impact', { impact: risk.impact })}</Typography.Paragraph>
      <Form.Item name="decision" label={t('fields.decision')} rules={[{ required: true }]}>
        <Input.TextArea data-testid="risk-decision" autoFocus autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('decide.hint')} />
      </Form.Item>
      <Form.Item name="close" valuePropName="checked">
        <Checkbox data-testid="risk-close">{t('decide.close')}</Checkbox>
      </Form.Item>
    </EngineFormModal>
  );
}

import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useOrg } from '../../components/org';
import { participants, personOptions } from '../../lib/org';
import { riskPayload, type RiskFormValues } from './risk';

/** Raises a risk that may affect overall progress; it can go to the whole group at once (预警). */
export function RiskFormModal({ dossier, onClose }: { dossier: Dossier; onClose: () => void }) {
  const { t } = useTranslation('risks');
  const { people, me } = useOrg();
  const collaboration = dossier.collaboration.id;
  return (
    <EngineFormModal
      title={t('form.title')}
      action="raise_risk"
      toPayload={(v: Partial<RiskFormValues>) => riskPayload(collaboration, v)}
      initialValues={{ raised_by: me?.id ?? null, escalate: false }}
      okText={t('form.submit', { ns: 'tasks' })}
      success={t('form.added')}
      testId="risk-form"
      onClose={onClose}
    >
      <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
        <Input data-testid="risk-title" autoFocus placeholder={t('form.titleHint')} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea data-testid="risk-description" autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="impact" label={t('fields.impact')} rules={[{ required: true }]}>
        <Input.TextArea data-testid="risk-impact" autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.impactHint')} />
      </Form.Item>
      <Form.Item name="raised_by" label={t('fields.raisedBy')}>
        <Select data-testid="risk-raised-by" allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions(people, participants(dossier))} />
      </Form.Item>
      <Form.Item name="escalate" valuePropName="checked" extra={t('form.escalateHint')}>
        <Checkbox data-testid="risk-escalate">{t('form.escalate')}</Checkbox>
      </Form.Item>
    </EngineFormModal>
  );
}

import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommunicationInput, CommunicationKind } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { today } from '../../lib/format';
import { DateItem } from '../meetings/DateItem';
import { PeopleSelect } from '../meetings/PeopleSelect';

const COMMUNICATION_KINDS: CommunicationKind[] = ['meeting', 'email', 'phone', 'im'];

interface CommunicationValues {
  kind: CommunicationKind;
  on_date: string | null;
  participants: string[];
  summary: string;
}

/** Records a 沟通记录: a meeting, e-mail, phone call or IM exchange, who took part, and its summary. */
export function CommunicationModal({ collaboration, onClose }: { collaboration: string; onClose: () => void }) {
  const { t } = useTranslation('communications');
  const toPayload = (v: Partial<CommunicationValues>): CommunicationInput | null =>
    v.kind ? { collaboration, kind: v.kind, on_date: v.on_date ?? undefined, participants: v.participants ?? [], summary: v.summary ?? '' } : null;
  return (
    <EngineFormModal
      action="add_communication"
      toPayload={toPayload}
      onClose={onClose}
      title={t('communication.add')}
      okText={t('save')}
      success={t('communication.done')}
      testId="communication"
      formTestId="communication-form"
      initialValues={{ kind: 'email', on_date: today() }}
      checkAtOnce
    >
      <Form.Item name="kind" label={t('communication.kind')}>
        <Select data-testid="communication-kind" showSearch={{ optionFilterProp: 'label' }} options={COMMUNICATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <DateItem name="on_date" label={t('date')} testid="communication-date" />
      <Form.Item name="participants" label={t('communication.participants')}>
        <PeopleSelect testid="communication-participants" />
      </Form.Item>
      <Form.Item name="summary" label={t('communication.summary')}>
        <Input.TextArea data-testid="communication-summary" autoSize={{ minRows: 3 }} placeholder={t('communication.summaryPlaceholder')} />
      </Form.Item>
    </EngineFormModal>
  );
}

import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from '../meetings/display';
import { DateItem } from '../meetings/DateItem';
import { EngineFormModal } from '../meetings/EngineFormModal';
import { PeopleSelect } from '../meetings/PeopleSelect';

export const COMMUNICATION_KINDS = ['meeting', 'email', 'phone', 'im'] as const;

interface CommunicationValues {
  kind: (typeof COMMUNICATION_KINDS)[number];
  on_date: string | null;
  participants?: string[];
  summary?: string;
}

/** The `add_communication` payload (engine `CommunicationInput`). */
interface CommunicationInput {
  collaboration: string;
  kind: string;
  on_date?: string;
  participants: string[];
  summary: string;
}

/** Records a 沟通记录: a meeting, e-mail, phone call or IM exchange, who took part, and its summary. */
export function CommunicationModal({ collaboration, open, onClose }: { collaboration: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('communications');
  const [form] = Form.useForm<CommunicationValues>();
  const toPayload = (v: CommunicationValues): CommunicationInput => ({
    collaboration,
    kind: v.kind,
    on_date: v.on_date ?? undefined,
    participants: v.participants ?? [],
    summary: v.summary ?? '',
  });
  return (
    <EngineFormModal<CommunicationValues, CommunicationInput>
      form={form}
      action="add_communication"
      toPayload={toPayload}
      open={open}
      onClose={onClose}
      title={t('communication.add')}
      okText={t('save')}
      success={t('communication.done')}
      testid="communication"
      initialValues={{ kind: 'email', on_date: today() }}
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

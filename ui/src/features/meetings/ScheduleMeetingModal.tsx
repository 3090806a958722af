import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MeetingInput, MeetingKind } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { chinaInstant } from '../../lib/format';
import { MEETING_KINDS } from './minutes';
import { PeopleSelect } from './PeopleSelect';
import { TextListField } from './TextListField';

interface ScheduleValues {
  kind: MeetingKind;
  title?: string;
  starts_at?: Dayjs | null;
  ends_at?: Dayjs | null;
  place?: string;
  attendees?: string[];
  agenda?: string[];
}

/** The `schedule_meeting` payload, or null until the kind and both times are picked. */
function meetingInput(collaboration: string, v: Partial<ScheduleValues>): MeetingInput | null {
  if (!v.kind || !v.starts_at || !v.ends_at) return null;
  return {
    collaboration,
    kind: v.kind,
    title: v.title?.trim() ? v.title : undefined,
    starts_at: chinaInstant(v.starts_at),
    ends_at: chinaInstant(v.ends_at),
    place: v.place ?? '',
    attendees: v.attendees ?? [],
    agenda: (v.agenda ?? []).filter((item) => item?.trim()),
  };
}

/**
 * Schedules a meeting with its agenda (议程: background, draft division of work, topics). The same
 * form serves the kickoff, progress, review and adjustment meetings; the engine's verdict shows
 * under the form as it is filled in (e.g. a kickoff before every department confirmed).
 */
export function ScheduleMeetingModal({ collaboration, defaultKind, onClose }: { collaboration: string; defaultKind: MeetingKind; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  return (
    <EngineFormModal
      action="schedule_meeting"
      toPayload={(values: Partial<ScheduleValues>) => meetingInput(collaboration, values)}
      onClose={onClose}
      title={t('schedule.title')}
      okText={t('schedule.submit')}
      success={t('schedule.done')}
      testId="meeting"
      formTestId="meeting-form"
      width={720}
      initialValues={{ kind: defaultKind, agenda: [''] }}
      checkAtOnce
    >
      <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
        <Select data-testid="meeting-kind" showSearch={{ optionFilterProp: 'label' }} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('fields.title')} extra={t('schedule.titleHint')}>
        <Input data-testid="meeting-title" />
      </Form.Item>
      <Form.Item name="starts_at" label={t('fields.startsAt')} rules={[{ required: true, message: t('schedule.timeRequired') }]}>
        <DatePicker data-testid="meeting-starts-at" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="ends_at" label={t('fields.endsAt')} rules={[{ required: true, message: t('schedule.timeRequired') }]}>
        <DatePicker data-testid="meeting-ends-at" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="place" label={t('fields.place')}>
        <Input data-testid="meeting-place" />
      </Form.Item>
      <Form.Item name="attendees" label={t('fields.attendees')}>
        <PeopleSelect testid="meeting-attendees" />
      </Form.Item>
      <TextListField name="agenda" label={t('fields.agenda')} testid="meeting-agenda" placeholder={t('schedule.agendaPlaceholder')} />
    </EngineFormModal>
  );
}

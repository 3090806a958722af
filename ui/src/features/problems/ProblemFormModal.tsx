import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useOrg } from '../../components/org';
import { localDateTime } from '../../lib/format';
import { participants, personOptions } from '../../lib/org';
import { problemPayload, type ProblemFormValues } from './payloads';

/** Records a problem from a progress meeting (进度跟踪表) or raised ad hoc: what, who solves it, by when. */
export function ProblemFormModal({ dossier, onClose }: { dossier: Dossier; onClose: () => void }) {
  const { t } = useTranslation('problems');
  const { people } = useOrg();
  const collaboration = dossier.collaboration.id;
  const meetings = [...dossier.meetings].reverse().map((m) => ({ value: m.id, label: `${localDateTime(m.starts_at).slice(0, 10)} ${m.title}` }));
  return (
    <EngineFormModal
      title={t('form.title')}
      action="add_problem"
      toPayload={(v: Partial<ProblemFormValues>) => problemPayload(collaboration, v)}
      okText={t('form.submit', { ns: 'tasks' })}
      success={t('form.added')}
      testId="problem-form"
      onClose={onClose}
    >
      <Form.Item name="description" label={t('fields.description')} rules={[{ required: true }]}>
        <Input.TextArea data-testid="problem-description" autoFocus autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="owner" label={t('fields.owner')} rules={[{ required: true }]}>
        <Select data-testid="problem-owner" showSearch={{ optionFilterProp: 'label' }} options={personOptions(people, participants(dossier))} />
      </Form.Item>
      <Form.Item name="deadline" label={t('fields.deadline')} rules={[{ required: true }]}>
        <DatePicker data-testid="problem-deadline" format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="meeting" label={t('fields.meeting')} extra={t('form.meetingHint')}>
        <Select data-testid="problem-meeting" allowClear placeholder={t('table.adHoc')} options={meetings} />
      </Form.Item>
    </EngineFormModal>
  );
}

import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../types';
import { EngineFormModal } from '../tasks/EngineFormModal';
import { instant, str } from '../tasks/format';
import { participants, personOptions, useOrg } from '../tasks/org';
import { problemPayload, type ProblemFormValues } from './payloads';

/** Records a problem from a progress meeting (进度跟踪表) or raised ad hoc: what, who solves it, by when. */
export function ProblemFormModal({ dossier, onClose }: { dossier: Dossier; onClose: () => void }) {
  const { t } = useTranslation('problems');
  const { people } = useOrg();
  const collaboration = str(dossier.collaboration.id);
  const meetings = [...dossier.meetings].reverse().map((m) => ({ value: str(m.id), label: `${instant(m.starts_at).slice(0, 10)} ${str(m.title)}` }));
  return (
    <EngineFormModal<ProblemFormValues>
      title={t('form.title')}
      action="add_problem"
      toPayload={(v) => problemPayload(collaboration, v)}
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

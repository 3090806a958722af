import { useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Divider, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier, MeetingRow, MinutesInput } from '../../bindings';
import { useEngineAction, useLiveValidation } from '../../engine';
import { describeError } from '../../components/errors';
import { showFieldError } from '../../components/engineForm';
import { usePersonNames } from '../../components/org';
import { chinaTime } from '../../lib/format';
import { participants } from '../../lib/org';
import { PrintButton } from '../printing/PrintButton';
import { DateItem } from './DateItem';
import { dropDraft, keepDraft, loadDraft } from './draft';
import { dividesWork, minutesInput, minutesValues, type MinutesValues } from './minutes';
import { MinutesStatus } from './MinutesStatus';
import { DivisionVerdict, ResponsibilityMatrix, useDivisionCheck } from './ResponsibilityMatrix';
import { TextListField } from './TextListField';
import { useMinutesDue } from './useMinutesDue';

const same = (a: MinutesInput, b: MinutesInput) => JSON.stringify(a) === JSON.stringify(b);

/**
 * 协作会议纪要 of one meeting. Kickoff and adjustment meetings record goal, milestones, 职责分工 (checked
 * by the engine as it is typed), communication mechanism, acceptance criteria and decisions; other
 * meetings their notes and decisions. What is typed is kept as a local draft until it is saved, and
 * is never cleared by a refusal. Issuing saves first, then asks the engine to issue.
 */
export function MinutesEditor({ dossier, meeting, readOnly }: { dossier: Dossier; meeting: MeetingRow; readOnly: boolean }) {
  const { t } = useTranslation('meetings');
  const id = meeting.id;
  const kind = meeting.kind;
  const full = dividesWork(kind);
  const [form] = Form.useForm<MinutesValues>();
  const saved = useMemo(() => minutesValues(dossier, meeting), [dossier, meeting]);
  const [initial] = useState(() => loadDraft(id) ?? saved);
  const [values, setValues] = useState<MinutesValues>(initial);
  const [draftRestored, setDraftRestored] = useState(() => !same(minutesInput(id, kind, initial), minutesInput(id, kind, saved)));
  const [issueError, setIssueError] = useState<unknown>(null);
  const payload = minutesInput(id, kind, values);
  const dirty = !same(payload, minutesInput(id, kind, saved));
  const verdict = useLiveValidation('save_minutes', readOnly ? null : payload);
  const division = useDivisionCheck(dossier.collaboration.id, full ? values.responsibilities : undefined);
  const save = useEngineAction('save_minutes', { success: t('minutes.saved') });
  const issue = useEngineAction('issue_minutes', { success: t('minutes.issuedMessage') });
  const due = useMinutesDue();
  const names = usePersonNames();
  const revision = meeting.minutes_revision;

  const onValuesChange = (_: unknown, all: MinutesValues) => {
    setValues(all);
    setIssueError(null);
    keepDraft(id, all);
  };

  const discardDraft = () => {
    form.setFieldsValue(saved);
    setValues(saved);
    dropDraft(id);
    setDraftRestored(false);
  };

  /** Saves what is typed; on a refusal everything stays in the editor and in the local draft. */
  const saveMinutes = async () => {
    try {
      await form.validateFields();
    } catch {
      return false;
    }
    try {
      await save.mutateAsync(payload);
      dropDraft(id);
      setDraftRestored(false);
      return true;
    } catch (error) {
      showFieldError(form, t, error);
      return false;
    }
  };

  const issueMinutes = async () => {
    if (!(await saveMinutes())) return;
    try {
      await issue.mutateAsync({ meeting: id });
    } catch (error) {
      setIssueError(error);
    }
  };

  return (
    <div data-testid="minutes-editor" data-meeting={id}>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('fields.kind')}>{t(`kind.${kind}`, { defaultValue: kind })}</Descriptions.Item>
        <Descriptions.Item label={t('fields.time')}>
          {chinaTime(meeting.starts_at)} – {chinaTime(meeting.ends_at).slice(11)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.place')}>{meeting.place}</Descriptions.Item>
        <Descriptions.Item label={t('fields.attendees')}>{(meeting.attendees ?? []).map((person) => names.get(person) ?? person).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('fields.agenda')} span={2}>
          {(meeting.agenda ?? []).map((item, i) => (
            <div key={i}>{`${i + 1}. ${item}`}</div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('minutes.status')} span={2}>
          <Space>
            <MinutesStatus meeting={meeting} due={due} />
            {dirty && !readOnly && <Tag color="gold" data-testid="minutes-unsaved">{t('minutes.unsaved')}</Tag>}
          </Space>
        </Descriptions.Item>
      </Descriptions>

      {draftRestored && !readOnly && (
        <Alert
          data-testid="minutes-draft-restored"
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('minutes.draftRestored')}
          action={
            <Button size="small" data-testid="minutes-discard-draft" onClick={discardDraft}>
              {t('minutes.discardDraft')}
            </Button>
          }
        />
      )}

      <Form<MinutesValues> form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} disabled={readOnly} data-testid="minutes-form">
        {full && (
          <>
            <Form.Item name="goal" label={t('minutes.goal')}>
              <Input.TextArea data-testid="minutes-goal" autoSize={{ minRows: 2 }} />
            </Form.Item>
            <MilestonesField disabled={readOnly} />
            <Divider titlePlacement="start">{t('minutes.responsibilities')}</Divider>
            <Form.Item name="responsibilities">
              <ResponsibilityMatrix departments={participants(dossier)} check={division.data} disabled={readOnly} />
            </Form.Item>
            {!readOnly && <DivisionVerdict check={division.data} error={division.error} />}
            <Divider titlePlacement="start">{t('minutes.communication')}</Divider>
            <Space wrap style={{ width: '100%' }} align="start">
              {(['weekly_meeting', 'urgent_channel', 'sync_method'] as const).map((field) => (
                <Form.Item key={field} name={['communication', field]} label={t(`minutes.${field}`)} style={{ minWidth: 260 }}>
                  <Input data-testid={`minutes-${field}`} placeholder={t(`minutes.${field}Placeholder`)} />
                </Form.Item>
              ))}
            </Space>
            <TextListField name="acceptance_criteria" label={t('minutes.criteria')} testid="minutes-criterion" placeholder={t('minutes.criterionPlaceholder')} disabled={readOnly} />
          </>
        )}
        <TextListField name="decisions" label={t('minutes.decisions')} testid="minutes-decision" disabled={readOnly} />
        <Form.Item name="summary" label={t(full ? 'minutes.summary' : 'minutes.notes')}>
          <Input.TextArea data-testid="minutes-summary" autoSize={{ minRows: full ? 2 : 4 }} />
        </Form.Item>
      </Form>

      {!readOnly && verdict && (
        <Alert data-testid="minutes-verdict" type="warning" showIcon style={{ marginBottom: 12 }} title={describeError(t, verdict)} />
      )}
      {!readOnly && issueError != null && (
        <Alert data-testid="minutes-issue-error" type="error" showIcon style={{ marginBottom: 12 }} title={t('minutes.issueRefused')} description={describeError(t, issueError)} />
      )}
      <Space>
        {!readOnly && (
          <>
            <Button data-testid="minutes-save" loading={save.isPending} onClick={() => void saveMinutes()}>
              {t('minutes.save')}
            </Button>
            <Button type="primary" data-testid="minutes-issue" loading={issue.isPending} disabled={verdict != null} onClick={() => void issueMinutes()}>
              {t(revision > 0 ? 'minutes.issueRevision' : 'minutes.issue', { revision: revision + 1 })}
            </Button>
          </>
        )}
        <PrintButton kind="minutes" collaboration={dossier.collaboration.id} record={id} label={t('minutes.print')} />
      </Space>
      {!readOnly && revision > 0 && <Alert type="info" style={{ marginTop: 12 }} title={t('minutes.reissueHint')} />}
    </div>
  );
}

/** 里程碑节点 of the minutes: a name and a date per line (the date is needed to save the line). */
function MilestonesField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <Form.Item label={t('minutes.milestones')}>
      <Form.List name="milestones">
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Space key={field.key} align="start">
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0 }}>
                  <Input data-testid={`minutes-milestone-name-${index}`} placeholder={t('minutes.milestoneName')} style={{ width: 280 }} />
                </Form.Item>
                <DateItem
                  name={[field.name, 'due_date']}
                  testid={`minutes-milestone-date-${index}`}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, message: t('minutes.milestoneDateRequired') }]}
                />
                {!disabled && (
                  <Button data-testid={`minutes-milestone-remove-${index}`} onClick={() => remove(field.name)}>
                    {t('remove')}
                  </Button>
                )}
              </Space>
            ))}
            {!disabled && (
              <Button type="dashed" data-testid="minutes-milestone-add" onClick={() => add({ name: '', due_date: null })}>
                {t('minutes.addMilestone')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

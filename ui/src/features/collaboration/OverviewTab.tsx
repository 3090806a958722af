import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CollabDepartmentRow, MilestoneRow } from '../../bindings';
import { useRecordFocus } from '../../components/recordFocus';
import { StageTag } from '../../components/StageTag';
import { localDateTime } from '../../lib/format';
import type { TabProps } from './tabProps';
import { RequestEditButton } from '../request/RequestEditDrawer';
import { SendRequestButton } from '../request/SendRequestButton';
import { NotesCard } from '../request/NotesCard';
import { ObjectionNotice } from '../feasibility/ObjectionNotice';
import { currentAnswers } from '../feasibility/rounds';
import { EmailDraftButton } from '../office/EmailDraftButton';
import { IcsButton } from '../office/SaveFileButton';

/**
 * The request at a glance (协作需求申请表): who asks, why, by when, what each department is asked
 * for and its contact, the key milestones, and the register notes. While the request is a draft or
 * being revised it can be edited and (re)sent from here; once sent, it can go out as an email draft.
 * The milestones and deadlines can be saved as a calendar file.
 */
export function OverviewTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('overview');
  const { rowProps } = useRecordFocus(record);
  const c = dossier.collaboration;
  const editable = dossier.stage === 'draft' || dossier.stage === 'revising';
  const answers = currentAnswers(dossier);
  const answerOf = (departmentId: string) => answers.find((a) => a.department_id === departmentId);

  const request = [
    { key: 'number', label: t('number'), children: c.number },
    { key: 'stage', label: t('stage'), children: <StageTag stage={dossier.stage} /> },
    { key: 'title', label: t('title'), children: c.title, span: 2 },
    { key: 'initiating', label: t('initiatingDepartment'), children: c.initiating_department },
    { key: 'contact', label: t('initiatorContact'), children: c.initiator_contact },
    { key: 'owner', label: t('owner'), children: c.owner },
    { key: 'expected', label: t('expectedCompletion'), children: c.expected_completion },
    { key: 'background', label: t('background'), children: c.background, span: 2 },
    { key: 'goal', label: t('goal'), children: c.goal, span: 2 },
    { key: 'revision', label: t('revision'), children: c.revision > 0 ? t('revisionN', { n: c.revision }) : t('notSent') },
    { key: 'sent', label: t('sentAt'), children: localDateTime(c.sent_at) },
    { key: 'confirmed', label: t('confirmedAt'), children: localDateTime(c.confirmed_at), span: 2 },
  ];

  const departmentColumns = [
    { key: 'department', title: t('department'), render: (_: unknown, r: CollabDepartmentRow) => r.department },
    { key: 'head', title: t('head'), render: (_: unknown, r: CollabDepartmentRow) => r.head },
    {
      key: 'kinds',
      title: t('supportKinds'),
      render: (_: unknown, r: CollabDepartmentRow) => r.support_kinds.map((k) => <Tag key={k}>{t(`supportKind.${k}`, { ns: 'request' })}</Tag>),
    },
    { key: 'text', title: t('supportText'), render: (_: unknown, r: CollabDepartmentRow) => r.support_text },
    { key: 'contact', title: t('contact'), render: (_: unknown, r: CollabDepartmentRow) => r.contact },
    {
      key: 'answer',
      title: t('answer'),
      render: (_: unknown, r: CollabDepartmentRow) => {
        const answer = answerOf(r.department_id);
        if (!answer) return null;
        return (
          <Tag color={answer.answer === 'confirm' ? 'success' : answer.answer === 'object' ? 'warning' : 'processing'}>
            {t(`answerStatus.${answer.answer ?? 'pending'}`, { ns: 'feasibility' })}
          </Tag>
        );
      },
    },
  ];

  const milestoneColumns = [
    { key: 'date', title: t('milestoneDate'), width: 130, render: (_: unknown, r: MilestoneRow) => r.due_date },
    { key: 'name', title: t('milestoneName'), render: (_: unknown, r: MilestoneRow) => r.name },
    { key: 'source', title: t('milestoneSource'), width: 140, render: (_: unknown, r: MilestoneRow) => (r.meeting_id ? t('fromMinutes') : t('fromRequest')) },
    { key: 'done', title: t('milestoneDone'), width: 130, render: (_: unknown, r: MilestoneRow) => r.done_on },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="overview">
      <ObjectionNotice dossier={dossier} testid="overview-objection" />
      <Card
        size="small"
        title={t('requestTitle')}
        extra={
          editable ? (
            <Space>
              <RequestEditButton dossier={dossier} />
              <SendRequestButton dossier={dossier} testid="request-send" />
            </Space>
          ) : (
            <EmailDraftButton kind="request" collaboration={c.id} testid="request-email" />
          )
        }
      >
        <Descriptions data-testid="overview-request" bordered size="small" column={2} items={request} styles={{ label: { width: 140 } }} />
      </Card>
      <Card size="small" title={t('departmentsTitle')}>
        <Table<CollabDepartmentRow>
          data-testid="overview-departments"
          rowKey={(r) => r.id}
          size="small"
          pagination={false}
          columns={departmentColumns}
          dataSource={dossier.departments}
          onRow={(r) => rowProps(`overview-department-row-${r.department ?? ''}`, r.id)}
          locale={{ emptyText: t('noDepartments') }}
        />
      </Card>
      <Card
        size="small"
        title={t('milestonesTitle')}
        extra={
          <IcsButton
            testid="collab-export-ics"
            collaboration={c.id}
            fileName={`${c.number} ${t('ics.milestonesFile', { ns: 'office' })}`}
            label={t('ics.milestones', { ns: 'office' })}
            title={t('ics.milestonesHint', { ns: 'office' })}
          />
        }
      >
        <Table<MilestoneRow>
          data-testid="overview-milestones"
          rowKey={(r) => r.id}
          size="small"
          pagination={false}
          columns={milestoneColumns}
          dataSource={dossier.milestones}
          onRow={(r) => rowProps(`overview-milestone-row-${r.name}`, r.id)}
          locale={{ emptyText: t('noMilestones') }}
        />
      </Card>
      <NotesCard dossier={dossier} />
    </Space>
  );
}

import { Card, Descriptions, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import type { TabProps } from './tabProps';
import { StageTag } from '../../components/StageTag';
import { RequestEditButton } from '../request/RequestEditDrawer';
import { SendRequestButton } from '../request/SendRequestButton';
import { NotesCard } from '../request/NotesCard';
import { recordRow, useRecordFocus } from '../request/recordFocus';
import { ObjectionNotice } from '../feasibility/ObjectionNotice';
import { currentAnswers } from '../feasibility/rounds';

const str = (value: unknown) => (value == null ? '' : String(value));
/** An instant (stored in UTC) as local date and minute. */
const when = (value: unknown) => (value ? dayjs(String(value)).format('YYYY-MM-DD HH:mm') : '');

/**
 * The request at a glance (协作需求申请表): who asks, why, by when, what each department is asked
 * for and its contact, the key milestones, and the register notes. While the request is a draft or
 * being revised it can be edited and (re)sent from here.
 */
export function OverviewTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('overview');
  useRecordFocus(record);
  const c = dossier.collaboration;
  const editable = dossier.stage === 'draft' || dossier.stage === 'revising';
  const answers = currentAnswers(dossier);
  const answerOf = (departmentId: unknown) => answers.find((a) => a.department_id === departmentId);

  const request = [
    { key: 'number', label: t('number'), children: str(c.number) },
    { key: 'stage', label: t('stage'), children: <StageTag stage={dossier.stage} /> },
    { key: 'title', label: t('title'), children: str(c.title), span: 2 },
    { key: 'initiating', label: t('initiatingDepartment'), children: str(c.initiating_department) },
    { key: 'contact', label: t('initiatorContact'), children: str(c.initiator_contact) },
    { key: 'owner', label: t('owner'), children: str(c.owner) },
    { key: 'expected', label: t('expectedCompletion'), children: str(c.expected_completion) },
    { key: 'background', label: t('background'), children: str(c.background), span: 2 },
    { key: 'goal', label: t('goal'), children: str(c.goal), span: 2 },
    { key: 'revision', label: t('revision'), children: Number(c.revision) > 0 ? t('revisionN', { n: Number(c.revision) }) : t('notSent') },
    { key: 'sent', label: t('sentAt'), children: when(c.sent_at) },
    { key: 'confirmed', label: t('confirmedAt'), children: when(c.confirmed_at), span: 2 },
  ];

  const departmentColumns = [
    { key: 'department', title: t('department'), render: (_: unknown, r: Row) => str(r.department) },
    { key: 'head', title: t('head'), render: (_: unknown, r: Row) => str(r.head) },
    {
      key: 'kinds',
      title: t('supportKinds'),
      render: (_: unknown, r: Row) => ((r.support_kinds as string[] | null) ?? []).map((k) => <Tag key={k}>{t(`supportKind.${k}`, { ns: 'request' })}</Tag>),
    },
    { key: 'text', title: t('supportText'), render: (_: unknown, r: Row) => str(r.support_text) },
    { key: 'contact', title: t('contact'), render: (_: unknown, r: Row) => str(r.contact) },
    {
      key: 'answer',
      title: t('answer'),
      render: (_: unknown, r: Row) => {
        const answer = answerOf(r.department_id);
        if (!answer) return null;
        return <Tag color={answer.answer === 'confirm' ? 'success' : answer.answer === 'object' ? 'warning' : 'processing'}>{t(`answerStatus.${str(answer.answer) || 'pending'}`, { ns: 'feasibility' })}</Tag>;
      },
    },
  ];

  const milestoneColumns = [
    { key: 'date', title: t('milestoneDate'), width: 130, render: (_: unknown, r: Row) => str(r.due_date) },
    { key: 'name', title: t('milestoneName'), render: (_: unknown, r: Row) => str(r.name) },
    { key: 'source', title: t('milestoneSource'), width: 140, render: (_: unknown, r: Row) => (r.meeting_id ? t('fromMinutes') : t('fromRequest')) },
    { key: 'done', title: t('milestoneDone'), width: 130, render: (_: unknown, r: Row) => str(r.done_on) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="overview">
      <ObjectionNotice dossier={dossier} testid="overview-objection" />
      <Card
        size="small"
        title={t('requestTitle')}
        extra={
          editable && (
            <Space>
              <RequestEditButton dossier={dossier} />
              <SendRequestButton dossier={dossier} testid="request-send" />
            </Space>
          )
        }
      >
        <Descriptions data-testid="overview-request" bordered size="small" column={2} items={request} styles={{ label: { width: 140 } }} />
      </Card>
      <Card size="small" title={t('departmentsTitle')}>
        <Table<Row>
          data-testid="overview-departments"
          rowKey={(r) => str(r.id)}
          size="small"
          pagination={false}
          columns={departmentColumns}
          dataSource={dossier.departments}
          onRow={(r) => recordRow(str(r.id), record, `overview-department-row-${str(r.department)}`)}
          locale={{ emptyText: t('noDepartments') }}
        />
      </Card>
      <Card size="small" title={t('milestonesTitle')}>
        <Table<Row>
          data-testid="overview-milestones"
          rowKey={(r) => str(r.id)}
          size="small"
          pagination={false}
          columns={milestoneColumns}
          dataSource={dossier.milestones}
          onRow={(r) => recordRow(str(r.id), record, `overview-milestone-row-${str(r.name)}`)}
          locale={{ emptyText: t('noMilestones') }}
        />
      </Card>
      <NotesCard dossier={dossier} />
    </Space>
  );
}

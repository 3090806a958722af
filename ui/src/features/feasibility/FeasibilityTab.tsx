import { useState } from 'react';
import { Button, Card, Collapse, Empty, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Dossier, Row } from '../../types';
import type { TabProps } from '../collaboration/tabProps';
import { useNavigation } from '../../navigation';
import { usePeople } from '../settings/org';
import { SendRequestButton } from '../request/SendRequestButton';
import { recordRow, useRecordFocus } from '../request/recordFocus';
import { AnswerModal } from './AnswerModal';
import { DueCell } from './DueCell';
import { ObjectionNotice } from './ObjectionNotice';
import { rounds } from './rounds';

const str = (value: unknown) => (value == null ? '' : String(value));
const ANSWER_COLORS: Record<string, string> = { confirm: 'success', object: 'warning', pending: 'processing' };

/** One round's answers; in the open round, unanswered departments show their countdown and can be answered. */
function RoundTable({ dossier, answers, open, record, onAnswer }: { dossier: Dossier; answers: Row[]; open: boolean; record?: string; onAnswer: (slot: Row) => void }) {
  const { t } = useTranslation('feasibility');
  const people = usePeople();
  const person = (id: unknown) => people.data?.find((p) => p.id === id)?.name ?? '';
  const answerable = open && (dossier.stage === 'confirming' || dossier.stage === 'revising');
  const columns = [
    { key: 'department', title: t('columns.department'), render: (_: unknown, r: Row) => str(r.department) },
    {
      key: 'status',
      title: t('columns.status'),
      render: (_: unknown, r: Row) => {
        const status = str(r.answer) || 'pending';
        return <Tag color={ANSWER_COLORS[status]}>{t(`answerStatus.${status}`)}</Tag>;
      },
    },
    { key: 'sent', title: t('columns.sentOn'), render: (_: unknown, r: Row) => str(r.sent_on) },
    {
      key: 'due',
      title: t('columns.due', { days: Number(answers[0]?.sla_days ?? 2) }),
      render: (_: unknown, r: Row) => <DueCell due={str(r.due_date)} warning={(r.due_warning as string | null) ?? null} open={open && !r.answer} />,
    },
    { key: 'contact', title: t('columns.contact'), render: (_: unknown, r: Row) => str(r.contact) },
    { key: 'note', title: t('columns.note'), render: (_: unknown, r: Row) => str(r.note) },
    {
      key: 'answered',
      title: t('columns.answered'),
      render: (_: unknown, r: Row) => (r.answered_at ? `${dayjs(str(r.answered_at)).format('YYYY-MM-DD HH:mm')} ${person(r.answered_by)}` : ''),
    },
    ...(answerable
      ? [
          {
            key: 'action',
            title: '',
            render: (_: unknown, r: Row) =>
              !r.answer && (
                <Button size="small" type="primary" data-testid={`feasibility-answer-${str(r.department)}`} onClick={() => onAnswer(r)}>
                  {t('answer.record')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<Row>
      data-testid={`feasibility-round-${str(answers[0]?.round)}`}
      rowKey={(r) => str(r.id)}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={answers}
      onRow={(r) => recordRow(str(r.id), record, `feasibility-row-${str(r.department)}`)}
    />
  );
}

/**
 * 需求确认: each request round and every collaborating department's answer (confirm with a contact,
 * or object with a suggestion), due within the configured working days; earlier rounds stay on
 * record. After an objection it guides the initiator to revise the request and send it again.
 */
export function FeasibilityTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('feasibility');
  const { go } = useNavigation();
  useRecordFocus(record);
  const [answering, setAnswering] = useState<Row | null>(null);
  const id = str(dossier.collaboration.id);
  const [current, ...earlier] = rounds(dossier.feasibility);
  const contactOf = (slot: Row) => dossier.departments.find((d) => d.department_id === slot.department_id)?.contact_person_id as string | undefined;
  const table = (answers: Row[], open: boolean) => <RoundTable dossier={dossier} answers={answers} open={open} record={record} onAnswer={setAnswering} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="feasibility">
      <ObjectionNotice
        dossier={dossier}
        testid="feasibility-objection"
        action={
          <Space orientation="vertical">
            <Button data-testid="feasibility-revise" onClick={() => go({ page: 'collaboration', id, tab: 'overview' })}>
              {t('objection.revise')}
            </Button>
            <SendRequestButton dossier={dossier} testid="feasibility-send" />
          </Space>
        }
      />
      {!current ? (
        <Card>
          <Empty description={t('notSent')}>
            <SendRequestButton dossier={dossier} testid="feasibility-send" />
          </Empty>
        </Card>
      ) : (
        <Card size="small" title={t('round', { n: current.round })} extra={t('sentOn', { date: str(current.answers[0]?.sent_on) })}>
          {table(current.answers, current.round === Number(dossier.collaboration.revision))}
        </Card>
      )}
      {earlier.length > 0 && (
        <Card size="small" title={t('history')}>
          <Collapse
            data-testid="feasibility-history"
            items={earlier.map((r) => ({
              key: r.round,
              label: t('round', { n: r.round }),
              extra: t('sentOn', { date: str(r.answers[0]?.sent_on) }),
              children: table(r.answers, false),
            }))}
          />
        </Card>
      )}
      {answering && <AnswerModal collaboration={id} slot={answering} contact={contactOf(answering)} onClose={() => setAnswering(null)} />}
    </Space>
  );
}

import { useState } from 'react';
import { Button, Card, Collapse, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dossier, FeasibilityRow } from '../../bindings';
import { useNavigation } from '../../navigation';
import { usePersonNames } from '../../components/org';
import { useRecordFocus, type RecordAttributes } from '../../components/recordFocus';
import { localDateTime } from '../../lib/format';
import type { TabProps } from '../collaboration/tabProps';
import { SendRequestButton } from '../request/SendRequestButton';
import { AnswerModal } from './AnswerModal';
import { DueCell } from './DueCell';
import { ObjectionNotice } from './ObjectionNotice';
import { rounds } from './rounds';

const ANSWER_COLORS: Record<string, string> = { confirm: 'success', object: 'warning', pending: 'processing' };

interface RoundProps {
  dossier: Dossier;
  answers: FeasibilityRow[];
  open: boolean;
  rowProps: (testid: string, id: string) => RecordAttributes;
  onAnswer: (slot: FeasibilityRow) => void;
}

/** One round's answers; in the open round, unanswered departments show their countdown and can be answered. */
function RoundTable({ dossier, answers, open, rowProps, onAnswer }: RoundProps) {
  const { t } = useTranslation('feasibility');
  const names = usePersonNames();
  const answerable = open && (dossier.stage === 'confirming' || dossier.stage === 'revising');
  const columns = [
    { key: 'department', title: t('columns.department'), render: (_: unknown, r: FeasibilityRow) => r.department },
    {
      key: 'status',
      title: t('columns.status'),
      render: (_: unknown, r: FeasibilityRow) => {
        const status = r.answer ?? 'pending';
        return <Tag color={ANSWER_COLORS[status]}>{t(`answerStatus.${status}`)}</Tag>;
      },
    },
    { key: 'sent', title: t('columns.sentOn'), render: (_: unknown, r: FeasibilityRow) => r.sent_on },
    {
      key: 'due',
      title: t('columns.due', { days: answers[0]?.sla_days ?? 2 }),
      render: (_: unknown, r: FeasibilityRow) => <DueCell due={r.due_date} warning={r.due_warning} open={open && !r.answer} />,
    },
    { key: 'contact', title: t('columns.contact'), render: (_: unknown, r: FeasibilityRow) => r.contact },
    { key: 'note', title: t('columns.note'), render: (_: unknown, r: FeasibilityRow) => r.note },
    {
      key: 'answered',
      title: t('columns.answered'),
      render: (_: unknown, r: FeasibilityRow) => (r.answered_at ? `${localDateTime(r.answered_at)} ${(r.answered_by && names.get(r.answered_by)) ?? ''}` : ''),
    },
    ...(answerable
      ? [
          {
            key: 'action',
            title: '',
            render: (_: unknown, r: FeasibilityRow) =>
              !r.answer && (
                <Button size="small" type="primary" data-testid={`feasibility-answer-${r.department ?? ''}`} onClick={() => onAnswer(r)}>
                  {t('answer.record')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<FeasibilityRow>
      data-testid={`feasibility-round-${answers[0]?.round ?? ''}`}
      rowKey={(r) => r.id}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={answers}
      onRow={(r) => rowProps(`feasibility-row-${r.department ?? ''}`, r.id)}
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
  const { rowProps } = useRecordFocus(record);
  const [answering, setAnswering] = useState<FeasibilityRow | null>(null);
  const id = dossier.collaboration.id;
  const [current, ...earlier] = rounds(dossier.feasibility);
  const contactOf = (slot: FeasibilityRow) => dossier.departments.find((d) => d.department_id === slot.department_id)?.contact_person_id ?? undefined;
  const table = (answers: FeasibilityRow[], open: boolean) => <RoundTable dossier={dossier} answers={answers} open={open} rowProps={rowProps} onAnswer={setAnswering} />;

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
        <Card size="small" title={t('round', { n: current.round })} extra={t('sentOn', { date: current.answers[0]?.sent_on ?? '' })}>
          {table(current.answers, current.round === dossier.collaboration.revision)}
        </Card>
      )}
      {earlier.length > 0 && (
        <Card size="small" title={t('history')}>
          <Collapse
            data-testid="feasibility-history"
            items={earlier.map((r) => ({
              key: r.round,
              label: t('round', { n: r.round }),
              extra: t('sentOn', { date: r.answers[0]?.sent_on ?? '' }),
              children: table(r.answers, false),
            }))}
          />
        </Card>
      )}
      {answering && <AnswerModal collaboration={id} slot={answering} contact={contactOf(answering)} onClose={() => setAnswering(null)} />}
    </Space>
  );
}

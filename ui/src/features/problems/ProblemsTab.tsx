import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProblemRow } from '../../bindings';
import { useOverdue } from '../../components/org';
import { useRecordFocus } from '../../components/recordFocus';
import { localDateTime } from '../../lib/format';
import type { TabProps } from '../collaboration/tabProps';
import { blocker, NOT_ARCHIVED, TRACKING } from '../tasks/gates';
import { GatedButton } from '../tasks/GatedButton';
import { ProblemFormModal } from './ProblemFormModal';
import { ResolveProblemModal } from './ResolveProblemModal';
import { openFirst } from './order';

/**
 * The problems of the progress tracking table (进度跟踪表), from progress meetings or raised ad hoc:
 * each with one owner and a deadline until it is resolved; overdue ones in red.
 */
export function ProblemsTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('problems');
  const overdue = useOverdue('problem_overdue');
  const { rowProps } = useRecordFocus(record);
  const [adding, setAdding] = useState(false);
  const [resolving, setResolving] = useState<ProblemRow | null>(null);
  const addBlocked = blocker(dossier.stage, TRACKING);
  const canResolve = blocker(dossier.stage, NOT_ARCHIVED) === null;
  const meetingTitle = (id: string) => dossier.meetings.find((m) => m.id === id)?.title ?? '';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="problems-tab">
      <GatedButton type="primary" data-testid="problem-add" blockedBy={addBlocked && t(`gate.${addBlocked}`)} onClick={() => setAdding(true)}>
        {t('table.add')}
      </GatedButton>
      <Table<ProblemRow>
        data-testid="problems-table"
        size="small"
        pagination={false}
        rowKey={(r) => r.id}
        dataSource={openFirst(dossier.problems)}
        locale={{ emptyText: t('table.empty') }}
        onRow={(r) => rowProps(`problem-row-${r.description}`, r.id, overdue.has(r.id))}
        columns={[
          { title: t('fields.description'), render: (_, r) => r.description },
          {
            title: t('fields.meeting'),
            width: 160,
            render: (_, r) => (r.meeting_id ? meetingTitle(r.meeting_id) : <Typography.Text type="secondary">{t('table.adHoc')}</Typography.Text>),
          },
          { title: t('fields.owner'), width: 90, render: (_, r) => r.owner },
          {
            title: t('fields.deadline'),
            width: 170,
            render: (_, r) => (
              <Space size={4}>
                {r.deadline}
                {overdue.has(r.id) && (
                  <Tag color="red" data-testid={`problem-overdue-${r.description}`}>
                    {t('table.overdue')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('fields.status'),
            width: 150,
            render: (_, r) =>
              r.resolved_on ? (
                <Tag color="success">{t('table.resolvedOn', { date: r.resolved_on })}</Tag>
              ) : (
                <Tag color="processing">{t('table.open')}</Tag>
              ),
          },
          { title: t('fields.resolution'), render: (_, r) => r.resolution },
          { title: t('fields.raisedAt'), width: 140, render: (_, r) => localDateTime(r.created_at) },
          ...(canResolve
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, r: ProblemRow) =>
                    !r.resolved_on && (
                      <Button type="link" size="small" data-testid={`problem-resolve-${r.description}`} onClick={() => setResolving(r)}>
                        {t('table.resolve')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && <ProblemFormModal dossier={dossier} onClose={() => setAdding(false)} />}
      {resolving && <ResolveProblemModal problem={resolving} onClose={() => setResolving(null)} />}
    </Space>
  );
}

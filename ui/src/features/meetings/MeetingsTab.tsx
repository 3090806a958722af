import { useState } from 'react';
import { Button, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingRow, Stage } from '../../bindings';
import { useRecordFocus } from '../../components/recordFocus';
import { chinaTime } from '../../lib/format';
import type { TabProps } from '../collaboration/tabProps';
import { PrintButton } from '../printing/PrintButton';
import { EmailDraftButton } from '../office/EmailDraftButton';
import { IcsButton } from '../office/SaveFileButton';
import { dividesWork } from './minutes';
import { MinutesEditor } from './MinutesEditor';
import { MinutesStatus } from './MinutesStatus';
import { ScheduleMeetingModal } from './ScheduleMeetingModal';
import { useMinutesDue } from './useMinutesDue';

/** Stages in which the engine holds meetings (after the request is confirmed, before archiving). */
const MEETING_STAGES: Stage[] = ['kickoff', 'executing', 'accepting', 'completed'];

/**
 * The collaboration's meetings (启动会议, 进度会议, 评审会议, 调整会议): scheduling with an agenda, and
 * for each meeting its minutes (协作会议纪要) or notes, their issue status and deadline; a calendar
 * invite, and email drafts of the agenda and (once issued) the minutes.
 */
export function MeetingsTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('meetings');
  const [scheduling, setScheduling] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const due = useMinutesDue();
  const { rowProps } = useRecordFocus(record);
  const collaboration = dossier.collaboration.id;
  const readOnly = dossier.stage === 'archived';
  const canSchedule = MEETING_STAGES.includes(dossier.stage);
  const hasKickoff = dossier.meetings.some((m) => m.kind === 'kickoff');
  const defaultKind: MeetingKind = dossier.stage === 'kickoff' && !hasKickoff ? 'kickoff' : 'progress';
  const editingMeeting = dossier.meetings.find((m) => m.id === editing);

  return (
    <div data-testid="meetings-tab">
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        {canSchedule && (
          <Button type="primary" data-testid="meeting-schedule" onClick={() => setScheduling(true)}>
            {t('schedule.open')}
          </Button>
        )}
      </Space>
      <Table<MeetingRow>
        data-testid="meetings-table"
        rowKey={(m) => m.id}
        size="small"
        pagination={false}
        dataSource={dossier.meetings}
        locale={{ emptyText: <Empty description={t(canSchedule ? 'emptyCanSchedule' : 'emptyNotYet')} /> }}
        onRow={(m) => rowProps(`meeting-row-${m.title}`, m.id)}
        columns={[
          { title: t('fields.kind'), key: 'kind', width: 110, render: (_, m) => <Tag color={m.kind === 'kickoff' ? 'blue' : undefined}>{t(`kind.${m.kind}`, { defaultValue: m.kind })}</Tag> },
          { title: t('fields.title'), key: 'title', render: (_, m) => m.title },
          { title: t('fields.time'), key: 'time', width: 190, render: (_, m) => `${chinaTime(m.starts_at)} – ${chinaTime(m.ends_at).slice(11)}` },
          { title: t('fields.place'), key: 'place', width: 140, render: (_, m) => m.place },
          { title: t('minutes.status'), key: 'minutes', width: 220, render: (_, m) => <MinutesStatus meeting={m} due={due} /> },
          {
            title: t('actions'),
            key: 'actions',
            width: 330,
            render: (_, m) => (
              <Space wrap size={4}>
                <Button size="small" type="link" data-testid={`meeting-minutes-${m.title}`} onClick={() => setEditing(m.id)}>
                  {t(dividesWork(m.kind) ? 'openMinutes' : 'openNotes')}
                </Button>
                <PrintButton kind="agenda" collaboration={collaboration} record={m.id} label={t('printAgenda')} />
                <IcsButton testid={`meeting-ics-${m.title}`} collaboration={collaboration} meeting={m.id} fileName={m.title} label={t('ics.invite', { ns: 'office' })} />
                <EmailDraftButton kind="agenda" collaboration={collaboration} record={m.id} testid={`meeting-email-agenda-${m.title}`} />
                {m.minutes_issued_at && <EmailDraftButton kind="minutes" collaboration={collaboration} record={m.id} testid={`meeting-email-minutes-${m.title}`} />}
              </Space>
            ),
          },
        ]}
      />
      {scheduling && <ScheduleMeetingModal collaboration={collaboration} defaultKind={defaultKind} onClose={() => setScheduling(false)} />}
      <Drawer
        open={editingMeeting !== undefined}
        size={980}
        destroyOnHidden
        title={editingMeeting ? `${t(dividesWork(editingMeeting.kind) ? 'minutes.title' : 'minutes.notesTitle')} · ${editingMeeting.title}` : ''}
        onClose={() => setEditing(null)}
        data-testid="minutes-drawer"
      >
        {editingMeeting && <MinutesEditor key={editingMeeting.id} dossier={dossier} meeting={editingMeeting} readOnly={readOnly} />}
      </Drawer>
    </div>
  );
}

import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentRow, CommunicationRow, FeedbackRow } from '../../bindings';
import { usePersonNames } from '../../components/org';
import { useRecordFocus } from '../../components/recordFocus';
import { chinaTime } from '../../lib/format';
import { participants } from '../../lib/org';
import type { TabProps } from '../collaboration/tabProps';
import { AttachmentUploader } from './AttachmentUploader';
import { fileSize } from './attachments';
import { CommunicationModal } from './CommunicationModal';
import { FeedbackModal } from './FeedbackModal';

/** Newest first: by date, then by when it was recorded. */
const newestFirst = <R extends { on_date: string; created_at: string }>(rows: R[]) =>
  [...rows].sort((a, b) => b.on_date.localeCompare(a.on_date) || b.created_at.localeCompare(a.created_at));

/**
 * 沟通记录 and 反馈意见 of the collaboration, newest first: meetings, e-mails, calls and IM with who
 * took part and a summary (the register's 沟通记录 column), each department's feedback, and the
 * attached files. Records are append-only: they are added, never edited.
 */
export function CommunicationsTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('communications');
  const [adding, setAdding] = useState<'communication' | 'feedback' | null>(null);
  const names = usePersonNames();
  const { rowProps } = useRecordFocus(record);
  const collaboration = dossier.collaboration.id;
  const readOnly = dossier.stage === 'archived';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="communications-tab">
      <Card
        size="small"
        title={t('communication.title')}
        extra={
          !readOnly && (
            <Button type="primary" size="small" data-testid="communication-add" onClick={() => setAdding('communication')}>
              {t('communication.add')}
            </Button>
          )
        }
      >
        <Table<CommunicationRow>
          data-testid="communications-table"
          rowKey={(r) => r.id}
          size="small"
          pagination={false}
          dataSource={newestFirst(dossier.communications)}
          locale={{ emptyText: t('communication.empty') }}
          onRow={(r) => rowProps(`communication-row-${r.summary}`, r.id)}
          columns={[
            { title: t('date'), key: 'date', width: 110, render: (_, r) => r.on_date },
            { title: t('communication.kind'), key: 'kind', width: 100, render: (_, r) => <Tag>{t(`kind.${r.kind}`, { defaultValue: r.kind })}</Tag> },
            {
              title: t('communication.participants'),
              key: 'participants',
              width: 200,
              render: (_, r) => (r.participants ?? []).map((person) => names.get(person) ?? person).join('、'),
            },
            { title: t('communication.summary'), key: 'summary', render: (_, r) => r.summary },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('feedback.title')}
        extra={
          !readOnly && (
            <Button size="small" data-testid="feedback-add" onClick={() => setAdding('feedback')}>
              {t('feedback.add')}
            </Button>
          )
        }
      >
        <Table<FeedbackRow>
          data-testid="feedback-table"
          rowKey={(r) => r.id}
          size="small"
          pagination={false}
          dataSource={newestFirst(dossier.feedback)}
          locale={{ emptyText: t('feedback.empty') }}
          onRow={(r) => rowProps(`feedback-row-${r.text}`, r.id)}
          columns={[
            { title: t('date'), key: 'date', width: 110, render: (_, r) => r.on_date },
            { title: t('feedback.department'), key: 'department', width: 120, render: (_, r) => r.department },
            { title: t('feedback.text'), key: 'text', render: (_, r) => r.text },
          ]}
        />
      </Card>
      <Card size="small" title={t('attachments.title')} extra={!readOnly && <AttachmentUploader collaboration={collaboration} />}>
        <Table<AttachmentRow>
          data-testid="attachments-table"
          rowKey={(r) => r.id}
          size="small"
          pagination={false}
          dataSource={dossier.attachments}
          locale={{ emptyText: t('attachments.empty') }}
          onRow={(r) => rowProps(`attachment-row-${r.file_name}`, r.id)}
          columns={[
            { title: t('attachments.name'), key: 'name', render: (_, r) => r.file_name },
            { title: t('attachments.size'), key: 'size', width: 100, render: (_, r) => fileSize(r.size) },
            { title: t('attachments.added'), key: 'added', width: 160, render: (_, r) => chinaTime(r.created_at) },
          ]}
        />
      </Card>
      {adding === 'communication' && <CommunicationModal collaboration={collaboration} onClose={() => setAdding(null)} />}
      {adding === 'feedback' && <FeedbackModal collaboration={collaboration} departments={participants(dossier)} onClose={() => setAdding(null)} />}
    </Space>
  );
}

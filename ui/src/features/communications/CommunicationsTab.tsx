import { useState } from 'react';
import type { HTMLAttributes } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import type { TabProps } from '../collaboration/tabProps';
import { chinaTime, highlightStyle, str, strList } from '../meetings/display';
import { useScrollToRecord } from '../meetings/hooks';
import { participants } from '../meetings/minutes';
import { usePeople } from '../meetings/PeopleSelect';
import { AttachmentUploader } from './AttachmentUploader';
import { fileSize } from './attachments';
import { CommunicationModal } from './CommunicationModal';
import { FeedbackModal } from './FeedbackModal';

/** Newest first: by date, then by when it was recorded. */
const newestFirst = (rows: Row[]) =>
  [...rows].sort((a, b) => str(b.on_date).localeCompare(str(a.on_date)) || str(b.created_at).localeCompare(str(a.created_at)));

/**
 * 沟通记录 and 反馈意见 of the collaboration, newest first: meetings, e-mails, calls and IM with who
 * took part and a summary (the register's 沟通记录 column), each department's feedback, and the
 * attached files. Records are append-only: they are added, never edited.
 */
export function CommunicationsTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('communications');
  const [adding, setAdding] = useState<'communication' | 'feedback' | null>(null);
  const { nameOf } = usePeople();
  useScrollToRecord(record);
  const collaboration = str(dossier.collaboration.id);
  const readOnly = dossier.stage === 'archived';
  const marked = (testid: string, row: Row) =>
    ({ 'data-testid': testid, 'data-record': str(row.id), style: record === str(row.id) ? highlightStyle : undefined }) as HTMLAttributes<HTMLElement>;

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
        <Table<Row>
          data-testid="communications-table"
          rowKey={(r) => str(r.id)}
          size="small"
          pagination={false}
          dataSource={newestFirst(dossier.communications)}
          locale={{ emptyText: t('communication.empty') }}
          onRow={(r) => marked(`communication-row-${str(r.summary)}`, r)}
          columns={[
            { title: t('date'), key: 'date', width: 110, render: (_, r) => str(r.on_date) },
            { title: t('communication.kind'), key: 'kind', width: 100, render: (_, r) => <Tag>{t(`kind.${str(r.kind)}`, { defaultValue: str(r.kind) })}</Tag> },
            { title: t('communication.participants'), key: 'participants', width: 200, render: (_, r) => strList(r.participants).map(nameOf).join('、') },
            { title: t('communication.summary'), key: 'summary', render: (_, r) => str(r.summary) },
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
        <Table<Row>
          data-testid="feedback-table"
          rowKey={(r) => str(r.id)}
          size="small"
          pagination={false}
          dataSource={newestFirst(dossier.feedback)}
          locale={{ emptyText: t('feedback.empty') }}
          onRow={(r) => marked(`feedback-row-${str(r.text)}`, r)}
          columns={[
            { title: t('date'), key: 'date', width: 110, render: (_, r) => str(r.on_date) },
            { title: t('feedback.department'), key: 'department', width: 120, render: (_, r) => str(r.department) },
            { title: t('feedback.text'), key: 'text', render: (_, r) => str(r.text) },
          ]}
        />
      </Card>
      <Card size="small" title={t('attachments.title')} extra={!readOnly && <AttachmentUploader collaboration={collaboration} />}>
        <Table<Row>
          data-testid="attachments-table"
          rowKey={(r) => str(r.id)}
          size="small"
          pagination={false}
          dataSource={dossier.attachments}
          locale={{ emptyText: t('attachments.empty') }}
          onRow={(r) => marked(`attachment-row-${str(r.file_name)}`, r)}
          columns={[
            { title: t('attachments.name'), key: 'name', render: (_, r) => str(r.file_name) },
            { title: t('attachments.size'), key: 'size', width: 100, render: (_, r) => fileSize(Number(r.size ?? 0)) },
            { title: t('attachments.added'), key: 'added', width: 160, render: (_, r) => chinaTime(r.created_at) },
          ]}
        />
      </Card>
      <CommunicationModal collaboration={collaboration} open={adding === 'communication'} onClose={() => setAdding(null)} />
      <FeedbackModal collaboration={collaboration} departments={participants(dossier)} open={adding === 'feedback'} onClose={() => setAdding(null)} />
    </Space>
  );
}

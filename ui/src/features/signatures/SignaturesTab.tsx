import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignatureRow } from '../../bindings';
import { useRecordFocus } from '../../components/recordFocus';
import type { TabProps } from '../collaboration/tabProps';
import { PrintButton } from '../printing/PrintButton';
import { documentTitle, printKind, signedDocuments } from './documents';
import { SignatureModal } from './SignatureModal';
import { ScanImportButton } from './ScanImport';

/**
 * Wet signatures (书面留痕): for each printed document revision (协作需求申请表, 协作会议纪要 …) and each
 * department head, whether and when they signed, and the signed scan. The current revision can be
 * printed for signing; a signature is marked received with its date and scan, one by one or for
 * every head on an imported scan of the signed paper.
 */
export function SignaturesTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('signatures');
  const [recording, setRecording] = useState<SignatureRow | null>(null);
  const { rowProps } = useRecordFocus(record);
  const collaboration = dossier.collaboration.id;
  const readOnly = dossier.stage === 'archived';
  const documents = signedDocuments(dossier.signatures);
  const pending = documents.filter((d) => d.current).flatMap((d) => d.signatures).filter((s) => !s.signed_on).length;
  const fileName = (attachment: string | null) => dossier.attachments.find((a) => a.id === attachment)?.file_name ?? '';


  if (documents.length === 0) return <Empty data-testid="signatures-tab" description={t('empty')} />;

  return (
    <div data-testid="signatures-tab">
      <Alert
        data-testid="signatures-summary"
        style={{ marginBottom: 16 }}
        type={pending ? 'warning' : 'success'}
        showIcon
        title={pending ? t('pending', { count: pending }) : t('allSigned')}
        action={!readOnly && <ScanImportButton dossier={dossier} />}
      />
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {documents.map((doc) => (
          <Card
            key={doc.key}
            size="small"
            data-testid={`signature-doc-${doc.kind}-${doc.revision}`}
            title={
              <Space>
                {documentTitle(t, dossier.meetings, doc.kind, doc.documentId)}
                <Tag>{t('revision', { revision: doc.revision })}</Tag>
                {!doc.current && <Tag color="default">{t('superseded')}</Tag>}
              </Space>
            }
            extra={
              doc.current && (
                <PrintButton
                  kind={printKind(doc.kind)}
                  collaboration={collaboration}
                  record={doc.documentId === collaboration ? undefined : doc.documentId}
                  label={t('print')}
                />
              )
            }
          >
            <Table<SignatureRow>
              data-testid={`signature-table-${doc.kind}-${doc.revision}`}
              rowKey={(s) => s.id}
              size="small"
              pagination={false}
              dataSource={doc.signatures}
              onRow={(s) => rowProps(`signature-row-${doc.kind}-${doc.revision}-${s.department ?? ''}`, s.id)}
              columns={[
                { title: t('columns.department'), key: 'department', render: (_, s) => s.department },
                { title: t('columns.head'), key: 'head', render: (_, s) => s.head || t('noHead') },
                {
                  title: t('columns.signed'),
                  key: 'signed',
                  render: (_, s) =>
                    s.signed_on ? (
                      <Tag color="green">{t('signedOn', { date: s.signed_on })}</Tag>
                    ) : (
                      <Tag color={doc.current ? 'orange' : 'default'}>{t('unsigned')}</Tag>
                    ),
                },
                { title: t('columns.scan'), key: 'scan', render: (_, s) => fileName(s.scan_attachment_id) || t('noScan') },
                {
                  title: t('columns.actions'),
                  key: 'actions',
                  width: 160,
                  render: (_, s) =>
                    !readOnly &&
                    doc.current && (
                      <Button
                        size="small"
                        type={s.signed_on ? 'link' : 'primary'}
                        data-testid={`signature-record-${doc.kind}-${doc.revision}-${s.department ?? ''}`}
                        onClick={() => setRecording(s)}
                      >
                        {t(s.signed_on ? 'update' : 'record')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        ))}
      </Space>
      {recording && (
        <SignatureModal
          key={recording.id}
          collaboration={collaboration}
          signature={recording}
          scanName={fileName(recording.scan_attachment_id) || undefined}
          onClose={() => setRecording(null)}
        />
      )}
    </div>
  );
}

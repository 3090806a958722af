import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Form, Modal, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, Dossier } from '../../bindings';
import { pickScan, receiveScan } from '../../ipc';
import type { PickedScan } from '../../bindings-interop';
import { today } from '../../lib/format';
import { useOfficeCommand } from '../office/useOffice';
import { documentTitle, signedDocuments } from './documents';

/**
 * 导入签字扫描件: the user picks a scan of signed paper (PDF from a scanner, or a photo); the QR code
 * printed on it names the document and revision, and the user confirms which heads signed.
 * Without a readable code the document is chosen by hand.
 */
export function ScanImportButton({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('office');
  const pick = useOfficeCommand(pickScan);
  const [picked, setPicked] = useState<PickedScan | null>(null);
  const open = async () => {
    const scan = await pick.run(t('scan.pickTitle'));
    if (scan) setPicked(scan);
  };
  return (
    <>
      <Button data-testid="scan-import" loading={pick.busy} onClick={() => void open()}>
        {t('scan.button')}
      </Button>
      {picked && <ScanModal dossier={dossier} picked={picked} onClose={() => setPicked(null)} />}
    </>
  );
}

/** One head's signature expected on the paper. */
interface Slot {
  id: string;
  department: string | null;
  head: string | null;
  signed_on: string | null;
}

/** The document revision the scan is filed under, and its signature slots. */
interface Target {
  collaboration: string;
  kind: DocumentKind;
  documentId: string;
  revision: number;
  slots: Slot[];
}

/** What the scan's QR code names, when it has one. */
function matchedTarget({ matched }: PickedScan): Target | null {
  const { collaboration_id, document_kind, document_id, revision } = matched;
  if (!matched.codes_found || !collaboration_id || !document_kind || !document_id || revision === null) return null;
  return { collaboration: collaboration_id, kind: document_kind, documentId: document_id, revision, slots: matched.signatures };
}

/** The scan's document (found by its QR code, or chosen by hand), the heads who signed it, and the date on the paper. */
function ScanModal({ dossier, picked, onClose }: { dossier: Dossier; picked: PickedScan; onClose: () => void }) {
  const { t } = useTranslation('office');
  const receive = useOfficeCommand(receiveScan);
  const documents = signedDocuments(dossier.signatures);
  const [chosenDocument, setChosenDocument] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[] | null>(null);
  const [signedOn, setSignedOn] = useState(today());
  const { matched } = picked;
  const byHand = documents.find((d) => d.key === chosenDocument);
  const target: Target | null =
    matchedTarget(picked) ??
    (byHand ? { collaboration: dossier.collaboration.id, kind: byHand.kind, documentId: byHand.documentId, revision: byHand.revision, slots: byHand.signatures } : null);
  const unsigned = (target?.slots ?? []).filter((s) => !s.signed_on).map((s) => s.id);
  // Every unsigned head is ticked until the user changes it.
  const ticked = selected ?? unsigned;
  const otherCollaboration = matched.codes_found && matched.collaboration_id !== dossier.collaboration.id;
  const meetings = otherCollaboration ? [] : dossier.meetings;

  const submit = async () => {
    if (!target) return;
    const payload = { collaboration: target.collaboration, document_kind: target.kind, document_id: target.documentId, revision: target.revision, signatures: ticked, signed_on: signedOn };
    const received = await receive.run(payload);
    if (!received) return;
    receive.show('success', 'scan-done', t('scan.done', { count: received.signed.length, document: t(`document.${received.document_kind}`, { ns: 'signatures' }) }));
    onClose();
  };

  return (
    <Modal
      open
      width={640}
      title={t('scan.title')}
      onCancel={onClose}
      data-testid="scan-modal"
      data-matched={matched.codes_found}
      footer={
        <Space>
          <Button data-testid="scan-cancel" onClick={onClose}>
            {t('scan.cancel')}
          </Button>
          <Button type="primary" data-testid="scan-confirm" disabled={!target || ticked.length === 0} loading={receive.busy} onClick={() => void submit()}>
            {t('scan.confirm')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {matched.codes_found ? (
          <Descriptions
            bordered
            size="small"
            column={1}
            data-testid="scan-document-found"
            items={[
              { key: 'file', label: t('scan.file'), children: picked.file_name },
              { key: 'collaboration', label: t('scan.collaboration'), children: `${matched.number ?? ''} ${matched.title ?? ''}` },
              { key: 'document', label: t('scan.document'), children: target && documentTitle(t, meetings, target.kind, target.documentId) },
              { key: 'revision', label: t('scan.revision'), children: t('scan.revisionN', { revision: matched.revision }) },
            ]}
          />
        ) : (
          <>
            <Alert data-testid="scan-no-qr" type="info" showIcon title={t('scan.noQr', { file: picked.file_name })} />
            <Form.Item label={t('scan.document')} style={{ marginBottom: 0 }}>
              <Select
                data-testid="scan-document"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('scan.chooseDocument')}
                value={chosenDocument}
                onChange={(key: string) => {
                  setChosenDocument(key);
                  setSelected(null);
                }}
                options={documents.map((d) => ({
                  value: d.key,
                  label: `${documentTitle(t, dossier.meetings, d.kind, d.documentId)} · ${t('scan.revisionN', { revision: d.revision })}`,
                }))}
              />
            </Form.Item>
          </>
        )}
        {otherCollaboration && <Alert data-testid="scan-other" type="info" showIcon title={t('scan.otherCollaboration', { number: matched.number })} />}
        {matched.stale && (
          <Alert data-testid="scan-stale" type="warning" showIcon title={t('scan.stale', { revision: matched.revision, current: matched.current_revision })} />
        )}
        {target && <SlotList slots={target.slots} ticked={ticked} onChange={setSelected} />}
        <Form.Item label={t('scan.signedOn')} style={{ marginBottom: 0 }}>
          <DatePicker
            data-testid="scan-signed-on"
            format="YYYY-MM-DD"
            allowClear={false}
            value={dayjs(signedOn)}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            onChange={(day) => day && setSignedOn(day.format('YYYY-MM-DD'))}
          />
        </Form.Item>
      </Space>
    </Modal>
  );
}

/** The heads expected to sign the paper: a tick for each who did; those already on record are shown signed. */
function SlotList({ slots, ticked, onChange }: { slots: Slot[]; ticked: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('office');
  if (slots.length === 0) return <Alert data-testid="scan-no-slots" type="info" showIcon title={t('scan.noSlots')} />;
  const toggle = (id: string, on: boolean) => onChange(on ? [...ticked, id] : ticked.filter((x) => x !== id));
  return (
    <div data-testid="scan-slots">
      <Typography.Text strong>{t('scan.whoSigned')}</Typography.Text>
      <Space orientation="vertical" style={{ display: 'flex', marginTop: 8 }}>
        {slots.map((slot) => (
          <Checkbox
            key={slot.id}
            data-testid={`scan-slot-${slot.department ?? ''}`}
            checked={slot.signed_on !== null || ticked.includes(slot.id)}
            disabled={slot.signed_on !== null}
            onChange={(e) => toggle(slot.id, e.target.checked)}
          >
            {slot.department} · {slot.head || t('scan.noHead')}
            {slot.signed_on && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('scan.signedAlready', { date: slot.signed_on })}
              </Typography.Text>
            )}
          </Checkbox>
        ))}
      </Space>
    </div>
  );
}

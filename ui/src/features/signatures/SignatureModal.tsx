import { useRef, useState } from 'react';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import { str, today } from '../meetings/display';
import { DateItem } from '../meetings/DateItem';
import { EngineFormModal } from '../meetings/EngineFormModal';
import { useAddAttachment } from '../communications/attachments';
import { FileField } from '../communications/FileField';

interface SignatureValues {
  signed_on: string | null;
}

interface SignaturePayload {
  signature: string;
  signed_on: string;
  scan_attachment?: string;
}

/**
 * Marks a department head's signature on a printed document revision as received, with the date
 * on the paper, and optionally stores the signed scan and links it to the signature.
 */
export function SignatureModal({ collaboration, signature, scanName, onClose }: { collaboration: string; signature: Row; scanName?: string; onClose: () => void }) {
  const { t } = useTranslation('signatures');
  const [form] = Form.useForm<SignatureValues>();
  const [file, setFile] = useState<File | null>(null);
  const uploaded = useRef<{ file: File; id: string } | null>(null);
  const { attach } = useAddAttachment(collaboration);
  const existingScan = str(signature.scan_attachment_id) || undefined;

  const toPayload = (values: SignatureValues): SignaturePayload | null =>
    values.signed_on ? { signature: str(signature.id), signed_on: values.signed_on, scan_attachment: existingScan } : null;

  /** Stores the chosen scan once, even if the signature itself has to be retried. */
  const withScan = async (payload: SignaturePayload) => {
    if (!file) return payload;
    if (uploaded.current?.file !== file) uploaded.current = { file, id: await attach(file) };
    return { ...payload, scan_attachment: uploaded.current.id };
  };

  return (
    <EngineFormModal<SignatureValues, SignaturePayload>
      form={form}
      action="record_signature"
      toPayload={toPayload}
      beforeSubmit={withScan}
      open
      onClose={onClose}
      title={t('modal.title', { department: str(signature.department), head: str(signature.head) || t('noHead') })}
      okText={t('modal.submit')}
      success={t('modal.done')}
      testid="signature"
      initialValues={{ signed_on: str(signature.signed_on) || today() }}
    >
      <DateItem name="signed_on" label={t('modal.signedOn')} testid="signature-date" rules={[{ required: true, message: t('modal.dateRequired') }]} />
      <Form.Item label={t('modal.scan')} extra={scanName ? t('modal.scanReplaces', { file: scanName }) : t('modal.scanHint')}>
        <FileField testid="signature-scan" accept=".pdf,image/*" onChange={setFile} />
      </Form.Item>
    </EngineFormModal>
  );
}

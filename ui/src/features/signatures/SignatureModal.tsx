import { useRef, useState } from 'react';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignatureInput, SignatureRow } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { today } from '../../lib/format';
import { DateItem } from '../meetings/DateItem';
import { useAddAttachment } from '../communications/attachments';
import { FileField } from '../communications/FileField';

interface SignatureValues {
  signed_on: string | null;
}

/**
 * Marks a department head's signature on a printed document revision as received, with the date
 * on the paper, and optionally stores the signed scan and links it to the signature.
 */
export function SignatureModal({ collaboration, signature, scanName, onClose }: { collaboration: string; signature: SignatureRow; scanName?: string; onClose: () => void }) {
  const { t } = useTranslation('signatures');
  const [file, setFile] = useState<File | null>(null);
  const uploaded = useRef<{ file: File; id: string } | null>(null);
  const { attach } = useAddAttachment(collaboration);
  const existingScan = signature.scan_attachment_id ?? undefined;

  const toPayload = (values: Partial<SignatureValues>): SignatureInput | null =>
    values.signed_on ? { signature: signature.id, signed_on: values.signed_on, scan_attachment: existingScan } : null;

  /** Stores the chosen scan once, even if the signature itself has to be retried. */
  const withScan = async (payload: SignatureInput) => {
    if (!file) return payload;
    if (uploaded.current?.file !== file) uploaded.current = { file, id: await attach(file) };
    return { ...payload, scan_attachment: uploaded.current.id };
  };

  return (
    <EngineFormModal
      action="record_signature"
      toPayload={toPayload}
      beforeSubmit={withScan}
      onClose={onClose}
      title={t('modal.title', { department: signature.department, head: signature.head || t('noHead') })}
      okText={t('modal.submit')}
      success={t('modal.done')}
      testId="signature"
      formTestId="signature-form"
      initialValues={{ signed_on: signature.signed_on || today() }}
      checkAtOnce
    >
      <DateItem name="signed_on" label={t('modal.signedOn')} testid="signature-date" rules={[{ required: true, message: t('modal.dateRequired') }]} />
      <Form.Item label={t('modal.scan')} extra={scanName ? t('modal.scanReplaces', { file: scanName }) : t('modal.scanHint')}>
        <FileField testid="signature-scan" accept=".pdf,image/*" onChange={setFile} />
      </Form.Item>
    </EngineFormModal>
  );
}

import { useState } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddAttachment } from './attachments';
import { FileField } from './FileField';

/** Chooses a file and stores it as an attachment of the collaboration (邮件、扫描件、照片 …). */
export function AttachmentUploader({ collaboration }: { collaboration: string }) {
  const { t } = useTranslation('communications');
  const [file, setFile] = useState<File | null>(null);
  const [chooser, setChooser] = useState(0);
  const { attach, isPending } = useAddAttachment(collaboration, t('attachments.done'));

  const upload = async () => {
    if (!file) return;
    try {
      await attach(file);
      setFile(null);
      setChooser((n) => n + 1);
    } catch {
      // The refusal was shown by the action; the chosen file stays chosen for another try.
    }
  };

  return (
    <Space>
      <FileField key={chooser} testid="attachment-file" onChange={setFile} />
      <Button size="small" type="primary" data-testid="attachment-upload" disabled={!file} loading={isPending} onClick={() => void upload()}>
        {t('attachments.upload')}
      </Button>
    </Space>
  );
}

import { useState } from 'react';
import { App, Button, Form, Input, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { writeArchive } from '../../ipc';
import type { ArchivePackage } from '../../bindings-interop';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useOfficeCommand } from '../office/useOffice';
import { fileSize } from '../office/format';
import type { TabProps } from './tabProps';

/**
 * The header's stage actions: archiving a completed collaboration (归档, after the completion
 * letter), which writes its archive package to a folder the user picks; for an archived one,
 * writing the package again and reopening it with a recorded reason. Other stages offer neither.
 */
export function StageActions({ dossier }: TabProps) {
  const collaboration = dossier.collaboration.id;
  const reopenReason = dossier.collaboration.reopen_reason ?? '';
  if (dossier.stage === 'completed') return <ArchiveButton collaboration={collaboration} reopenReason={reopenReason} />;
  if (dossier.stage === 'archived') {
    return (
      <>
        <ArchiveExportButton collaboration={collaboration} />
        <ReopenButton collaboration={collaboration} />
      </>
    );
  }
  return null;
}

/**
 * Writes the archive package (every document as PDF, scans, attachments, records, manifest) into
 * a folder the user picks, archiving the collaboration first unless it already is, and shows
 * where it went. A cancelled folder dialog changes nothing.
 */
function useArchivePackage(collaboration: string) {
  const { t } = useTranslation('stageActions');
  const { modal } = App.useApp();
  const command = useOfficeCommand(writeArchive);
  const write = async () => {
    const written = await command.run({ collaboration, language: command.language, title: t('pickFolder') });
    if (!written) return;
    modal.success({
      title: t(written.archived_now ? 'archivedTitle' : 'exportedTitle'),
      content: <ArchiveResult written={written} />,
      okText: t('ok'),
      okButtonProps: { ...{ 'data-testid': 'archive-result-ok' } },
    });
  };
  return { write, busy: command.busy };
}

/** Where the package was written and what it holds. */
function ArchiveResult({ written }: { written: ArchivePackage }) {
  const { t } = useTranslation('stageActions');
  return (
    <div data-testid="archive-result" data-files={written.files}>
      <Typography.Paragraph>{t('writtenTo')}</Typography.Paragraph>
      <Typography.Paragraph copyable code data-testid="archive-result-path">
        {written.path}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('contents', { files: written.files, size: fileSize(written.bytes) })}</Typography.Text>
    </div>
  );
}

/** Archives after a confirmation; notes when the collaboration was reopened before, and why. */
function ArchiveButton({ collaboration, reopenReason }: { collaboration: string; reopenReason: string }) {
  const { t } = useTranslation('stageActions');
  const { modal } = App.useApp();
  const archive = useArchivePackage(collaboration);
  const confirm = () =>
    modal.confirm({
      title: t('archiveTitle'),
      content: t('archiveContent'),
      okText: t('archiveOk'),
      cancelText: t('cancel'),
      width: 520,
      okButtonProps: { ...{ 'data-testid': 'archive-confirm' } },
      cancelButtonProps: { ...{ 'data-testid': 'archive-cancel' } },
      // The dialog closes at once; the button shows the work, and a refusal is shown as a message.
      onOk: () => void archive.write(),
    });
  return (
    <>
      {reopenReason && (
        <Tooltip title={t('reopenedReason', { reason: reopenReason })}>
          <Tag color="warning" data-testid="reopened-tag">
            {t('reopenedTag')}
          </Tag>
        </Tooltip>
      )}
      <Button onClick={confirm} loading={archive.busy} data-testid="stage-archive">
        {t('archive')}
      </Button>
    </>
  );
}

/** Writes an archived collaboration's package again (nothing in the records changes). */
function ArchiveExportButton({ collaboration }: { collaboration: string }) {
  const { t } = useTranslation('stageActions');
  const archive = useArchivePackage(collaboration);
  return (
    <Button onClick={() => void archive.write()} loading={archive.busy} data-testid="archive-export">
      {t('export')}
    </Button>
  );
}

/** Reopens an archived collaboration; the engine requires a reason and keeps it in the history. */
function ReopenButton({ collaboration }: { collaboration: string }) {
  const { t } = useTranslation('stageActions');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="stage-reopen">
        {t('reopen')}
      </Button>
      {open && (
        <EngineFormModal
          title={t('reopenTitle')}
          action="reopen"
          toPayload={(v: { reason?: string }) => ({ collaboration, reason: v.reason ?? '' })}
          success={t('reopened')}
          testId="reopen-form"
          okText={t('reopen')}
          onClose={() => setOpen(false)}
        >
          <Form.Item name="reason" label={t('reason')} required extra={t('reasonHint')}>
            <Input.TextArea rows={3} data-testid="reopen-reason" />
          </Form.Item>
        </EngineFormModal>
      )}
    </>
  );
}

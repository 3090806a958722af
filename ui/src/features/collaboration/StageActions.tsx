import { useState } from 'react';
import { App, Button, Form, Input, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction } from '../../engine';
import { EngineFormModal } from '../../components/EngineFormModal';
import type { TabProps } from './tabProps';

/**
 * The header's stage actions: archiving a completed collaboration (归档, after the completion
 * letter) and reopening an archived one with a recorded reason. Other stages offer neither.
 */
export function StageActions({ dossier }: TabProps) {
  const collaboration = dossier.collaboration.id;
  const reopenReason = dossier.collaboration.reopen_reason ?? '';
  if (dossier.stage === 'completed') return <ArchiveButton collaboration={collaboration} reopenReason={reopenReason} />;
  if (dossier.stage === 'archived') return <ReopenButton collaboration={collaboration} />;
  return null;
}

/** Archives after a confirmation; notes when the collaboration was reopened before, and why. */
function ArchiveButton({ collaboration, reopenReason }: { collaboration: string; reopenReason: string }) {
  const { t } = useTranslation('stageActions');
  const { modal } = App.useApp();
  const archive = useEngineAction('archive', { success: t('archived') });
  const confirm = () =>
    modal.confirm({
      title: t('archiveTitle'),
      content: t('archiveContent'),
      okText: t('archive'),
      cancelText: t('cancel'),
      okButtonProps: { ...{ 'data-testid': 'archive-confirm' } },
      cancelButtonProps: { ...{ 'data-testid': 'archive-cancel' } },
      // A refusal is already shown as a message; the dialog closes either way.
      onOk: () => archive.mutateAsync({ collaboration }).catch(() => undefined),
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
      <Button onClick={confirm} loading={archive.isPending} data-testid="stage-archive">
        {t('archive')}
      </Button>
    </>
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

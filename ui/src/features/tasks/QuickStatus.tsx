import { useState } from 'react';
import { Button, Input, InputNumber, Popover, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import { describeError } from '../../components/errors';
import type { TaskRow, TaskStatus } from '../../bindings';
import { REPORTED_STATUSES, statusPayload } from './payloads';

/**
 * The day's status of one task, fast: one click on 已完成 / 进行中 / 受阻 opens a small form with the
 * note focused (and the progress for unfinished work); Enter reports it.
 */
export function QuickStatus({ task }: { task: TaskRow }) {
  const { t } = useTranslation('tasks');
  const [open, setOpen] = useState<TaskStatus | null>(null);
  const title = task.title;
  return (
    <Space.Compact size="small">
      {REPORTED_STATUSES.map((status) => (
        <Popover
          key={status}
          trigger="click"
          open={open === status}
          onOpenChange={(next) => setOpen(next ? status : null)}
          destroyOnHidden
          title={t('status.title', { status: t(`taskStatus.${status}`, { ns: 'common' }) })}
          content={<StatusForm task={task} status={status} onDone={() => setOpen(null)} />}
        >
          <Button data-testid={`task-status-${status}-${title}`} danger={status === 'blocked'} autoInsertSpace={false}>
            {t(`taskStatus.${status}`, { ns: 'common' })}
          </Button>
        </Popover>
      ))}
    </Space.Compact>
  );
}

function StatusForm({ task, status, onDone }: { task: TaskRow; status: TaskStatus; onDone: () => void }) {
  const { t } = useTranslation('tasks');
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(task.progress);
  const payload = statusPayload(task.id, status, { note, progress });
  const verdict = useLiveValidation('post_status', payload);
  const post = useEngineAction('post_status', { success: t('status.posted') });

  const submit = async () => {
    if (verdict || post.isPending) return;
    try {
      await post.mutateAsync(payload);
      onDone();
    } catch {
      // The hook has shown the refusal; the note stays as typed.
    }
  };

  return (
    <Space orientation="vertical" style={{ width: 300 }} data-testid="task-status-form">
      <Input
        autoFocus
        data-testid="task-status-note"
        placeholder={status === 'blocked' ? t('status.blockedNote') : t('status.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onPressEnter={() => void submit()}
      />
      {status !== 'done' && (
        <Space>
          {t('status.progress')}
          <InputNumber data-testid="task-status-progress" min={0} max={100} value={progress} onChange={setProgress} onPressEnter={() => void submit()} />
          %
        </Space>
      )}
      {verdict && (
        <Typography.Text type="danger" data-testid="task-status-verdict">
          {describeError(t, verdict)}
        </Typography.Text>
      )}
      <Button type="primary" block data-testid="task-status-submit" disabled={verdict !== null} loading={post.isPending} onClick={() => void submit()}>
        {t('status.submit')}
      </Button>
    </Space>
  );
}

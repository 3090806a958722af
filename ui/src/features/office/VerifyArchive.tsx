import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IpcError, verifyArchive } from '../../ipc';
import type { VerifyReport } from '../../bindings-interop';
import { describeError } from '../../components/errors';
import { archiveProblem, fileSize } from './format';

type Outcome = { state: 'ok'; report: VerifyReport } | { state: 'mismatch'; problems: string[] } | { state: 'error'; error: unknown };

/**
 * 验证归档包: re-checks an archive package folder (on a shared drive, years later) against its
 * manifest, and shows whether every file is as it was written, or which files were changed,
 * removed or added.
 */
export function VerifyArchive() {
  const { t } = useTranslation('office');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const verify = useMutation({
    mutationFn: () => verifyArchive(t('verify.pickTitle')),
    onMutate: () => setOutcome(null),
    onSuccess: (report) => report && setOutcome({ state: 'ok', report }),
    onError: (error) =>
      setOutcome(error instanceof IpcError && error.kind === 'manifest_mismatch' ? { state: 'mismatch', problems: error.items } : { state: 'error', error }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('verify.hint')}</Typography.Text>
      <Button data-testid="archive-verify" loading={verify.isPending} onClick={() => verify.mutate()}>
        {t('verify.button')}
      </Button>
      {outcome && <VerifyResult outcome={outcome} />}
    </Space>
  );
}

function VerifyResult({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('office');
  const common = { 'data-testid': 'archive-verify-result', 'data-state': outcome.state, showIcon: true };
  if (outcome.state === 'ok') {
    const { number, files, bytes } = outcome.report;
    return <Alert {...common} type="success" title={t('verify.ok', { number, files, size: fileSize(bytes) })} />;
  }
  if (outcome.state === 'error') return <Alert {...common} type="error" title={describeError(t, outcome.error)} />;
  return (
    <Alert
      {...common}
      type="error"
      title={t('verify.mismatch', { count: outcome.problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {outcome.problems.map((line) => {
            const { kind, path } = archiveProblem(line);
            return <li key={line}>{kind ? t(`verify.problem.${kind}`, { path }) : line}</li>;
          })}
        </ul>
      }
    />
  );
}

import { Alert, Button, Descriptions, Layout, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chooseDatabaseFolder, restoreFromFile, retryOpen, type DatabaseStatus } from '../../ipc';
import { applyLanguage } from '../../i18n';
import { describeError } from '../../components/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { BackupTable } from './BackupTable';
import { databaseProblem, useDatabaseCommand, useRestoredText } from './useDatabase';

/** The name a database has inside a folder the user chooses (src-tauri/src/database.rs). */
const DATABASE_FILE = 'xiezuo.db';

/**
 * Shown instead of the app when the database cannot be opened: which file, why (from the error
 * kind) and the ways out — restore one of its backups, restore from another file, move to another
 * folder, or try again. Nothing here changes the file without the user asking; a restore keeps it
 * in the backups folder. The language can be switched (not saved: there is no database to save it in).
 */
export function RecoveryScreen({ status }: { status: DatabaseStatus }) {
  const { t } = useTranslation('recovery');
  const problem = databaseProblem(status.error?.kind);
  const restoredText = useRestoredText();
  const fromFile = useDatabaseCommand(restoreFromFile, restoredText);
  const moveTo = useDatabaseCommand(chooseDatabaseFolder, ({ status }) => t('moved', { path: status.path }));
  const retry = useDatabaseCommand(retryOpen, ({ status }) => (status.ok ? t('opened') : t('stillClosed')));

  return (
    <RecoveryFrame>
      <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="recovery" data-problem={problem}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="recovery-title">
          {t('title')}
        </Typography.Title>
        <Alert type="warning" showIcon data-testid="recovery-reason" title={t(`reason.${problem}`)} description={t(`wayOut.${problem}`)} />
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'path', label: t('database'), children: <Typography.Text copyable data-testid="recovery-path">{status.path}</Typography.Text> },
            { key: 'folder', label: t('backupsFolder'), children: <Typography.Text copyable>{status.backups_folder}</Typography.Text> },
            { key: 'detail', label: t('detail'), children: <Typography.Text type="secondary">{status.error?.message}</Typography.Text> },
          ]}
        />
        <BackupTable testId="recovery-backups" title={t('backups')} backups={status.backups} />
        <Space wrap>
          <Button data-testid="recovery-restore-file" loading={fromFile.busy} onClick={() => fromFile.run(t('pickFileTitle'))}>
            {t('restoreFromFile')}
          </Button>
          <Button data-testid="recovery-choose-folder" loading={moveTo.busy} onClick={() => moveTo.run(t('pickFolderTitle'))}>
            {t('chooseFolder')}
          </Button>
          <Button type="primary" data-testid="recovery-retry" loading={retry.busy} onClick={() => retry.run(undefined)}>
            {t('retry')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t('chooseFolderHint', { file: DATABASE_FILE })}</Typography.Text>
      </Space>
    </RecoveryFrame>
  );
}

/** When not even the database's status could be read: the reason, and a way to ask again. */
export function StatusUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('recovery');
  return (
    <RecoveryFrame>
      <Result
        status="warning"
        data-testid="recovery-status-failed"
        title={t('statusFailed')}
        subTitle={describeError(t, error)}
        extra={
          <Button type="primary" data-testid="recovery-retry" onClick={onRetry}>
            {t('retry')}
          </Button>
        }
      />
    </RecoveryFrame>
  );
}

/** The window around the recovery content: the app's name and the language switch. */
function RecoveryFrame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="recovery-app-title">
          {t('app.name')}
        </Typography.Title>
        <LanguageSwitch onChange={(language) => void applyLanguage(language)} />
      </Layout.Header>
      <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
        <div style={{ maxWidth: 1000, margin: '0 auto', background: '#fff', padding: 24, borderRadius: 8 }}>{children}</div>
      </Layout.Content>
    </Layout>
  );
}

import { App, Button, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery } from '../../engine';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VerifyArchive } from '../office/VerifyArchive';
import { BackupTable } from '../recovery/BackupTable';

const path = (value: string | null, testid: string) => (value ? <Typography.Text copyable data-testid={testid}>{value}</Typography.Text> : '—');

/**
 * 数据: the database file and its backups (each restorable with one click), checking an archive
 * package, and loading the demo collaborations.
 */
export function DataTab() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const info = useEngineQuery('get_data_info');
  const loadDemo = useEngineAction('load_demo');

  async function load() {
    const result = await loadDemo.mutateAsync(undefined).catch(() => null);
    if (!result) return;
    void message.success(result.loaded ? t('data.demoLoaded', { numbers: result.numbers.join('、') }) : t('data.demoPresent'));
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="data">
      {info.error && <ErrorNotice error={info.error} />}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'database', label: t('data.database'), children: path(info.data?.database ?? null, 'data-database-path') },
          { key: 'backups', label: t('data.backupsFolder'), children: path(info.data?.backups_folder ?? null, 'data-backups-folder') },
        ]}
      />
      <BackupTable testId="data-backups" title={t('data.backups')} backups={info.data?.backups ?? []} />
      <VerifyArchive />
      <Space orientation="vertical">
        <Typography.Text type="secondary">{t('data.demoHint')}</Typography.Text>
        <Popconfirm title={t('data.loadDemo')} description={t('data.demoConfirm')} okButtonProps={{ 'data-testid': 'data-load-demo-confirm' }} onConfirm={load}>
          <Button data-testid="data-load-demo" loading={loadDemo.isPending}>
            {t('data.loadDemo')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}

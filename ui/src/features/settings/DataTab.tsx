import { App, Button, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery } from '../../engine';
import type { BackupFile } from '../../bindings';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VerifyArchive } from '../office/VerifyArchive';

const kilobytes = (size: number) => `${Math.ceil(size / 1024)} KB`;
const path = (value: string | null, testid: string) => (value ? <Typography.Text copyable data-testid={testid}>{value}</Typography.Text> : '—');

/** 数据: the database file and its automatic backups, checking an archive package, and loading the demo collaborations. */
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
      <Table<BackupFile>
        data-testid="data-backups"
        rowKey="file_name"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        title={() => t('data.backups')}
        columns={[
          { key: 'file', title: t('data.file'), dataIndex: 'file_name' },
          { key: 'size', title: t('data.size'), dataIndex: 'size', width: 120, render: kilobytes },
        ]}
        dataSource={info.data?.backups ?? []}
        locale={{ emptyText: t('data.noBackups') }}
      />
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

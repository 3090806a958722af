import type { ReactNode } from 'react';
import { Button, Popconfirm, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../bindings';
import { restoreBackup } from '../../ipc';
import type { RecordAttributes } from '../../components/recordFocus';
import { fileSize } from '../office/format';
import { useDatabaseCommand, useRestoredText } from './useDatabase';

/**
 * The backups beside the database, newest first, each restorable with one click after a
 * confirmation that says the current file is kept. Shown on the recovery screen and in Settings → 数据.
 * Rows `backup-row-{file name}`, buttons `restore-{file name}`, confirmation `restore-confirm`.
 */
export function BackupTable({ backups, title, testId }: { backups: BackupFile[]; title?: ReactNode; testId: string }) {
  const { t } = useTranslation('recovery');
  const restore = useDatabaseCommand(restoreBackup, useRestoredText());
  return (
    <Table<BackupFile>
      data-testid={testId}
      rowKey="file_name"
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      title={title === undefined ? undefined : () => title}
      onRow={(backup): RecordAttributes => ({ 'data-testid': `backup-row-${backup.file_name}`, 'data-record': backup.file_name })}
      columns={[
        { key: 'file', title: t('columns.file'), dataIndex: 'file_name' },
        { key: 'kind', title: t('columns.kind'), dataIndex: 'kind', width: 150, render: (kind: BackupFile['kind']) => <Tag>{t(`kind.${kind}`)}</Tag> },
        { key: 'time', title: t('columns.time'), dataIndex: 'modified', width: 150, render: (modified: string) => dayjs(modified).format('YYYY-MM-DD HH:mm') },
        { key: 'size', title: t('columns.size'), dataIndex: 'size', width: 100, render: fileSize },
        {
          key: 'restore',
          title: t('columns.action'),
          width: 140,
          render: (_, backup) => (
            <Popconfirm
              title={t('restoreConfirm', { file: backup.file_name })}
              description={t('restoreKeeps')}
              okButtonProps={{ 'data-testid': 'restore-confirm' }}
              onConfirm={() => restore.run(backup.file_name)}
            >
              <Button size="small" data-testid={`restore-${backup.file_name}`} loading={restore.busy}>
                {t('restore')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
      dataSource={backups}
      locale={{ emptyText: t('noBackups') }}
    />
  );
}

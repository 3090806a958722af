import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SelfCheckItem } from '../../bindings';

const Mark = ({ ok }: { ok: boolean }) => <Typography.Text type={ok ? 'success' : 'danger'}>{ok ? '✓' : '✗'}</Typography.Text>;

/** A recorded 成果自检表, read-only. */
export function SelfCheckTable({ items, testId }: { items: SelfCheckItem[]; testId: string }) {
  const { t } = useTranslation('acceptance');
  return (
    <Table<SelfCheckItem>
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={items}
      data-testid={testId}
      columns={[
        { title: t('selfCheck.item'), dataIndex: 'item' },
        { title: t('selfCheck.complete'), width: 90, align: 'center', render: (_, r) => <Mark ok={r.complete} /> },
        { title: t('selfCheck.quality'), width: 90, align: 'center', render: (_, r) => <Mark ok={r.quality_ok} /> },
        { title: t('selfCheck.note'), dataIndex: 'note' },
      ]}
    />
  );
}

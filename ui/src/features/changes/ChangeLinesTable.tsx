import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../bindings';
import { nameOf } from '../../lib/org';
import type { ChangeLine } from './planChanges';

/** A change request's changes, value by value: what the plan said and what it is to become. */
export function ChangeLinesTable({ lines, people, testId }: { lines: ChangeLine[]; people: Person[]; testId: string }) {
  const { t } = useTranslation('changes');
  const value = (line: ChangeLine, v: string) => (line.field === 'responsible' ? nameOf(people, v) || v : v);
  return (
    <Table<ChangeLine>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey={(l) => `${l.kind}-${l.subject}-${l.field}-${l.to}`}
      dataSource={lines}
      columns={[
        {
          title: t('lines.subject'),
          render: (_, l) => (
            <>
              <Tag>{t(`lines.${l.kind}`)}</Tag>
              {l.subject ?? <Typography.Text type="success">{t('lines.newMilestone')}</Typography.Text>}
            </>
          ),
        },
        { title: t('lines.field'), width: 110, render: (_, l) => t(`lines.fields.${l.field}`) },
        { title: t('lines.from'), width: 130, render: (_, l) => <Typography.Text delete={l.from !== ''}>{value(l, l.from)}</Typography.Text> },
        { title: t('lines.to'), width: 130, render: (_, l) => <Typography.Text strong>{value(l, l.to)}</Typography.Text> },
      ]}
    />
  );
}

import { Collapse, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../bindings';
import { nameOf } from '../../lib/org';
import type { Plan } from './planChanges';

/** The plan as it stood before an applied change (its baseline), kept on the request for the record. */
export function BaselineView({ baseline, people, testId }: { baseline: Plan; people: Person[]; testId: string }) {
  const { t } = useTranslation('changes');
  return (
    <Collapse
      size="small"
      data-testid={testId}
      items={[
        {
          key: 'baseline',
          label: t('baseline.title'),
          children: (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={baseline.milestones}
                columns={[
                  { title: t('baseline.milestone'), dataIndex: 'name' },
                  { title: t('lines.fields.due_date'), dataIndex: 'due_date', width: 130 },
                ]}
              />
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                style={{ marginTop: 12 }}
                dataSource={baseline.tasks}
                columns={[
                  { title: t('baseline.task'), dataIndex: 'title' },
                  { title: t('lines.fields.responsible'), width: 110, render: (_, r) => nameOf(people, r.responsible_person_id) },
                  { title: t('lines.fields.start_date'), dataIndex: 'start_date', width: 130 },
                  { title: t('lines.fields.end_date'), dataIndex: 'end_date', width: 130 },
                ]}
              />
            </>
          ),
        },
      ]}
    />
  );
}

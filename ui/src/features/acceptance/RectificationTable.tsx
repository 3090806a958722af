import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationRow } from '../../bindings';
import type { RecordAttributes } from '../../components/recordFocus';
import { rectificationState, type RectificationState } from './acceptanceModel';

const COLORS: Record<RectificationState, string> = { open: 'processing', overdue: 'error', resubmitted: 'cyan', closed: 'success' };

interface Props {
  rectifications: RectificationRow[];
  deliverableTitles: Map<string, string>;
  names: Map<string, string>;
  /** Rectification ids the engine's attention list holds overdue. */
  overdue: ReadonlySet<string>;
  /** Row attributes: test id, record id, highlighted when pointed at. */
  rowProps: (testid: string, id: string) => RecordAttributes;
}

/** Every rectification item (整改项) of the collaboration with its deliverable, responsible person, deadline and state. */
export function RectificationTable({ rectifications, deliverableTitles, names, overdue, rowProps }: Props) {
  const { t } = useTranslation('acceptance');
  return (
    <Table<RectificationRow>
      size="small"
      pagination={false}
      rowKey={(r) => r.id}
      dataSource={rectifications}
      data-testid="rectification-table"
      onRow={(r) => rowProps(`rectification-row-${r.description}`, r.id)}
      columns={[
        { title: t('rectifications.deliverable'), render: (_, r) => deliverableTitles.get(r.deliverable_id) ?? '' },
        { title: t('review.description'), render: (_, r) => r.description },
        { title: t('review.owner'), render: (_, r) => (r.owner_person_id && names.get(r.owner_person_id)) || '—' },
        { title: t('review.deadline'), render: (_, r) => r.deadline },
        {
          title: t('rectifications.state'),
          render: (_, r) => {
            const state = rectificationState(r, overdue);
            return (
              <Tag color={COLORS[state]} data-testid="rectification-state" data-state={state}>
                {t(`rectifications.states.${state}`)}
              </Tag>
            );
          },
        },
      ]}
    />
  );
}

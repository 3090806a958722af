import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import { rectificationState, type RectificationState } from './acceptanceModel';
import { recordAttributes, str } from './format';

const COLORS: Record<RectificationState, string> = { open: 'processing', overdue: 'error', resubmitted: 'cyan', closed: 'success' };

interface Props {
  rectifications: Row[];
  deliverableTitles: Map<string, string>;
  names: Map<string, string>;
  /** Rectification ids the engine's attention list holds overdue. */
  overdue: ReadonlySet<string>;
  highlighted: { record: string | undefined; color: string };
}

/** Every rectification item (整改项) of the collaboration with its deliverable, responsible person, deadline and state. */
export function RectificationTable({ rectifications, deliverableTitles, names, overdue, highlighted }: Props) {
  const { t } = useTranslation('acceptance');
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey={(r) => str(r.id)}
      dataSource={rectifications}
      data-testid="rectification-table"
      onRow={(r) =>
        recordAttributes(`rectification-row-${str(r.description)}`, str(r.id), highlighted.record === r.id ? { background: highlighted.color } : undefined)
      }
      columns={[
        { title: t('rectifications.deliverable'), render: (_, r) => deliverableTitles.get(str(r.deliverable_id)) ?? '' },
        { title: t('review.description'), render: (_, r) => str(r.description) },
        { title: t('review.owner'), render: (_, r) => names.get(str(r.owner_person_id)) ?? '—' },
        { title: t('review.deadline'), render: (_, r) => str(r.deadline) },
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

import { Descriptions, Space, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion, DeliverableRow, RectificationRow, ReviewRow } from '../../bindings';
import { localDateTime } from '../../lib/format';
import type { DeliverableVersion } from './acceptanceModel';
import { ReviewResultTag } from './display';
import { SelfCheckTable } from './SelfCheckTable';

interface Props {
  deliverable: DeliverableRow;
  /** The deliverable's versions replayed from the change log (may be empty while it loads). */
  versions: DeliverableVersion[];
  reviews: ReviewRow[];
  rectifications: RectificationRow[];
  names: Map<string, string>;
}

/**
 * A deliverable's versions, oldest first: when each came in and its self-check, then every joint
 * review of it with the criteria, reviewers, opinion and the rectification items it asked for.
 */
export function VersionHistory({ deliverable, versions, reviews, rectifications, names }: Props) {
  const { t } = useTranslation('acceptance');
  const current = deliverable.version;
  const numbers = [...new Set([...versions.map((v) => v.version), ...reviews.map((r) => r.deliverable_version), current])].sort((a, b) => a - b);
  return (
    <Timeline
      data-testid={`versions-${deliverable.title}`}
      items={numbers.map((n) => {
        const version = versions.find((v) => v.version === n);
        const ofVersion = reviews.filter((r) => r.deliverable_version === n);
        return {
          color: ofVersion.some((r) => r.result === 'pass') ? 'green' : ofVersion.length > 0 ? 'red' : 'blue',
          content: (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid={`version-${n}`}>
              <Typography.Text strong>
                {t('versions.version', { version: n })}
                {n === current ? ` · ${t('versions.current')}` : ''}
              </Typography.Text>
              {version?.submitted_at && <Typography.Text type="secondary">{t('versions.submitted', { at: localDateTime(version.submitted_at) })}</Typography.Text>}
              {version?.self_check && <SelfCheckTable items={version.self_check} testId={`version-${n}-self-check`} />}
              {ofVersion.length === 0 && <Typography.Text type="secondary">{t('versions.awaiting')}</Typography.Text>}
              {ofVersion.map((r) => (
                <ReviewRecord key={r.id} review={r} rectifications={rectifications.filter((x) => x.review_id === r.id)} names={names} />
              ))}
            </Space>
          ),
        };
      })}
    />
  );
}

/** One joint review as recorded (the content of a 验收意见表). */
function ReviewRecord({ review, rectifications, names }: { review: ReviewRow; rectifications: RectificationRow[]; names: Map<string, string> }) {
  const { t } = useTranslation('acceptance');
  const reviewers = (review.reviewers ?? []).map((id) => names.get(id) ?? id);
  return (
    <div data-testid={`review-${review.id}`} data-record={review.id}>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'result', label: t('versions.result'), children: <ReviewResultTag result={review.result} /> },
          { key: 'on', label: t('versions.reviewedOn'), children: review.reviewed_on },
          { key: 'reviewers', label: t('review.reviewers'), children: reviewers.join(t('form.listSeparator')) || '—' },
          { key: 'opinion', label: t('review.opinion'), span: 3, children: review.opinion || '—' },
        ]}
      />
      <Table<Criterion>
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={review.criteria}
        columns={[
          { title: t('review.name'), dataIndex: 'name' },
          { title: t('review.target'), dataIndex: 'target' },
          { title: t('review.measured'), dataIndex: 'measured' },
          { title: t('review.verdict'), render: (_, c) => <Typography.Text type={c.passed ? 'success' : 'danger'}>{t(c.passed ? 'review.pass' : 'review.fail')}</Typography.Text> },
        ]}
      />
      {rectifications.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
          {rectifications.map((x) => (
            <li key={x.id}>
              {t('versions.rectification', {
                description: x.description,
                owner: (x.owner_person_id && names.get(x.owner_person_id)) || '—',
                deadline: x.deadline,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

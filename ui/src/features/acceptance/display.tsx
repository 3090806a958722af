// Small display pieces shared by the acceptance and letter tabs.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliverableStatus, ReviewResult } from '../../bindings';

const STATUS_COLORS: Record<DeliverableStatus, string> = { submitted: 'processing', rectifying: 'warning', passed: 'success' };

/** A deliverable's status: awaiting review, under rectification, passed. */
export function DeliverableStatusTag({ status }: { status: DeliverableStatus }) {
  const { t } = useTranslation('acceptance');
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="deliverable-status" data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** The result of a joint acceptance review. */
export function ReviewResultTag({ result }: { result: ReviewResult }) {
  const { t } = useTranslation('acceptance');
  return <Tag color={result === 'pass' ? 'success' : 'error'}>{t(`result.${result}`, { defaultValue: result })}</Tag>;
}

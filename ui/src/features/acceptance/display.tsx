// Small display pieces shared by the acceptance and letter tabs.
import { useEffect } from 'react';
import { Tag, theme } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = { submitted: 'processing', rectifying: 'warning', passed: 'success' };

/** A deliverable's status: awaiting review, under rectification, passed. */
export function DeliverableStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('acceptance');
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="deliverable-status" data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** The result of a joint acceptance review. */
export function ReviewResultTag({ result }: { result: string }) {
  const { t } = useTranslation('acceptance');
  return <Tag color={result === 'pass' ? 'success' : 'error'}>{t(`result.${result}`, { defaultValue: result })}</Tag>;
}

/**
 * Scrolls the element marked `data-record-id={record}` into view once it is rendered, and returns
 * the background that marks it.
 */
export function useRecordFocus(record: string | undefined) {
  const { token } = theme.useToken();
  useEffect(() => {
    if (!record) return;
    const timer = setTimeout(() => document.querySelector(`[data-record-id="${CSS.escape(record)}"]`)?.scrollIntoView({ block: 'center' }), 50);
    return () => clearTimeout(timer);
  }, [record]);
  return token.colorPrimaryBg;
}

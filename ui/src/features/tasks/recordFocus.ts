// Pointing at one record: a search hit or an attention item opens a tab with `record` set, and the
// tab scrolls to that record and shows it in the highlight colour.
import { useEffect } from 'react';
import { theme } from 'antd';

/** Scrolls the element marked `data-record-id={record}` into view once it is rendered. */
export function useScrollToRecord(record: string | undefined) {
  useEffect(() => {
    if (!record) return;
    const timer = setTimeout(() => document.querySelector(`[data-record-id="${CSS.escape(record)}"]`)?.scrollIntoView({ block: 'center' }), 50);
    return () => clearTimeout(timer);
  }, [record]);
}

/** Row backgrounds of these tabs: the record pointed at, and an alarm (blocked, overdue, escalated). */
export function useRowColors() {
  const { token } = theme.useToken();
  return { focused: token.colorPrimaryBg, alarm: token.colorErrorBg };
}

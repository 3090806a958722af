// Pointing at one record: a search hit or an attention item opens a tab with `record` set; the tab
// scrolls to the element marked `data-record={record}` and tints it.
import { useCallback, useEffect, type CSSProperties, type HTMLAttributes } from 'react';
import { theme } from 'antd';

/** Attributes of a row or card that can be pointed at: its test id and its record id. */
export type RecordAttributes = HTMLAttributes<HTMLElement> & { 'data-testid': string; 'data-record': string };

/**
 * Scrolls to `record` once it is rendered, and marks rows: `rowProps(testid, id, alarm)` gives a
 * row its test id and record id, the highlight when it is the record pointed at, else the alarm
 * tint (blocked, overdue, escalated) when `alarm` holds. `focus` is the highlight colour.
 */
export function useRecordFocus(record?: string) {
  const { token } = theme.useToken();
  useEffect(() => {
    if (!record) return;
    const timer = setTimeout(() => document.querySelector(`[data-record="${CSS.escape(record)}"]`)?.scrollIntoView({ block: 'center' }), 50);
    return () => clearTimeout(timer);
  }, [record]);
  const focus = token.colorPrimaryBg;
  const alarm = token.colorErrorBg;
  const rowProps = useCallback(
    (testid: string, id: string, alarmed = false): RecordAttributes => {
      const background = id === record ? focus : alarmed ? alarm : undefined;
      const style: CSSProperties | undefined = background ? { background } : undefined;
      return { 'data-testid': testid, 'data-record': id, style };
    },
    [record, focus, alarm],
  );
  return { rowProps, focus };
}

// Search hits and attention items point at one record: its row scrolls into view and is tinted.
import { useEffect, type CSSProperties, type HTMLAttributes } from 'react';

const HIGHLIGHT: CSSProperties = { background: '#fffbe6' };

/** Scrolls the element marked `data-record={record}` into view once it is on screen. */
export function useRecordFocus(record?: string) {
  useEffect(() => {
    if (!record) return;
    document.querySelector(`[data-record="${CSS.escape(record)}"]`)?.scrollIntoView({ block: 'center' });
  }, [record]);
}

/**
 * Row attributes for a table: marks the row with its record id (and a test id), tinted when it is
 * the record pointed at.
 */
export function recordRow(id: string, record?: string, testid?: string): HTMLAttributes<HTMLElement> {
  return { 'data-record': id, 'data-testid': testid, style: id === record ? HIGHLIGHT : undefined } as HTMLAttributes<HTMLElement>;
}

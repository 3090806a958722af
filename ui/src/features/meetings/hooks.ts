// Small React hooks shared by the meetings, signatures and communications tabs.
import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `delayMs` (for checks that run as people type). */
export function useDebounced<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // `key` stands for `value`: wait for its content to settle, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return settled;
}

/** Scrolls the element marked `data-record={record}` into view when a search hit points at it. */
export function useScrollToRecord(record: string | undefined) {
  useEffect(() => {
    if (!record) return;
    const timer = setTimeout(() => {
      document.querySelector(`[data-record="${CSS.escape(record)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 100);
    return () => clearTimeout(timer);
  }, [record]);
}

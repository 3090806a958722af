// `value` once it has settled: for checks and searches that run as people type.
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

// Which attention items deserve a desktop notification: those never notified before on this
// computer. An item is identified by kind, record and due date, so an item whose deadline moves is
// announced again (it is news), while the same item seen on every poll is announced once.
import type { AttentionItem } from '../../bindings';

/** How many notified keys are remembered; the oldest are forgotten first. */
export const REMEMBERED_KEYS = 2000;

/** The identity of an attention item for notifications. */
export function itemKey(item: Pick<AttentionItem, 'kind' | 'subject_id' | 'due'>): string {
  return `${item.kind}|${item.subject_id}|${item.due ?? ''}`;
}

/** The items whose keys are not in `notified`, each once even if the list repeats it. */
export function newItems(items: AttentionItem[], notified: ReadonlySet<string>): AttentionItem[] {
  const seen = new Set(notified);
  return items.filter((item) => {
    const key = itemKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `remembered` plus the keys of `items`, oldest first, capped at `limit`. */
export function remember(remembered: string[], items: AttentionItem[], limit = REMEMBERED_KEYS): string[] {
  const keys = new Set(remembered);
  for (const item of items) {
    keys.delete(itemKey(item));
    keys.add(itemKey(item));
  }
  return [...keys].slice(-limit);
}

/** Reads the remembered keys stored under `key`; anything unreadable counts as none. */
export function loadKeys(storage: Pick<Storage, 'getItem'>, key: string): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

import { describe, expect, it } from 'vitest';
import type { AttentionItem, AttentionKind } from '../../bindings';
import { itemKey, loadKeys, newItems, remember } from './newItems';

const item = (subject_id: string, due: string | null = '2026-05-06', kind: AttentionKind = 'task_overdue'): AttentionItem => ({
  kind,
  collaboration_id: 'c1',
  number: 'XZ-2026-001',
  title: 'T',
  subject_id,
  subject: `subject ${subject_id}`,
  department_id: null,
  person_id: null,
  due,
  overdue: true,
});

describe('newItems', () => {
  it('keeps only the items not notified before', () => {
    const notified = new Set([itemKey(item('a'))]);
    expect(newItems([item('a'), item('b')], notified).map((i) => i.subject_id)).toEqual(['b']);
  });

  it('announces an item again when its due date moves, or under another kind', () => {
    const notified = new Set([itemKey(item('a', '2026-05-06'))]);
    expect(newItems([item('a', '2026-05-08'), item('a', '2026-05-06', 'task_blocked')], notified)).toHaveLength(2);
  });

  it('treats a missing due date as its own key and never repeats an item within one list', () => {
    expect(newItems([item('a', null), item('a', null)], new Set())).toHaveLength(1);
    expect(newItems([item('a', null)], new Set([itemKey(item('a', null))]))).toHaveLength(0);
  });
});

describe('remember', () => {
  it('adds new keys last and forgets the oldest beyond the limit', () => {
    const keys = remember(['x', 'y'], [item('a'), item('b')], 3);
    expect(keys).toEqual(['y', itemKey(item('a')), itemKey(item('b'))]);
  });

  it('moves a key seen again to the end', () => {
    const a = itemKey(item('a'));
    expect(remember([a, 'y'], [item('a')])).toEqual(['y', a]);
  });
});

describe('loadKeys', () => {
  const storage = (value: string | null) => ({ getItem: () => value });
  it('reads stored keys and ignores anything else', () => {
    expect(loadKeys(storage('["a",1,"b"]'), 'k')).toEqual(['a', 'b']);
    expect(loadKeys(storage(null), 'k')).toEqual([]);
    expect(loadKeys(storage('{oops'), 'k')).toEqual([]);
    expect(loadKeys(storage('{"a":1}'), 'k')).toEqual([]);
  });
});

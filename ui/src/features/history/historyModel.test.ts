import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../bindings';
import { fieldChanges, formatValue, localTime, type ValueContext } from './historyModel';

const ctx: ValueContext = {
  names: new Map([['p1', '赵强']]),
  code: (field, value) => (field === 'stage' ? `stage:${value}` : undefined),
  label: (key) => `[${key}]`,
  yes: '是',
  no: '否',
  empty: '—',
  separators: { label: '：', field: '，', item: '、', object: '；' },
};

describe('formatValue', () => {
  it('names ids, labels codes, and keeps other text', () => {
    expect(formatValue('owner_person_id', 'p1', ctx)).toBe('赵强');
    expect(formatValue('stage', 'draft', ctx)).toBe('stage:draft');
    expect(formatValue('title', '主数据表', ctx)).toBe('主数据表');
  });

  it('shows empty values, flags and numbers', () => {
    expect(formatValue('note', null, ctx)).toBe('—');
    expect(formatValue('note', '', ctx)).toBe('—');
    expect(formatValue('note', [], ctx)).toBe('—');
    expect(formatValue('passed', true, ctx)).toBe('是');
    expect(formatValue('passed', false, ctx)).toBe('否');
    expect(formatValue('version', 2, ctx)).toBe('2');
  });

  it('joins lists and spells out objects with labelled keys', () => {
    expect(formatValue('reviewers', ['p1', '孙丽'], ctx)).toBe('赵强、孙丽');
    expect(formatValue('self_check', [{ item: '字段完整', complete: true, note: '' }, { item: '格式', complete: false }], ctx)).toBe(
      '[item]：字段完整，[complete]：是；[item]：格式，[complete]：否',
    );
  });

  it('shows instants in local time and leaves dates alone', () => {
    expect(localTime('2026-12-03')).toBe('2026-12-03');
    expect(localTime('2026-12-03T10:00:00Z')).toMatch(/^2026-12-0[34] \d{2}:00$/);
  });
});

describe('fieldChanges', () => {
  it('lists changed fields without the collaboration id', () => {
    const entry: HistoryEntry = {
      hlc: '1',
      wall_time: '',
      actor: null,
      device_id: 'd',
      action: 'submit_deliverable',
      entity: 'deliverable',
      entity_id: 'x',
      op: 'insert',
      changes: { collaboration_id: [null, 'c'], title: [null, '表'], version: [null, 1] },
    };
    expect(fieldChanges(entry)).toEqual([
      { field: 'title', before: null, after: '表' },
      { field: 'version', before: null, after: 1 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { agreedCriteria, deliverableVersions, rectificationState, selfCheckShortfalls, splitCriterion } from './acceptanceModel';
import type { HistoryEntry } from '../../bindings';

const entry = (entity_id: string, changes: HistoryEntry['changes'], action = 'x'): HistoryEntry => ({
  hlc: '',
  wall_time: '',
  actor: null,
  device_id: 'd',
  action,
  entity: 'deliverable',
  entity_id,
  op: 'update',
  changes,
});

describe('agreedCriteria', () => {
  it('collects the minutes criteria of every meeting once', () => {
    const meetings = [{ minutes_criteria: ['覆盖率≥95%', ' 满意度≥90分 '] }, { minutes_criteria: ['覆盖率≥95%'] }, { minutes_criteria: null }];
    expect(agreedCriteria(meetings)).toEqual(['覆盖率≥95%', '满意度≥90分']);
  });
});

describe('splitCriterion', () => {
  it('splits at the comparison', () => {
    expect(splitCriterion('功能模块覆盖率≥95%')).toEqual({ name: '功能模块覆盖率', target: '≥95%' });
    expect(splitCriterion('用户满意度 >= 90 分')).toEqual({ name: '用户满意度', target: '>= 90 分' });
    expect(splitCriterion('响应时间不超过2秒')).toEqual({ name: '响应时间', target: '不超过2秒' });
  });
  it('keeps text without a comparison whole', () => {
    expect(splitCriterion('方案经评审通过')).toEqual({ name: '方案经评审通过', target: '' });
    expect(splitCriterion('≥95%')).toEqual({ name: '≥95%', target: '' });
  });
});

describe('deliverableVersions', () => {
  const check = [{ item: '字段完整', complete: true, quality_ok: false, note: '' }];
  const fixed = [{ item: '字段完整', complete: true, quality_ok: true, note: '' }];
  const history = [
    entry('d1', { title: [null, '主数据表'], version: [null, 1], submitted_at: [null, '2026-12-03T01:00:00Z'], self_check: [null, null] }),
    entry('other', { version: [null, 1] }),
    entry('d1', { self_check: [null, check], self_checked_at: [null, '2026-12-03T02:00:00Z'] }),
    entry('d1', { status: ['submitted', 'rectifying'] }),
    entry('d1', { version: [1, 2], submitted_at: ['2026-12-03T01:00:00Z', '2026-12-05T01:00:00Z'], self_check: [check, fixed] }),
  ];

  it('replays each version with its own self-check', () => {
    expect(deliverableVersions(history, 'd1')).toEqual([
      { version: 1, submitted_at: '2026-12-03T01:00:00Z', self_check: check, self_checked_at: '2026-12-03T02:00:00Z' },
      { version: 2, submitted_at: '2026-12-05T01:00:00Z', self_check: fixed, self_checked_at: '2026-12-03T02:00:00Z' },
    ]);
  });

  it('is empty for a deliverable without entries', () => {
    expect(deliverableVersions(history, 'none')).toEqual([]);
  });
});

describe('rectificationState', () => {
  it('prefers closed, then resubmitted, then the engine’s overdue verdict', () => {
    const overdue = new Set(['r1']);
    expect(rectificationState({ id: 'r1', closed_at: 'x', resubmitted_at: 'y' }, overdue)).toBe('closed');
    expect(rectificationState({ id: 'r1', closed_at: null, resubmitted_at: 'y' }, overdue)).toBe('resubmitted');
    expect(rectificationState({ id: 'r1', closed_at: null, resubmitted_at: null }, overdue)).toBe('overdue');
    expect(rectificationState({ id: 'r2', closed_at: null, resubmitted_at: null }, overdue)).toBe('open');
  });
});

describe('selfCheckShortfalls', () => {
  it('counts items that are incomplete or below quality', () => {
    expect(
      selfCheckShortfalls([
        { item: 'a', complete: true, quality_ok: true, note: '' },
        { item: 'b', complete: false, quality_ok: true, note: '' },
        { item: 'c', complete: true, quality_ok: false, note: '' },
      ]),
    ).toBe(2);
  });
});

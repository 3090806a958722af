import { describe, expect, it } from 'vitest';
import type { DayInfo } from '../../bindings';
import { countdown, yearsBetween } from './workingDays';

/** 2026-02-12 (Thu) … 2026-02-25 as the engine reports them: the Spring Festival off, Sat 14th worked. */
const off = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'];
const days: DayInfo[] = Array.from({ length: 14 }, (_, i) => {
  const date = `2026-02-${String(12 + i).padStart(2, '0')}`;
  return { date, is_working_day: !off.includes(date), name: null, source: 'bundled' as const };
});

describe('countdown', () => {
  it('counts working days left, skipping the holiday and counting the make-up Saturday', () => {
    expect(countdown(days, '2026-02-13', '2026-02-24')).toEqual({ state: 'left', days: 2 });
    expect(countdown(days, '2026-02-12', '2026-02-24')).toEqual({ state: 'left', days: 3 });
  });

  it('says when the deadline is today', () => {
    expect(countdown(days, '2026-02-24', '2026-02-24')).toEqual({ state: 'today' });
  });

  it('counts working days overdue, which may be none during a holiday', () => {
    expect(countdown(days, '2026-02-25', '2026-02-13')).toEqual({ state: 'overdue', days: 3 });
    expect(countdown(days, '2026-02-16', '2026-02-14')).toEqual({ state: 'overdue', days: 0 });
  });
});

describe('yearsBetween', () => {
  it('lists every year either way round', () => {
    expect(yearsBetween('2026-12-30', '2027-01-04')).toEqual([2026, 2027]);
    expect(yearsBetween('2027-01-04', '2026-12-30')).toEqual([2026, 2027]);
    expect(yearsBetween('2026-03-01', '2026-03-02')).toEqual([2026]);
  });
});

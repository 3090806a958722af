import { describe, expect, it } from 'vitest';
import type { DayInfo } from '../../bindings';
import { dayKind, monthGrid } from './calendarDays';

const day = (date: string, is_working_day: boolean, source: DayInfo['source'] = 'rule'): DayInfo => ({ date, is_working_day, name: null, source });

describe('monthGrid', () => {
  const february = Array.from({ length: 28 }, (_, i) => day(`2026-02-${String(i + 1).padStart(2, '0')}`, true));
  const days = [day('2026-01-31', false), ...february, day('2026-03-01', false)];

  it('lays a month out Monday to Sunday, padding other months with null', () => {
    const weeks = monthGrid(days, 2);
    // 2026-02-01 is a Sunday: six blanks, then the 1st.
    expect(weeks[0].slice(0, 6)).toEqual(Array(6).fill(null));
    expect(weeks[0][6]?.date).toBe('2026-02-01');
    expect(weeks[1][0]?.date).toBe('2026-02-02');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.at(-1)?.[5]?.date).toBe('2026-02-28');
  });

  it('is empty for a month with no days', () => {
    expect(monthGrid(days, 7)).toEqual([]);
  });
});

describe('dayKind', () => {
  it('tells holidays, ordinary weekends and make-up working weekends apart', () => {
    expect(dayKind(day('2026-02-14', true, 'bundled'))).toBe('makeup');
    expect(dayKind(day('2026-02-16', false, 'bundled'))).toBe('holiday');
    expect(dayKind(day('2026-02-07', false))).toBe('weekend');
    expect(dayKind(day('2026-02-09', true))).toBe('working');
  });
});

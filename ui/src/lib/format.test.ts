import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { chinaInstant, chinaTime, isoDate, localDateTime } from './format';

describe('format', () => {
  it('shows engine instants in China time', () => {
    expect(chinaTime('2026-10-08T06:00:00Z')).toBe('2026-10-08 14:00');
    expect(chinaTime('2026-10-08T20:30:00Z')).toBe('2026-10-09 04:30');
    expect(chinaTime(null)).toBe('');
  });

  it('reads a picked wall-clock time as China time', () => {
    expect(chinaInstant(dayjs('2026-11-30 10:00'))).toBe('2026-11-30T10:00:00+08:00');
  });

  it('sends picked days as YYYY-MM-DD and nothing when none is picked', () => {
    expect(isoDate(dayjs('2026-11-30 10:00'))).toBe('2026-11-30');
    expect(isoDate(null)).toBeUndefined();
  });

  it('shows a missing instant as empty text', () => {
    expect(localDateTime(undefined)).toBe('');
    expect(localDateTime('2026-12-03T10:00:00Z')).toMatch(/^2026-12-0[34] \d{2}:00$/);
  });
});

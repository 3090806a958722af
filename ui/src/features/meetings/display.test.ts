import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { chinaInstant, chinaTime, isoDate, str, strList } from './display';

describe('display', () => {
  it('shows engine instants in China time', () => {
    expect(chinaTime('2026-10-08T06:00:00Z')).toBe('2026-10-08 14:00');
    expect(chinaTime('2026-10-08T20:30:00Z')).toBe('2026-10-09 04:30');
    expect(chinaTime(null)).toBe('');
  });

  it('reads a picked wall-clock time as China time', () => {
    expect(chinaInstant(dayjs('2026-11-30 10:00'))).toBe('2026-11-30T10:00:00+08:00');
    expect(isoDate(dayjs('2026-11-30 10:00'))).toBe('2026-11-30');
  });

  it('turns dossier cells into text', () => {
    expect(str(null)).toBe('');
    expect(str(3)).toBe('3');
    expect(strList(['a', 1])).toEqual(['a', '1']);
    expect(strList('not a list')).toEqual([]);
  });
});

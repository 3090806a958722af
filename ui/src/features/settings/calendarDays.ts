// The working-day calendar as the engine reports it (`calendar_year`), laid out for display.
// Which day is a working day is the engine's answer, never ours.
import type { DayInfo } from '../../bindings';

/** What a day is, for its colour and legend. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'makeup';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => [0, 6].includes(weekday(date));

export function dayKind(day: DayInfo): DayKind {
  if (day.is_working_day) return isWeekend(day.date) ? 'makeup' : 'working';
  return isWeekend(day.date) && day.source === 'rule' ? 'weekend' : 'holiday';
}

/** One month (1–12) of the year as weeks Monday to Sunday; `null` pads days of other months. */
export function monthGrid(days: DayInfo[], month: number): (DayInfo | null)[][] {
  const prefix = `-${String(month).padStart(2, '0')}-`;
  const inMonth = days.filter((d) => d.date.slice(4, 8) === prefix);
  if (inMonth.length === 0) return [];
  const cells: (DayInfo | null)[] = Array((weekday(inMonth[0].date) + 6) % 7).fill(null);
  cells.push(...inMonth);
  while (cells.length % 7) cells.push(null);
  const weeks: (DayInfo | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

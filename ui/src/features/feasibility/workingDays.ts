// How far a deadline is from today, counted in the engine's working days (the calendar's days as
// the engine reports them; this only counts them).
import type { DayInfo } from '../../bindings';

export type Countdown = { state: 'left'; days: number } | { state: 'today' } | { state: 'overdue'; days: number };

/** Working days in (from, to], from `days` (which must cover that span). */
function workingDaysBetween(days: DayInfo[], from: string, to: string): number {
  return days.filter((d) => d.is_working_day && d.date > from && d.date <= to).length;
}

/** Working days left until `due` (counting from tomorrow), or how many have passed since it. */
export function countdown(days: DayInfo[], today: string, due: string): Countdown {
  if (due === today) return { state: 'today' };
  if (due > today) return { state: 'left', days: workingDaysBetween(days, today, due) };
  return { state: 'overdue', days: workingDaysBetween(days, due, today) };
}

/** The calendar years a countdown between two dates needs. */
export function yearsBetween(a: string, b: string): number[] {
  const [from, to] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((x, y) => x - y);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

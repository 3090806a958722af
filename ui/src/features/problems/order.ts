import type { Row } from '../../types';

/** Open problems first, soonest deadline first; resolved ones after, in the order they were raised. */
export function openFirst(problems: Row[]): Row[] {
  const open = problems.filter((p) => p.resolved_on == null).sort((a, b) => String(a.deadline).localeCompare(String(b.deadline)));
  return [...open, ...problems.filter((p) => p.resolved_on != null)];
}

import type { ProblemRow } from '../../bindings';

/** Open problems first, soonest deadline first; resolved ones after, in the order they were raised. */
export function openFirst<P extends Pick<ProblemRow, 'deadline' | 'resolved_on'>>(problems: P[]): P[] {
  const open = problems.filter((p) => p.resolved_on == null).sort((a, b) => a.deadline.localeCompare(b.deadline));
  return [...open, ...problems.filter((p) => p.resolved_on != null)];
}

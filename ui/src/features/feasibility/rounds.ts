// Feasibility answers (feasibility.rs) grouped by revision round, newest first, and what the
// current round says: who objected, who has not answered.
import type { Dossier, FeasibilityRow } from '../../bindings';

export interface Round<A> {
  round: number;
  answers: A[];
}

export function rounds<A extends Pick<FeasibilityRow, 'round'>>(answers: A[]): Round<A>[] {
  const byRound = new Map<number, A[]>();
  for (const a of answers) byRound.set(a.round, [...(byRound.get(a.round) ?? []), a]);
  return [...byRound.entries()].sort(([a], [b]) => b - a).map(([round, list]) => ({ round, answers: list }));
}

/** The answers of the round now open (the collaboration's current revision). */
export const currentAnswers = (dossier: Pick<Dossier, 'collaboration' | 'feasibility'>): FeasibilityRow[] =>
  dossier.feasibility.filter((a) => a.round === dossier.collaboration.revision);

/** The objections in the current round: what the initiator must address before resending. */
export const currentObjections = (dossier: Pick<Dossier, 'collaboration' | 'feasibility'>): FeasibilityRow[] =>
  currentAnswers(dossier).filter((a) => a.answer === 'object');

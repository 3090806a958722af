// Feasibility answers (feasibility.rs) grouped by revision round, newest first, and what the
// current round says: who objected, who has not answered.
import type { Dossier, Row } from '../../types';

export interface Round {
  round: number;
  answers: Row[];
}

export function rounds(answers: Row[]): Round[] {
  const byRound = new Map<number, Row[]>();
  for (const a of answers) {
    const round = Number(a.round);
    byRound.set(round, [...(byRound.get(round) ?? []), a]);
  }
  return [...byRound.entries()].sort(([a], [b]) => b - a).map(([round, list]) => ({ round, answers: list }));
}

/** The answers of the round now open (the collaboration's current revision). */
export const currentAnswers = (dossier: Dossier): Row[] =>
  dossier.feasibility.filter((a) => Number(a.round) === Number(dossier.collaboration.revision));

/** The objections in the current round: what the initiator must address before resending. */
export const currentObjections = (dossier: Dossier): Row[] => currentAnswers(dossier).filter((a) => a.answer === 'object');

import { describe, expect, it } from 'vitest';
import type { Dossier, FeasibilityRow } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { currentObjections, rounds } from './rounds';

const answers = [
  fixture<FeasibilityRow>({ id: 'a1', round: 1, department: '销售部', answer: 'object', note: '时间冲突' }),
  fixture<FeasibilityRow>({ id: 'a2', round: 1, department: '研发部', answer: 'confirm' }),
  fixture<FeasibilityRow>({ id: 'a3', round: 2, department: '销售部', answer: 'object', note: '仍有冲突' }),
  fixture<FeasibilityRow>({ id: 'a4', round: 2, department: '研发部', answer: null }),
];

describe('rounds', () => {
  it('groups answers by round, newest round first, keeping their order', () => {
    expect(rounds(answers).map((r) => [r.round, r.answers.map((a) => a.id)])).toEqual([
      [2, ['a3', 'a4']],
      [1, ['a1', 'a2']],
    ]);
    expect(rounds([])).toEqual([]);
  });

  it('finds the objections of the current round only', () => {
    const dossier = fixture<Dossier>({ collaboration: { revision: 2 }, feasibility: answers });
    expect(currentObjections(dossier).map((a) => a.id)).toEqual(['a3']);
  });
});

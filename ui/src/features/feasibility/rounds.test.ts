import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../types';
import { currentObjections, rounds } from './rounds';

const answers = [
  { id: 'a1', round: 1, department: '销售部', answer: 'object', note: '时间冲突' },
  { id: 'a2', round: 1, department: '研发部', answer: 'confirm' },
  { id: 'a3', round: 2, department: '销售部', answer: 'object', note: '仍有冲突' },
  { id: 'a4', round: 2, department: '研发部', answer: null },
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
    const dossier = { collaboration: { revision: 2 }, feasibility: answers } as unknown as Dossier;
    expect(currentObjections(dossier).map((a) => a.id)).toEqual(['a3']);
  });
});

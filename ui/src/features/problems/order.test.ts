import { describe, expect, it } from 'vitest';
import { openFirst } from './order';

describe('openFirst', () => {
  it('puts open problems first by deadline, then resolved ones as raised', () => {
    const problems = [
      { id: 'a', deadline: '2026-10-01', resolved_on: '2026-10-02' },
      { id: 'b', deadline: '2026-10-20', resolved_on: null },
      { id: 'c', deadline: '2026-10-10', resolved_on: null },
      { id: 'd', deadline: '2026-09-01', resolved_on: '2026-09-05' },
    ];
    expect(openFirst(problems).map((p) => p.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import { blocker, EXECUTION, NOT_ARCHIVED, TRACKING } from './gates';

describe('blocker', () => {
  it('reports archived before any stage rule', () => {
    expect(blocker('archived', NOT_ARCHIVED)).toBe('archived');
    expect(blocker('archived', EXECUTION)).toBe('archived');
  });

  it('allows the stages the engine allows', () => {
    expect(blocker('executing', EXECUTION)).toBeNull();
    expect(blocker('accepting', EXECUTION)).toBeNull();
    expect(blocker('kickoff', TRACKING)).toBeNull();
    expect(blocker('completed', NOT_ARCHIVED)).toBeNull();
  });

  it('refuses other stages', () => {
    expect(blocker('kickoff', EXECUTION)).toBe('stage');
    expect(blocker('confirming', TRACKING)).toBe('stage');
    expect(blocker('completed', EXECUTION)).toBe('stage');
  });
});

import { describe, expect, it } from 'vitest';
import { malformedTextField } from './ipc';

describe('text the shell would refuse', () => {
  it('names the field holding a lone surrogate', () => {
    expect(malformedTextField({ title: 'ok', background: 'broken \uD800 paste' })).toBe('background');
    expect(malformedTextField({ milestones: [{ name: '\uDC00x' }] })).toBe('name');
    expect(malformedTextField('\uD83D')).toBe('payload');
  });

  it('accepts well-formed text, emoji (a surrogate pair) included', () => {
    expect(malformedTextField({ title: '年度计划 😀', n: 3, none: null, list: ['a', 'b'] })).toBeNull();
    expect(malformedTextField(undefined)).toBeNull();
  });
});

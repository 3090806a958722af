import { describe, expect, it } from 'vitest';
import { riskPayload, riskState } from './risk';

describe('riskPayload', () => {
  it('fills the defaults and lets the engine default the person to "me"', () => {
    expect(riskPayload('c1', { title: '人手不足', impact: '推迟两周' })).toEqual({
      collaboration: 'c1',
      title: '人手不足',
      description: '',
      impact: '推迟两周',
      escalate: false,
    });
  });

  it('names who raised it when chosen', () => {
    expect(riskPayload('c1', { raised_by: 'p1', escalate: true })).toMatchObject({ raised_by: 'p1', escalate: true });
  });
});

describe('riskState', () => {
  it('is closed once closed, escalated while raised to the group, else open', () => {
    expect(riskState({ escalated_at: 'x', closed_at: 'y' })).toBe('closed');
    expect(riskState({ escalated_at: 'x', closed_at: null })).toBe('escalated');
    expect(riskState({ escalated_at: null, closed_at: null })).toBe('open');
  });
});

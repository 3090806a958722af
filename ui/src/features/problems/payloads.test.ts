import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { problemPayload } from './payloads';

describe('problemPayload', () => {
  const values = { description: '客户数据缺失', owner: 'p1', deadline: dayjs('2026-10-20') };

  it('builds an ad hoc problem without a meeting', () => {
    expect(problemPayload('c1', values)).toEqual({ collaboration: 'c1', description: '客户数据缺失', owner: 'p1', deadline: '2026-10-20' });
  });

  it('names the meeting that raised it', () => {
    expect(problemPayload('c1', { ...values, meeting: 'm1' })?.meeting).toBe('m1');
  });

  it('is null without an owner or a deadline', () => {
    expect(problemPayload('c1', { ...values, owner: undefined })).toBeNull();
    expect(problemPayload('c1', { ...values, deadline: null })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formPath } from './formPath';

describe('formPath', () => {
  const values = { title: undefined, communication: { weekly_meeting: '' }, milestones: [{ name: 'a' }] };

  it('finds a plain field even while it is empty', () => {
    expect(formPath(values, 'title')).toEqual(['title']);
  });

  it('follows nested objects, and puts a field inside a list on the list', () => {
    expect(formPath(values, 'communication.weekly_meeting')).toEqual(['communication', 'weekly_meeting']);
    expect(formPath(values, 'milestones.name')).toEqual(['milestones']);
  });

  it('is null for a field the form does not have', () => {
    expect(formPath(values, 'department')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { addTaskPayload, statusPayload, updateTaskPayload } from './payloads';

describe('addTaskPayload', () => {
  const complete = {
    title: '整理客户反馈',
    department: 'd1',
    responsible: 'p1',
    start_date: dayjs('2026-10-08'),
    end_date: dayjs('2026-10-12'),
  };

  it('builds the engine input with dates as YYYY-MM-DD and defaults for optional fields', () => {
    expect(addTaskPayload('c1', complete)).toEqual({
      collaboration: 'c1',
      department: 'd1',
      title: '整理客户反馈',
      responsible: 'p1',
      collaborators: [],
      start_date: '2026-10-08',
      end_date: '2026-10-12',
      deliverable: '',
    });
  });

  it('leaves an empty title for the engine to refuse', () => {
    expect(addTaskPayload('c1', { ...complete, title: undefined })?.title).toBe('');
  });

  it('is null while a date or a person is missing', () => {
    expect(addTaskPayload('c1', { ...complete, end_date: null })).toBeNull();
    expect(addTaskPayload('c1', { ...complete, responsible: undefined })).toBeNull();
    expect(addTaskPayload('c1', { ...complete, department: undefined })).toBeNull();
  });
});

describe('updateTaskPayload', () => {
  it('sends the editable fields only', () => {
    expect(updateTaskPayload('t1', { title: 'x', responsible: 'p1', collaborators: ['p2'], deliverable: 'd', start_date: dayjs() })).toEqual({
      task: 't1',
      title: 'x',
      responsible: 'p1',
      collaborators: ['p2'],
      deliverable: 'd',
    });
  });
});

describe('statusPayload', () => {
  it('omits an empty note and keeps the progress', () => {
    expect(statusPayload('t1', 'in_progress', { note: '  ', progress: 40 })).toEqual({ task: 't1', status: 'in_progress', progress: 40 });
  });

  it('lets the engine set the progress of a done task', () => {
    expect(statusPayload('t1', 'done', { note: '已交付', progress: 40 })).toEqual({ task: 't1', status: 'done', note: '已交付' });
  });

  it('sends a blocked status without a note as is, for the engine to ask for one', () => {
    expect(statusPayload('t1', 'blocked', {})).toEqual({ task: 't1', status: 'blocked' });
  });
});

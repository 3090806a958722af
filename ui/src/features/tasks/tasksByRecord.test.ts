import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { taskOfRecord } from './tasksByRecord';

const dossier = fixture<Dossier>({ tasks: [{ id: 't1' }, { id: 't2' }], status_updates: [{ id: 's1', task_id: 't2' }] });

describe('taskOfRecord', () => {
  it('finds a task by its own id or by one of its status updates', () => {
    expect(taskOfRecord(dossier, 't1')).toBe('t1');
    expect(taskOfRecord(dossier, 's1')).toBe('t2');
  });

  it('ignores other records', () => {
    expect(taskOfRecord(dossier, 'x')).toBeUndefined();
    expect(taskOfRecord(dossier, undefined)).toBeUndefined();
  });
});

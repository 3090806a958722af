// Engine payloads from the task forms' values (see the engine's task.rs: TaskInput, TaskPatch,
// StatusInput). A builder answers null while a value the payload's shape needs is missing (a
// date, a person), so the engine is only asked about payloads it can read.
import type { Dayjs } from 'dayjs';
import type { StatusInput, TaskInput, TaskPatch, TaskStatus } from '../../bindings';
import { isoDate } from '../../lib/format';

/** Tag colours of the task statuses; blocked is red everywhere. */
export const STATUS_COLORS: Record<TaskStatus, string> = { done: 'success', in_progress: 'processing', blocked: 'error', not_started: 'default' };

/** The statuses people report day by day. */
export const REPORTED_STATUSES: TaskStatus[] = ['done', 'in_progress', 'blocked'];

export interface TaskFormValues {
  title: string;
  department: string;
  responsible: string;
  collaborators: string[];
  start_date: Dayjs | null;
  end_date: Dayjs | null;
  deliverable: string;
}

export function addTaskPayload(collaboration: string, v: Partial<TaskFormValues>): TaskInput | null {
  const start_date = isoDate(v.start_date);
  const end_date = isoDate(v.end_date);
  if (!v.department || !v.responsible || !start_date || !end_date) return null;
  return {
    collaboration,
    department: v.department,
    title: v.title ?? '',
    responsible: v.responsible,
    collaborators: v.collaborators ?? [],
    start_date,
    end_date,
    deliverable: v.deliverable ?? '',
  };
}

/** A task's dates are not edited here: they change only through an approved change request. */
export function updateTaskPayload(task: string, v: Partial<TaskFormValues>): TaskPatch | null {
  if (!v.responsible) return null;
  return { task, title: v.title ?? '', responsible: v.responsible, collaborators: v.collaborators ?? [], deliverable: v.deliverable ?? '' };
}

export interface StatusFormValues {
  note: string;
  progress: number | null;
}

/** A daily status; "done" leaves the progress to the engine (100). */
export function statusPayload(task: string, status: TaskStatus, v: Partial<StatusFormValues>): StatusInput {
  const note = v.note?.trim() ? v.note : undefined;
  const progress = status !== 'done' && v.progress != null ? v.progress : undefined;
  return { task, status, ...(note !== undefined && { note }), ...(progress !== undefined && { progress }) };
}

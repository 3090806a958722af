// Plan changes as the engine models them (change.rs: PlanChanges): task dates and owners, and
// milestones moved, renamed or added. This module builds the payload from the change request form
// and lays a request's changes out as "was → becomes" lines against the plan they change.
import type { Dayjs } from 'dayjs';
import type { ChangeRequestInput, ChangeRequestRow, MilestoneChange, MilestoneRow, PlanChanges, TaskChange, TaskRow } from '../../bindings';
import { isoDate } from '../../lib/format';

/**
 * The plan at one moment: the baseline stored on an applied request (change.rs `plan_snapshot`),
 * or the plan as it stands.
 */
export interface Plan {
  milestones: Pick<MilestoneRow, 'id' | 'name' | 'due_date'>[];
  tasks: Pick<TaskRow, 'id' | 'title' | 'responsible_person_id' | 'start_date' | 'end_date'>[];
}

export interface ChangeFormValues {
  title: string;
  reason: string;
  by: string | null;
  tasks: { task?: string; start_date?: Dayjs | null; end_date?: Dayjs | null; responsible?: string | null }[];
  milestones: { milestone?: string | null; name?: string; due_date?: Dayjs | null }[];
}

/** The open_change_request payload; null while a row lacks its task or a milestone its date. */
export function changePayload(collaboration: string, v: Partial<ChangeFormValues>): ChangeRequestInput | null {
  const tasks: TaskChange[] = [];
  for (const row of v.tasks ?? []) {
    if (!row?.task) return null;
    tasks.push({ task: row.task, start_date: isoDate(row.start_date) ?? null, end_date: isoDate(row.end_date) ?? null, responsible: row.responsible || null });
  }
  const milestones: MilestoneChange[] = [];
  for (const row of v.milestones ?? []) {
    const due_date = isoDate(row?.due_date);
    if (!due_date) return null;
    milestones.push({ milestone: row.milestone || null, name: row.name?.trim() ? row.name : null, due_date });
  }
  return { collaboration, title: v.title ?? '', reason: v.reason ?? '', changes: { milestones, tasks }, ...(v.by && { by: v.by }) };
}

/** The plan as it stands in the dossier (or any plan), reduced to what a plan holds. */
export function currentPlan(dossier: Plan): Plan {
  return {
    milestones: dossier.milestones.map(({ id, name, due_date }) => ({ id, name, due_date })),
    tasks: dossier.tasks.map(({ id, title, responsible_person_id, start_date, end_date }) => ({ id, title, responsible_person_id, start_date, end_date })),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Whether `value` is a list of objects with these text fields. */
const isList = (value: unknown, fields: string[]) =>
  Array.isArray(value) && value.every((item: unknown) => isRecord(item) && fields.every((f) => typeof item[f] === 'string'));

/** Whether a stored baseline (untyped JSON in the dossier) has the shape of a plan. */
export function isPlan(value: unknown): value is Plan {
  return isRecord(value) && isList(value.milestones, ['id', 'name', 'due_date']) && isList(value.tasks, ['id', 'title', 'responsible_person_id', 'start_date', 'end_date']);
}

/** The plan a request is read against: what it replaced once applied, else the plan as it stands. */
export function planFor(request: Pick<ChangeRequestRow, 'status' | 'baseline'>, dossier: Plan): Plan {
  return request.status === 'approved' && isPlan(request.baseline) ? request.baseline : currentPlan(dossier);
}

export type ChangeField = 'start_date' | 'end_date' | 'responsible' | 'due_date' | 'name';

/** One changed value. `subject` is the task or milestone's name, null for a new milestone; `from` is '' when new. */
export interface ChangeLine {
  kind: 'task' | 'milestone';
  subject: string | null;
  field: ChangeField;
  from: string;
  to: string;
}

export function changeLines(changes: PlanChanges, plan: Plan): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const c of changes.tasks ?? []) {
    const task = plan.tasks.find((t) => t.id === c.task);
    const subject = task?.title ?? c.task;
    if (c.start_date) lines.push({ kind: 'task', subject, field: 'start_date', from: task?.start_date ?? '', to: c.start_date });
    if (c.end_date) lines.push({ kind: 'task', subject, field: 'end_date', from: task?.end_date ?? '', to: c.end_date });
    if (c.responsible) lines.push({ kind: 'task', subject, field: 'responsible', from: task?.responsible_person_id ?? '', to: c.responsible });
  }
  for (const c of changes.milestones ?? []) {
    const milestone = c.milestone ? plan.milestones.find((m) => m.id === c.milestone) : undefined;
    const subject = c.milestone ? (milestone?.name ?? c.milestone) : null;
    if (c.name && c.name !== milestone?.name) lines.push({ kind: 'milestone', subject, field: 'name', from: milestone?.name ?? '', to: c.name });
    lines.push({ kind: 'milestone', subject, field: 'due_date', from: milestone?.due_date ?? '', to: c.due_date });
  }
  return lines;
}

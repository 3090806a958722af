// Plan changes as the engine models them (change.rs: PlanChanges): task dates and owners, and
// milestones moved, renamed or added. This module builds the payload from the change request form
// and lays a request's changes out as "was → becomes" lines against the plan they change.
import type { Dayjs } from 'dayjs';
import type { Dossier, Row } from '../../types';
import { isoDate } from '../tasks/format';

export interface TaskChange {
  task: string;
  start_date?: string;
  end_date?: string;
  responsible?: string;
}

/** An existing milestone moved or renamed, or (without `milestone`) a new one. */
export interface MilestoneChange {
  milestone?: string;
  name?: string;
  due_date: string;
}

export interface PlanChanges {
  milestones: MilestoneChange[];
  tasks: TaskChange[];
}

/** The plan at one moment: the baseline stored on an applied request, or the plan as it stands. */
export interface Plan {
  milestones: { id: string; name: string; due_date: string }[];
  tasks: { id: string; title: string; responsible_person_id: string; start_date: string; end_date: string }[];
}

export interface ChangeFormValues {
  title: string;
  reason: string;
  by: string | null;
  tasks: { task?: string; start_date?: Dayjs | null; end_date?: Dayjs | null; responsible?: string | null }[];
  milestones: { milestone?: string | null; name?: string; due_date?: Dayjs | null }[];
}

/** The open_change_request payload; null while a row lacks its task or a milestone its date. */
export function changePayload(collaboration: string, v: Partial<ChangeFormValues>) {
  const tasks: TaskChange[] = [];
  for (const row of v.tasks ?? []) {
    if (!row?.task) return null;
    const start_date = isoDate(row.start_date);
    const end_date = isoDate(row.end_date);
    tasks.push({ task: row.task, ...(start_date && { start_date }), ...(end_date && { end_date }), ...(row.responsible && { responsible: row.responsible }) });
  }
  const milestones: MilestoneChange[] = [];
  for (const row of v.milestones ?? []) {
    const due_date = isoDate(row?.due_date);
    if (!due_date) return null;
    const name = row.name?.trim() ? row.name : undefined;
    milestones.push({ ...(row.milestone && { milestone: row.milestone }), ...(name && { name }), due_date });
  }
  return { collaboration, title: v.title ?? '', reason: v.reason ?? '', changes: { milestones, tasks }, ...(v.by && { by: v.by }) };
}

/** The plan as it stands in the dossier. */
export function currentPlan(dossier: Dossier): Plan {
  const s = (value: unknown) => (value == null ? '' : String(value));
  return {
    milestones: dossier.milestones.map((m) => ({ id: s(m.id), name: s(m.name), due_date: s(m.due_date) })),
    tasks: dossier.tasks.map((t) => ({
      id: s(t.id),
      title: s(t.title),
      responsible_person_id: s(t.responsible_person_id),
      start_date: s(t.start_date),
      end_date: s(t.end_date),
    })),
  };
}

/** The plan a request is read against: what it replaced once applied, else the plan as it stands. */
export function planFor(request: Row, dossier: Dossier): Plan {
  return request.status === 'approved' && request.baseline ? (request.baseline as Plan) : currentPlan(dossier);
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

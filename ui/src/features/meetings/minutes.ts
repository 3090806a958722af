// The minutes editor's data: what the form holds, how it is filled from the dossier, and the
// engine payloads built from it. Nothing here decides whether the minutes are acceptable: the
// engine's `check_responsibilities`, `save_minutes` and `issue_minutes` do.
import type { CommunicationMechanism, Dossier, MeetingKind, MeetingRow, MinutesInput, ResponsibilityCheck, ResponsibilityInput } from '../../bindings';
import { participants } from '../../lib/org';

export const MEETING_KINDS: MeetingKind[] = ['kickoff', 'progress', 'review', 'adjustment'];

/** Kinds whose minutes record the division of work (goal, milestones, 职责分工, criteria); the
 * others keep a simpler record of notes and decisions. */
export const dividesWork = (kind: MeetingKind) => kind === 'kickoff' || kind === 'adjustment';

export interface MilestoneValue {
  name: string;
  due_date: string | null;
}

/** Everything the minutes editor holds; plain JSON, so a draft can be kept as typed. */
export interface MinutesValues {
  goal: string;
  summary: string;
  milestones: MilestoneValue[];
  /** One line of the 职责分工 matrix per department (id), with the items it is responsible for. */
  responsibilities: ResponsibilityInput[];
  communication: CommunicationMechanism;
  decisions: string[];
  acceptance_criteria: string[];
}

/** The stored minutes of a meeting as editor values: one matrix row per participating department. */
export function minutesValues(dossier: Dossier, meeting: MeetingRow): MinutesValues {
  const mine = (row: { meeting_id: string | null }) => row.meeting_id === meeting.id;
  const responsibilities = dossier.responsibilities.filter(mine);
  return {
    goal: meeting.minutes_goal ?? '',
    summary: meeting.minutes_summary ?? '',
    milestones: dossier.milestones.filter(mine).map((m) => ({ name: m.name, due_date: m.due_date || null })),
    responsibilities: participants(dossier).map((p) => ({
      department: p.id,
      items: responsibilities.filter((r) => r.department_id === p.id).map((r) => r.item),
    })),
    communication: meeting.minutes_communication ?? { weekly_meeting: '', urgent_channel: '', sync_method: '' },
    decisions: meeting.minutes_decisions ?? [],
    acceptance_criteria: meeting.minutes_criteria ?? [],
  };
}

/** Lines the person has typed something into (an empty input just added is not an item). */
const typed = (lines: string[] | undefined) => (lines ?? []).map((line) => line.trim()).filter((line) => line !== '');

/** The matrix as the engine reads it: every department, with the items typed so far. */
export function responsibilityInputs(rows: ResponsibilityInput[] | undefined): ResponsibilityInput[] {
  return (rows ?? []).map((row) => ({ department: row.department, items: typed(row.items) }));
}

/**
 * The `save_minutes` payload. Minutes that divide the work send every part; the others only their
 * notes and decisions. Milestone lines without a date are left out (they cannot be sent); the
 * form asks for the date before saving.
 */
export function minutesInput(meeting: string, kind: MeetingKind, values: MinutesValues): MinutesInput {
  const notes = { meeting, summary: values.summary ?? '', decisions: typed(values.decisions) };
  if (!dividesWork(kind)) return notes;
  return {
    ...notes,
    goal: values.goal ?? '',
    milestones: (values.milestones ?? [])
      .filter((m): m is { name: string; due_date: string } => Boolean(m?.due_date))
      .map((m) => ({ name: m.name ?? '', due_date: m.due_date })),
    responsibilities: responsibilityInputs(values.responsibilities),
    communication: values.communication,
    acceptance_criteria: typed(values.acceptance_criteria),
  };
}

/** The departments other than `department` that the engine says also own `item`, or none. */
export function alsoOwnedBy(check: ResponsibilityCheck | undefined, department: string, item: string): string[] {
  const overlap = check?.overlaps.find((o) => o.item.trim() === item.trim() && o.departments.includes(department));
  return overlap ? overlap.departments.filter((d) => d !== department) : [];
}

/** The overlapping items the engine names for a department. */
export function overlapsOf(check: ResponsibilityCheck | undefined, department: string): string[] {
  return (check?.overlaps ?? []).filter((o) => o.departments.includes(department)).map((o) => o.item);
}

// The minutes editor's data: what the form holds, how it is filled from the dossier, and the
// engine payloads built from it. Nothing here decides whether the minutes are acceptable: the
// engine's `check_responsibilities`, `save_minutes` and `issue_minutes` do.
import type { Dossier, Row } from '../../types';
import { str, strList } from './display';

export type MeetingKind = 'kickoff' | 'progress' | 'review' | 'adjustment';

export const MEETING_KINDS: MeetingKind[] = ['kickoff', 'progress', 'review', 'adjustment'];

/** Kinds whose minutes record the division of work (goal, milestones, 职责分工, criteria); the
 * others keep a simpler record of notes and decisions. */
export const dividesWork = (kind: string) => kind === 'kickoff' || kind === 'adjustment';

export interface Participant {
  id: string;
  name: string;
}

/** The departments taking part: the initiating department first, then the collaborating ones. */
export function participants(dossier: Dossier): Participant[] {
  const c = dossier.collaboration;
  return [
    { id: str(c.initiating_department_id), name: str(c.initiating_department) },
    ...dossier.departments.map((d) => ({ id: str(d.department_id), name: str(d.department) })),
  ];
}

/** One line of the 职责分工 matrix: a department (id) and the items it is responsible for. */
export interface ResponsibilityRow {
  department: string;
  items: string[];
}

export interface MilestoneValue {
  name: string;
  due_date: string | null;
}

export interface CommunicationValue {
  weekly_meeting: string;
  urgent_channel: string;
  sync_method: string;
}

/** Everything the minutes editor holds; plain JSON, so a draft can be kept as typed. */
export interface MinutesValues {
  goal: string;
  summary: string;
  milestones: MilestoneValue[];
  responsibilities: ResponsibilityRow[];
  communication: CommunicationValue;
  decisions: string[];
  acceptance_criteria: string[];
}

/** `save_minutes` payload (engine `MinutesInput`); lists given replace the stored ones. */
export interface MinutesInput {
  meeting: string;
  goal?: string;
  summary?: string;
  milestones?: { name: string; due_date: string }[];
  responsibilities?: ResponsibilityRow[];
  communication?: CommunicationValue;
  decisions?: string[];
  acceptance_criteria?: string[];
}

/** The engine's `ResponsibilityCheck`. */
export interface ResponsibilityCheck {
  gaps: string[];
  overlaps: { item: string; departments: string[] }[];
}

/** The stored minutes of a meeting as editor values: one matrix row per participating department. */
export function minutesValues(dossier: Dossier, meeting: Row): MinutesValues {
  const id = str(meeting.id);
  const mine = (row: Row) => str(row.meeting_id) === id;
  const responsibilities = dossier.responsibilities.filter(mine);
  const communication = (meeting.minutes_communication ?? {}) as Partial<CommunicationValue>;
  return {
    goal: str(meeting.minutes_goal),
    summary: str(meeting.minutes_summary),
    milestones: dossier.milestones.filter(mine).map((m) => ({ name: str(m.name), due_date: str(m.due_date) || null })),
    responsibilities: participants(dossier).map((p) => ({
      department: p.id,
      items: responsibilities.filter((r) => str(r.department_id) === p.id).map((r) => str(r.item)),
    })),
    communication: {
      weekly_meeting: communication.weekly_meeting ?? '',
      urgent_channel: communication.urgent_channel ?? '',
      sync_method: communication.sync_method ?? '',
    },
    decisions: strList(meeting.minutes_decisions),
    acceptance_criteria: strList(meeting.minutes_criteria),
  };
}

/** Lines the person has typed something into (an empty input just added is not an item). */
const typed = (lines: string[] | undefined) => (lines ?? []).map((line) => line.trim()).filter((line) => line !== '');

/** The matrix as the engine reads it: every department, with the items typed so far. */
export function responsibilityInputs(rows: ResponsibilityRow[] | undefined): ResponsibilityRow[] {
  return (rows ?? []).map((row) => ({ department: row.department, items: typed(row.items) }));
}

/**
 * The `save_minutes` payload. Minutes that divide the work send every part; the others only their
 * notes and decisions. Milestone lines without a date are left out (they cannot be sent); the
 * form asks for the date before saving.
 */
export function minutesInput(meeting: string, kind: string, values: MinutesValues): MinutesInput {
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

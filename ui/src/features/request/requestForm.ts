// The request form (协作需求申请表) as the UI holds it, and its translation into the engine's
// payloads (collaboration.rs: `NewCollaboration`, `RequestPatch`). Blank rows someone added but
// never filled are left out; everything else goes to the engine, which decides what is acceptable.
import dayjs, { type Dayjs } from 'dayjs';
import type { Dossier, Row } from '../../types';

export const SUPPORT_KINDS = ['data', 'resources', 'approval', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export interface AskValues {
  department?: string;
  support_kinds?: SupportKind[];
  support_text?: string;
  contact?: string;
}

export interface MilestoneValues {
  name?: string;
  due_date?: Dayjs | null;
}

export interface RequestValues {
  title?: string;
  initiating_department?: string;
  initiator_contact?: string;
  owner?: string;
  background?: string;
  goal?: string;
  expected_completion?: Dayjs | null;
  departments?: AskValues[];
  milestones?: MilestoneValues[];
}

export interface DepartmentAsk {
  department: string;
  support_kinds: SupportKind[];
  support_text: string;
  contact?: string;
}

export interface MilestoneInput {
  name: string;
  due_date: string;
}

export interface NewCollaboration {
  title: string;
  initiating_department: string;
  initiator_contact?: string;
  owner?: string;
  background: string;
  goal: string;
  expected_completion?: string;
  departments: DepartmentAsk[];
  milestones: MilestoneInput[];
}

export interface RequestPatch {
  collaboration: string;
  title: string;
  initiator_contact?: string;
  background: string;
  goal: string;
  expected_completion?: string;
  departments: DepartmentAsk[];
  milestones: MilestoneInput[];
}

const DATE = 'YYYY-MM-DD';
const date = (d?: Dayjs | null) => (d ? d.format(DATE) : undefined);
/** Empty pickers are left out of the payload (the engine reads a missing key as "not given"). */
const optional = (id?: string | null) => id || undefined;

function toAsks(rows: AskValues[] = []): DepartmentAsk[] {
  return rows
    .filter((r) => r && (r.department || r.support_text?.trim() || r.support_kinds?.length || r.contact))
    .map((r) => ({ department: r.department ?? '', support_kinds: r.support_kinds ?? [], support_text: r.support_text ?? '', contact: optional(r.contact) }));
}

/** Milestones need a date to be sent at all; a row without one is flagged by the form instead. */
function toMilestones(rows: MilestoneValues[] = []): MilestoneInput[] {
  return rows.filter((r) => r?.due_date).map((r) => ({ name: r.name ?? '', due_date: date(r.due_date)! }));
}

export function toNewCollaboration(v: RequestValues): NewCollaboration {
  return {
    title: v.title ?? '',
    initiating_department: v.initiating_department ?? '',
    initiator_contact: optional(v.initiator_contact),
    owner: optional(v.owner),
    background: v.background ?? '',
    goal: v.goal ?? '',
    expected_completion: date(v.expected_completion),
    departments: toAsks(v.departments),
    milestones: toMilestones(v.milestones),
  };
}

/** The whole edited request; lists replace the stored ones. */
export function toRequestPatch(collaboration: string, v: RequestValues): RequestPatch {
  return {
    collaboration,
    title: v.title ?? '',
    initiator_contact: optional(v.initiator_contact),
    background: v.background ?? '',
    goal: v.goal ?? '',
    expected_completion: date(v.expected_completion),
    departments: toAsks(v.departments),
    milestones: toMilestones(v.milestones),
  };
}

const str = (value: unknown) => (value == null ? '' : String(value));
const day = (value: unknown) => (value ? dayjs(String(value)) : null);

/** The request milestones (not those agreed later in meetings). */
export const requestMilestones = (dossier: Dossier): Row[] => dossier.milestones.filter((m) => m.meeting_id == null);

/** The stored request as form values, to edit it. */
export function fromDossier(dossier: Dossier): RequestValues {
  const c = dossier.collaboration;
  return {
    title: str(c.title),
    initiating_department: str(c.initiating_department_id),
    initiator_contact: optional(c.initiator_contact_id as string | null),
    background: str(c.background),
    goal: str(c.goal),
    expected_completion: day(c.expected_completion),
    departments: dossier.departments.map((d) => ({
      department: str(d.department_id),
      support_kinds: (d.support_kinds as SupportKind[] | null) ?? [],
      support_text: str(d.support_text),
      contact: optional(d.contact_person_id as string | null),
    })),
    milestones: requestMilestones(dossier).map((m) => ({ name: str(m.name), due_date: day(m.due_date) })),
  };
}

// The request form (协作需求申请表) as the UI holds it, and its translation into the engine's
// payloads (collaboration.rs: `NewCollaboration`, `RequestPatch`). Blank rows someone added but
// never filled are left out; everything else goes to the engine, which decides what is acceptable.
import dayjs, { type Dayjs } from 'dayjs';
import type { DepartmentAsk, Dossier, MilestoneInput, MilestoneRow, NewCollaboration, RequestPatch, SupportKind } from '../../bindings';
import { isoDate } from '../../lib/format';

export const SUPPORT_KINDS: SupportKind[] = ['data', 'resources', 'approval', 'other'];

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

/** The request as the wizard sends it: lists always given (empty when none), so the review can show them. */
export type NewRequest = NewCollaboration & Required<Pick<NewCollaboration, 'departments' | 'milestones'>>;

/** Empty pickers are left out of the payload (the engine reads a missing key as "not given"). */
const optional = (id?: string | null) => id || undefined;

function toAsks(rows: AskValues[] = []): DepartmentAsk[] {
  return rows
    .filter((r) => r && (r.department || r.support_text?.trim() || r.support_kinds?.length || r.contact))
    .map((r) => ({ department: r.department ?? '', support_kinds: r.support_kinds ?? [], support_text: r.support_text ?? '', contact: optional(r.contact) }));
}

/** Milestones need a date to be sent at all; a row without one is flagged by the form instead. */
function toMilestones(rows: MilestoneValues[] = []): MilestoneInput[] {
  return rows.flatMap((r) => {
    const due_date = isoDate(r?.due_date);
    return due_date ? [{ name: r.name ?? '', due_date }] : [];
  });
}

export function toNewCollaboration(v: RequestValues): NewRequest {
  return {
    title: v.title ?? '',
    initiating_department: v.initiating_department ?? '',
    initiator_contact: optional(v.initiator_contact),
    owner: optional(v.owner),
    background: v.background ?? '',
    goal: v.goal ?? '',
    expected_completion: isoDate(v.expected_completion),
    departments: toAsks(v.departments),
    milestones: toMilestones(v.milestones),
  };
}

/** The whole edited request; lists replace the stored ones. The initiating department and the owner are not edited here. */
export function toRequestPatch(collaboration: string, v: RequestValues): RequestPatch {
  const { title, initiator_contact, background, goal, expected_completion, departments, milestones } = toNewCollaboration(v);
  return { collaboration, title, initiator_contact, background, goal, expected_completion, departments, milestones };
}

const day = (date: string | null) => (date ? dayjs(date) : null);

/** The request milestones (not those agreed later in meetings). */
export const requestMilestones = (dossier: Pick<Dossier, 'milestones'>): MilestoneRow[] => dossier.milestones.filter((m) => m.meeting_id == null);

/** The stored request as form values, to edit it. */
export function fromDossier(dossier: Pick<Dossier, 'collaboration' | 'departments' | 'milestones'>): RequestValues {
  const c = dossier.collaboration;
  return {
    title: c.title,
    initiating_department: c.initiating_department_id,
    initiator_contact: optional(c.initiator_contact_id),
    background: c.background,
    goal: c.goal,
    expected_completion: day(c.expected_completion),
    departments: dossier.departments.map((d) => ({
      department: d.department_id,
      support_kinds: d.support_kinds,
      support_text: d.support_text,
      contact: optional(d.contact_person_id),
    })),
    milestones: requestMilestones(dossier).map((m) => ({ name: m.name, due_date: day(m.due_date) })),
  };
}

// People and departments as the collaboration forms offer them: the organisation's lists from the
// engine, narrowed to the departments taking part in one collaboration.
import { useMemo } from 'react';
import { useEngineQuery } from '../../engine';
import type { AttentionItem, Dossier } from '../../types';

export interface Person {
  id: string;
  name: string;
  department_id: string | null;
  department_name: string | null;
  title: string | null;
}

export interface OrgDepartment {
  id: string;
  name: string;
  head_person_id: string | null;
  head_name: string | null;
}

export interface Participant {
  id: string;
  name: string;
}

export interface PersonGroup {
  label: string;
  options: { value: string; label: string }[];
}

const str = (value: unknown) => (value == null ? '' : String(value));

/** The organisation's people and departments, and who this installation acts as. */
export function useOrg() {
  const people = useEngineQuery<Person[]>('list_people');
  const departments = useEngineQuery<OrgDepartment[]>('list_departments');
  const me = useEngineQuery<Person | null>('get_me');
  return { people: people.data ?? [], departments: departments.data ?? [], me: me.data ?? null };
}

/** The departments taking part: the initiating department first, then the collaborating ones. */
export function participants(dossier: Dossier): Participant[] {
  const c = dossier.collaboration;
  return [
    { id: str(c.initiating_department_id), name: str(c.initiating_department) },
    ...dossier.departments.map((d) => ({ id: str(d.department_id), name: str(d.department) })),
  ];
}

/**
 * Select options of the people in these departments, grouped by department in the given order.
 * `keep` names people who must stay choosable although they sit elsewhere (a current value).
 */
export function personOptions(people: Person[], departments: Participant[], keep: string[] = []): PersonGroup[] {
  const groups: PersonGroup[] = departments.map((d) => ({
    label: d.name,
    options: people.filter((p) => p.department_id === d.id).map((p) => ({ value: p.id, label: p.name })),
  }));
  const listed = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const others = people.filter((p) => keep.includes(p.id) && !listed.has(p.id));
  if (others.length > 0) groups.push({ label: '—', options: others.map((p) => ({ value: p.id, label: p.name })) });
  return groups.filter((g) => g.options.length > 0);
}

/** A person's name by id ('' when unknown or absent). */
export function nameOf(people: Person[], id: unknown): string {
  return people.find((p) => p.id === id)?.name ?? '';
}

/** Ids of the records the engine's attention list holds overdue (tasks past their end, problems past their deadline). */
export function useOverdue(kind: 'task_overdue' | 'problem_overdue'): Set<string> {
  const attention = useEngineQuery<AttentionItem[]>('get_attention', {});
  return useMemo(
    () => new Set((attention.data ?? []).filter((i) => i.kind === kind && i.overdue).map((i) => i.subject_id)),
    [attention.data, kind],
  );
}

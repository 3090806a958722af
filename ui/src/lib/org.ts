// People and departments as the collaboration forms offer them: the organisation's lists narrowed
// to the departments taking part in one collaboration.
import type { Dossier, Person } from '../bindings';

/** A department taking part in a collaboration. */
export interface Participant {
  id: string;
  name: string;
}

/** Select options of people, grouped by department. */
export interface PersonGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** The departments taking part: the initiating department first, then the collaborating ones. */
export function participants(dossier: Pick<Dossier, 'collaboration' | 'departments'>): Participant[] {
  const c = dossier.collaboration;
  return [
    { id: c.initiating_department_id, name: c.initiating_department ?? '' },
    ...dossier.departments.map((d) => ({ id: d.department_id, name: d.department ?? '' })),
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
export function nameOf(people: Person[], id: string | null | undefined): string {
  return people.find((p) => p.id === id)?.name ?? '';
}

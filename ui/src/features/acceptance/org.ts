// The organisation as step 4 needs it: people to pick as reviewers and responsible persons, their
// names for ids stored in reviews and rectifications, and the departments taking part.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import type { Dossier } from '../../types';
import { str } from './format';

/** A person as `list_people` returns it (org.rs `Person`). */
export interface Person {
  id: string;
  name: string;
  department_id: string | null;
  department_name: string | null;
  title: string | null;
}

/** Everyone in the organisation, with a name lookup by id. */
export function usePeople() {
  const query = useEngineQuery<Person[]>('list_people');
  const people = useMemo(() => query.data ?? [], [query.data]);
  const names = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  return { people, names };
}

/** Select options for people: the name, with the department to tell namesakes apart. */
export function usePersonOptions() {
  const { t } = useTranslation('acceptance');
  const { people } = usePeople();
  return useMemo(
    () => people.map((p) => ({ value: p.id, label: p.department_name ? t('form.withDepartment', { name: p.name, department: p.department_name }) : p.name })),
    [people, t],
  );
}

/** The departments taking part, by id: the initiating department first, then the collaborating ones. */
export function participantNames(dossier: Dossier): Map<string, string> {
  const c = dossier.collaboration;
  return new Map([
    [str(c.initiating_department_id), str(c.initiating_department)],
    ...dossier.departments.map((d) => [str(d.department_id), str(d.department)] as [string, string]),
  ]);
}

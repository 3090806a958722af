// The organisation as the engine reports it (org.rs: `OrgSettings`, `Department`, `Person`), and the
// queries every screen uses to offer departments and people.
import { useEngineQuery } from '../../engine';

export interface OrgSettings {
  name: string;
  number_prefix: string;
  feasibility_sla_days: number;
  minutes_sla_hours: number;
}

export interface OrgDepartment {
  id: string;
  name: string;
  head_person_id: string | null;
  head_name: string | null;
  default_contact_person_id: string | null;
  default_contact_name: string | null;
}

export interface Person {
  id: string;
  name: string;
  department_id: string | null;
  department_name: string | null;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export const useDepartments = () => useEngineQuery<OrgDepartment[]>('list_departments');
export const usePeople = () => useEngineQuery<Person[]>('list_people');
/** The person this installation acts as; `null` until chosen on first launch. */
export const useMe = () => useEngineQuery<Person | null>('get_me');

/** A person as a picker shows them: the name, and the department when known. */
export const personLabel = (p: Person) => (p.department_name ? `${p.name} · ${p.department_name}` : p.name);

import { Select } from 'antd';
import { useEngineQuery } from '../../engine';

/** A person as `list_people` returns them. */
export interface Person {
  id: string;
  name: string;
  department_name: string | null;
}

/** Everyone in the organisation, and their names by id (attendees and participants are ids). */
export function usePeople() {
  const people = useEngineQuery<Person[]>('list_people').data ?? [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return { people, nameOf: (id: string) => names.get(id) ?? id };
}

/** Picks several people by typing part of a name or department (Enter picks the highlighted one). */
export function PeopleSelect({ value, onChange, testid, disabled }: { value?: string[]; onChange?: (ids: string[]) => void; testid: string; disabled?: boolean }) {
  const { people } = usePeople();
  return (
    <Select<string[]>
      mode="multiple"
      data-testid={testid}
      disabled={disabled}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={people.map((p) => ({ value: p.id, label: p.department_name ? `${p.name}（${p.department_name}）` : p.name }))}
    />
  );
}

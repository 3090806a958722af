import { Select } from 'antd';
import { usePeople } from '../../components/org';

/** Picks several people by typing part of a name or department (Enter picks the highlighted one). */
export function PeopleSelect({ value, onChange, testid, disabled }: { value?: string[]; onChange?: (ids: string[]) => void; testid: string; disabled?: boolean }) {
  const people = usePeople().data ?? [];
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

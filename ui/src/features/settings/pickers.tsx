import { Select, type SelectProps } from 'antd';
import type { Person } from '../../bindings';
import { useDepartments, usePeople } from '../../components/org';

type PickerProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & {
  /** Ids not to offer (e.g. the initiating department among the collaborating ones). */
  exclude?: string[];
};

const SEARCH = { optionFilterProp: 'label' };

/** A person as a picker shows them: the name, and the department when known. */
const personLabel = (p: Person) => (p.department_name ? `${p.name} · ${p.department_name}` : p.name);

/** A searchable department picker (type part of the name, Enter picks); its value is the id. */
export function DepartmentSelect({ exclude = [], ...props }: PickerProps) {
  const departments = useDepartments();
  const options = (departments.data ?? []).filter((d) => !exclude.includes(d.id)).map((d) => ({ value: d.id, label: d.name }));
  return <Select<string> showSearch={SEARCH} allowClear {...props} loading={departments.isLoading} options={options} />;
}

/** A searchable person picker showing name and department; its value is the id. */
export function PersonSelect({ exclude = [], ...props }: PickerProps) {
  const people = usePeople();
  const options = (people.data ?? []).filter((p) => !exclude.includes(p.id)).map((p) => ({ value: p.id, label: personLabel(p) }));
  return <Select<string> showSearch={SEARCH} allowClear {...props} loading={people.isLoading} options={options} />;
}

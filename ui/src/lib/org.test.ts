import { describe, expect, it } from 'vitest';
import type { Dossier, Person } from '../bindings';
import { fixture } from './fixture';
import { nameOf, participants, personOptions } from './org';

const person = (id: string, department_id: string | null): Person => ({ id, name: `name-${id}`, department_id, department_name: null, title: null, phone: null, email: null });
const people = [person('a', 'mkt'), person('b', 'sales'), person('c', 'hr'), person('d', 'mkt')];

describe('participants', () => {
  it('lists the initiating department first', () => {
    const dossier = fixture<Dossier>({
      collaboration: { initiating_department_id: 'mkt', initiating_department: '市场部' },
      departments: [{ department_id: 'sales', department: '销售部' }],
    });
    expect(participants(dossier)).toEqual([
      { id: 'mkt', name: '市场部' },
      { id: 'sales', name: '销售部' },
    ]);
  });
});

describe('personOptions', () => {
  const departments = [
    { id: 'sales', name: '销售部' },
    { id: 'mkt', name: '市场部' },
  ];

  it('groups people by participating department, in order', () => {
    expect(personOptions(people, departments)).toEqual([
      { label: '销售部', options: [{ value: 'b', label: 'name-b' }] },
      {
        label: '市场部',
        options: [
          { value: 'a', label: 'name-a' },
          { value: 'd', label: 'name-d' },
        ],
      },
    ]);
  });

  it('keeps a current value from another department choosable', () => {
    const groups = personOptions(people, departments, ['c', 'a']);
    expect(groups).toHaveLength(3);
    expect(groups[2].options).toEqual([{ value: 'c', label: 'name-c' }]);
  });

  it('drops departments without people', () => {
    expect(personOptions(people, [{ id: 'legal', name: '法务部' }])).toEqual([]);
  });
});

describe('nameOf', () => {
  it('finds a name or gives an empty string', () => {
    expect(nameOf(people, 'b')).toBe('name-b');
    expect(nameOf(people, null)).toBe('');
  });
});

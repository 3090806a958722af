import { useState } from 'react';
import { Button, Form, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person, PersonInput } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { usePeople } from '../../components/org';
import type { RecordAttributes } from '../../components/recordFocus';
import { DepartmentSelect } from './pickers';

/** Empty text clears a detail; an empty department picker keeps the department (it cannot be unset). */
const fields = (v: Partial<PersonInput>): PersonInput => ({ name: v.name ?? '', department: v.department || undefined, title: v.title ?? '', phone: v.phone ?? '', email: v.email ?? '' });

/** The add/edit form for one person: name, department, job title and how to reach them. */
function PersonModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const editing = person !== null;
  const initial = editing
    ? { name: person.name, department: person.department_id ?? undefined, title: person.title ?? '', phone: person.phone ?? '', email: person.email ?? '' }
    : {};
  return (
    <EngineFormModal
      title={editing ? t('people.edit', { name: person.name }) : t('people.add')}
      action={editing ? 'update_person' : 'add_person'}
      testId="person-form"
      initialValues={initial}
      toPayload={(v: Partial<PersonInput>) => (editing ? { person: person.id, ...fields(v) } : fields(v))}
      okText={t('save')}
      success={t('saved')}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('people.name')} required>
        <Input data-testid="person-name" />
      </Form.Item>
      <Form.Item name="department" label={t('people.department')}>
        <DepartmentSelect data-testid="person-department" />
      </Form.Item>
      <Form.Item name="title" label={t('people.title')}>
        <Input data-testid="person-title" />
      </Form.Item>
      <Form.Item name="phone" label={t('people.phone')}>
        <Input data-testid="person-phone" />
      </Form.Item>
      <Form.Item name="email" label={t('people.email')}>
        <Input data-testid="person-email" />
      </Form.Item>
    </EngineFormModal>
  );
}

/** Everyone who takes part in collaborations: heads, contacts, task owners. */
export function PeopleTab() {
  const { t } = useTranslation('settings');
  const people = usePeople();
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const columns = [
    { key: 'name', title: t('people.name'), dataIndex: 'name' },
    { key: 'department', title: t('people.department'), dataIndex: 'department_name' },
    { key: 'title', title: t('people.title'), dataIndex: 'title' },
    { key: 'phone', title: t('people.phone'), dataIndex: 'phone' },
    { key: 'email', title: t('people.email'), dataIndex: 'email' },
    {
      key: 'edit',
      title: '',
      width: 100,
      render: (_: unknown, p: Person) => (
        <Button size="small" data-testid={`person-edit-${p.name}`} onClick={() => setEditing(p)}>
          {t('edit')}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" data-testid="person-add" onClick={() => setEditing(null)}>
        {t('people.add')}
      </Button>
      <Table<Person>
        data-testid="people-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={people.isLoading}
        columns={columns}
        dataSource={people.data ?? []}
        onRow={(p): RecordAttributes => ({ 'data-testid': `person-row-${p.name}`, 'data-record': p.id })}
      />
      {editing !== undefined && <PersonModal person={editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}

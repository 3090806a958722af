import { useState } from 'react';
import { Button, Form, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments, type OrgDepartment } from './org';
import { PersonSelect } from './pickers';
import { SettingsFormModal } from './SettingsFormModal';
import { recordRow } from '../request/recordFocus';

interface DepartmentValues {
  name?: string;
  head?: string;
  default_contact?: string;
}

const FIELDS = ['name', 'head', 'default_contact'];
/** Empty pickers mean "not given": the engine keeps what it has (a head cannot be unset). */
const fields = (v: DepartmentValues) => ({ name: v.name ?? '', head: v.head || undefined, default_contact: v.default_contact || undefined });

/** The add/edit form: a name, the head who signs for the department, and its default contact. */
function DepartmentModal({ department, onClose }: { department: OrgDepartment | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const editing = department !== null;
  return (
    <SettingsFormModal<DepartmentValues, object>
      title={editing ? t('departments.edit', { name: department.name }) : t('departments.add')}
      action={editing ? 'update_department' : 'add_department'}
      testid="department-form"
      initialValues={editing ? { name: department.name, head: department.head_person_id ?? undefined, default_contact: department.default_contact_person_id ?? undefined } : {}}
      toPayload={(v) => (editing ? { department: department.id, ...fields(v) } : fields(v))}
      fields={FIELDS}
      success={t('saved')}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('departments.name')} required>
        <Input data-testid="department-name" />
      </Form.Item>
      <Form.Item name="head" label={t('departments.head')} extra={t('departments.headHint')}>
        <PersonSelect data-testid="department-head" />
      </Form.Item>
      <Form.Item name="default_contact" label={t('departments.defaultContact')} extra={t('departments.defaultContactHint')}>
        <PersonSelect data-testid="department-contact" />
      </Form.Item>
    </SettingsFormModal>
  );
}

/** The company's departments with their heads (who sign) and default contacts (proposed in requests). */
export function DepartmentsTab() {
  const { t } = useTranslation('settings');
  const departments = useDepartments();
  const [editing, setEditing] = useState<OrgDepartment | null | undefined>(undefined);
  const columns = [
    { key: 'name', title: t('departments.name'), dataIndex: 'name' },
    { key: 'head', title: t('departments.head'), dataIndex: 'head_name' },
    { key: 'contact', title: t('departments.defaultContact'), dataIndex: 'default_contact_name' },
    {
      key: 'edit',
      title: '',
      width: 100,
      render: (_: unknown, d: OrgDepartment) => (
        <Button size="small" data-testid={`department-edit-${d.name}`} onClick={() => setEditing(d)}>
          {t('edit')}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" data-testid="department-add" onClick={() => setEditing(null)}>
        {t('departments.add')}
      </Button>
      <Table<OrgDepartment>
        data-testid="departments-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={departments.isLoading}
        columns={columns}
        dataSource={departments.data ?? []}
        onRow={(d) => recordRow(d.id, undefined, `department-row-${d.name}`)}
      />
      {editing !== undefined && <DepartmentModal department={editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}

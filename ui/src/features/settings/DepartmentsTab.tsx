import { useState } from 'react';
import { Button, Form, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentInput } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useDepartments } from '../../components/org';
import type { RecordAttributes } from '../../components/recordFocus';
import { PersonSelect } from './pickers';

/** Empty pickers mean "not given": the engine keeps what it has (a head cannot be unset). */
const fields = (v: Partial<DepartmentInput>): DepartmentInput => ({ name: v.name ?? '', head: v.head || undefined, default_contact: v.default_contact || undefined });

/** The add/edit form: a name, the head who signs for the department, and its default contact. */
function DepartmentModal({ department, onClose }: { department: Department | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const editing = department !== null;
  return (
    <EngineFormModal
      title={editing ? t('departments.edit', { name: department.name }) : t('departments.add')}
      action={editing ? 'update_department' : 'add_department'}
      testId="department-form"
      initialValues={editing ? { name: department.name, head: department.head_person_id ?? undefined, default_contact: department.default_contact_person_id ?? undefined } : {}}
      toPayload={(v: Partial<DepartmentInput>) => (editing ? { department: department.id, ...fields(v) } : fields(v))}
      okText={t('save')}
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
    </EngineFormModal>
  );
}

/** The company's departments with their heads (who sign) and default contacts (proposed in requests). */
export function DepartmentsTab() {
  const { t } = useTranslation('settings');
  const departments = useDepartments();
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);
  const columns = [
    { key: 'name', title: t('departments.name'), dataIndex: 'name' },
    { key: 'head', title: t('departments.head'), dataIndex: 'head_name' },
    { key: 'contact', title: t('departments.defaultContact'), dataIndex: 'default_contact_name' },
    {
      key: 'edit',
      title: '',
      width: 100,
      render: (_: unknown, d: Department) => (
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
      <Table<Department>
        data-testid="departments-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={departments.isLoading}
        columns={columns}
        dataSource={departments.data ?? []}
        onRow={(d): RecordAttributes => ({ 'data-testid': `department-row-${d.name}`, 'data-record': d.id })}
      />
      {editing !== undefined && <DepartmentModal department={editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}

import { useState } from 'react';
import { Button, Form, Input, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import type { PersonInput } from '../../bindings';
import { EngineVerdict, showFieldError } from '../../components/engineForm';
import { usePeople } from '../../components/org';
import { DepartmentSelect, PersonSelect } from '../settings/pickers';

/** Picks an existing person as "me". */
function PickPerson() {
  const { t } = useTranslation('onboarding');
  const [person, setPerson] = useState<string>();
  const setMe = useEngineAction('set_me', { success: t('done') });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <PersonSelect data-testid="me-person" value={person} onChange={setPerson} placeholder={t('pickPlaceholder')} style={{ width: '100%' }} />
      <Button type="primary" data-testid="me-confirm" disabled={!person} loading={setMe.isPending} onClick={() => person && void setMe.mutateAsync({ person }).catch(() => undefined)}>
        {t('thisIsMe')}
      </Button>
    </Space.Compact>
  );
}

/** Adds me to the people list (name and department), then chooses the new person as "me". */
function AddMyself() {
  const { t } = useTranslation('onboarding');
  const [form] = Form.useForm<Partial<PersonInput>>();
  const values = Form.useWatch((all: Partial<PersonInput>) => all, form);
  const input: PersonInput | null = values?.name ? { name: values.name, department: values.department || undefined } : null;
  const verdict = useLiveValidation('add_person', input);
  const addPerson = useEngineAction('add_person');
  const setMe = useEngineAction('set_me', { success: t('done') });

  async function add() {
    if (!input) return;
    try {
      const { id } = await addPerson.mutateAsync(input);
      await setMe.mutateAsync({ person: id });
    } catch (error) {
      showFieldError(form, t, error);
    }
  }

  return (
    <Form form={form} name="me-add" layout="vertical" data-testid="me-add-form">
      <Form.Item name="name" label={t('name')} required>
        <Input data-testid="me-name" />
      </Form.Item>
      <Form.Item name="department" label={t('department')}>
        <DepartmentSelect data-testid="me-department" />
      </Form.Item>
      {input && <EngineVerdict testid="me-add-verdict" error={verdict} />}
      <Button type="primary" data-testid="me-add" disabled={!input || verdict !== null} loading={addPerson.isPending || setMe.isPending} onClick={() => void add()} style={{ marginTop: 12 }}>
        {t('addAndChoose')}
      </Button>
    </Form>
  );
}

/** Who am I on this computer: pick from the people list, or add myself. Every change is recorded under this person. */
export function ChooseMe() {
  const { t } = useTranslation('onboarding');
  const people = usePeople();
  const [mode, setMode] = useState<'pick' | 'add'>();
  const current = mode ?? (people.data?.length === 0 ? 'add' : 'pick');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="choose-me">
      <Segmented<'pick' | 'add'>
        data-testid="me-mode"
        value={current}
        onChange={setMode}
        options={[
          { value: 'pick', label: <span data-testid="me-mode-pick">{t('pick')}</span> },
          { value: 'add', label: <span data-testid="me-mode-add">{t('add')}</span> },
        ]}
      />
      {current === 'pick' ? <PickPerson /> : <AddMyself />}
    </Space>
  );
}

import { useState } from 'react';
import { Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import type { Dossier, NotesPatch } from '../../bindings';
import { EngineVerdict, showFieldError } from '../../components/engineForm';
import { PersonSelect } from '../settings/pickers';

type NotesValues = Omit<NotesPatch, 'collaboration'>;

/** The register's own columns for this collaboration (负责人, 当前进度, 备注), editable until archived. */
export function NotesCard({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('overview');
  const [form] = Form.useForm<NotesValues>();
  const [dirty, setDirty] = useState(false);
  const c = dossier.collaboration;
  const values = Form.useWatch((all: NotesValues) => all, form);
  const patch = (v: NotesValues): NotesPatch => ({ collaboration: c.id, owner: v.owner || undefined, progress_note: v.progress_note ?? '', remarks: v.remarks ?? '' });
  const verdict = useLiveValidation('update_notes', dirty && values ? patch(values) : null);
  const update = useEngineAction('update_notes', { success: t('notes.saved') });
  const archived = dossier.stage === 'archived';

  async function save() {
    try {
      await update.mutateAsync(patch(form.getFieldsValue()));
      setDirty(false);
    } catch (error) {
      showFieldError(form, t, error);
    }
  }

  return (
    <Card size="small" title={t('notes.title')}>
      <Form
        form={form}
        name="notes"
        layout="vertical"
        data-testid="notes-form"
        disabled={archived}
        onValuesChange={() => setDirty(true)}
        initialValues={{ owner: c.owner_person_id ?? undefined, progress_note: c.progress_note, remarks: c.remarks }}
      >
        <Form.Item name="owner" label={t('notes.owner')}>
          <PersonSelect data-testid="notes-owner" allowClear={false} />
        </Form.Item>
        <Form.Item name="progress_note" label={t('notes.progress')}>
          <Input.TextArea data-testid="notes-progress" rows={2} />
        </Form.Item>
        <Form.Item name="remarks" label={t('notes.remarks')}>
          <Input.TextArea data-testid="notes-remarks" rows={2} />
        </Form.Item>
        {!archived && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <EngineVerdict testid="notes-verdict" error={verdict} />
            <Button type="primary" data-testid="notes-save" disabled={!dirty || verdict !== null} loading={update.isPending} onClick={() => void save()}>
              {t('notes.save')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}

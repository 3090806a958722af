import { useState } from 'react';
import { Button, Drawer, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import type { Dossier } from '../../bindings';
import { EngineVerdict, showFieldError } from '../../components/engineForm';
import { AsksSection, BasicsSection, MilestonesSection } from './RequestSections';
import { fromDossier, toRequestPatch, type RequestValues } from './requestForm';
const allValues = (values: RequestValues) => values;

/** The request form in a drawer, filled from the record: editing a draft, or revising after an objection. */
function EditForm({ dossier, onDone }: { dossier: Dossier; onDone: () => void }) {
  const { t } = useTranslation('request');
  const [form] = Form.useForm<RequestValues>();
  const id = dossier.collaboration.id;
  const values = Form.useWatch(allValues, { form, preserve: true });
  const verdict = useLiveValidation('update_request', values ? toRequestPatch(id, values) : null);
  const update = useEngineAction('update_request', { success: t('saved') });

  async function save() {
    try {
      await form.validateFields();
      await update.mutateAsync(toRequestPatch(id, form.getFieldsValue(true)));
      onDone();
    } catch (error) {
      showFieldError(form, t, error);
    }
  }

  return (
    <Form form={form} name="request-edit" layout="vertical" data-testid="request-edit-form" initialValues={fromDossier(dossier)}>
      <BasicsSection mode="edit" />
      <Typography.Title level={5}>{t('steps.departments')}</Typography.Title>
      <AsksSection />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('steps.milestones')}
      </Typography.Title>
      <MilestonesSection />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 24 }}>
        <EngineVerdict testid="request-edit-verdict" error={verdict} />
        <Button type="primary" data-testid="request-edit-save" disabled={verdict !== null} loading={update.isPending} onClick={() => void save()}>
          {t('save')}
        </Button>
      </Space>
    </Form>
  );
}

/** The "edit request" button and its drawer; the caller shows it only while the request is editable. */
export function RequestEditButton({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('request');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="request-edit" onClick={() => setOpen(true)}>
        {t('edit')}
      </Button>
      <Drawer title={t('edit')} size={760} open={open} onClose={() => setOpen(false)} destroyOnHidden>
        <EditForm dossier={dossier} onDone={() => setOpen(false)} />
      </Drawer>
    </>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery, useLiveValidation } from '../../engine';
import { useNavigation } from '../../navigation';
import type { Created } from '../../bindings';
import { IpcError } from '../../ipc';
import { EngineVerdict, showFieldError } from '../../components/engineForm';
import { useMe } from '../../components/org';
import { AsksSection, BasicsSection, MilestonesSection } from './RequestSections';
import { RequestReview } from './RequestReview';
import { toNewCollaboration, type RequestValues } from './requestForm';

const STEPS = ['basics', 'departments', 'milestones', 'review'] as const;
/** The step that holds a form field, to show people where a problem is. */
const stepOf = (field: unknown) => (field === 'departments' ? 1 : field === 'milestones' ? 2 : 0);
const allValues = (values: RequestValues) => values;

/**
 * 协作需求申请表: a new collaboration request in four steps (basics, departments and their asks,
 * key milestones, review). Every step stays mounted, so nothing typed is lost moving between steps
 * or when the engine refuses; the engine checks the request live as it is typed.
 */
export function RequestWizard() {
  const { t } = useTranslation('request');
  const { go } = useNavigation();
  const [form] = Form.useForm<RequestValues>();
  const [current, setCurrent] = useState(0);
  const [touched, setTouched] = useState(false);
  const values = Form.useWatch(allValues, { form, preserve: true }) ?? {};
  const request = toNewCollaboration(values);
  const verdict = useLiveValidation('create_collaboration', request);
  const settings = useEngineQuery('get_org_settings');
  const create = useEngineAction('create_collaboration', { success: t('created') });
  const send = useEngineAction('send_request', { success: t('sent') });
  const me = useMe();

  // The request starts as "me": my department initiates, I am its contact (unless already chosen).
  useEffect(() => {
    const person = me.data;
    if (!person) return;
    if (!form.getFieldValue('initiating_department') && person.department_id) form.setFieldValue('initiating_department', person.department_id);
    if (!form.getFieldValue('initiator_contact')) form.setFieldValue('initiator_contact', person.id);
  }, [me.data, form]);

  async function submit(andSend: boolean) {
    try {
      await form.validateFields();
    } catch {
      const first = form.getFieldsError().find((field) => field.errors.length > 0);
      setCurrent(stepOf(first?.name[0]));
      return;
    }
    let created: Created;
    try {
      created = await create.mutateAsync(toNewCollaboration(form.getFieldsValue(true)));
    } catch (error) {
      if (showFieldError(form, t, error)) setCurrent(stepOf(error instanceof IpcError ? error.field?.split('.')[0] : undefined));
      return;
    }
    if (andSend) {
      // A refused send leaves a saved draft; its overview tab shows why and offers sending again.
      await send.mutateAsync({ collaboration: created.id }).catch(() => undefined);
    }
    go({ page: 'collaboration', id: created.id });
  }

  const busy = create.isPending || send.isPending;
  return (
    <div data-testid="request-page">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Card>
        <Steps current={current} onChange={setCurrent} items={STEPS.map((s) => ({ title: t(`steps.${s}`) }))} style={{ marginBottom: 24 }} />
        <Form form={form} name="request" layout="vertical" data-testid="request-wizard" onValuesChange={() => setTouched(true)}>
          <div hidden={current !== 0}>
            <BasicsSection mode="create" />
          </div>
          <div hidden={current !== 1}>
            <AsksSection />
          </div>
          <div hidden={current !== 2}>
            <MilestonesSection />
          </div>
          {current === 3 && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <RequestReview request={request} />
              <Alert type="info" showIcon title={t('sendHint', { days: settings.data?.feasibility_sla_days ?? 2 })} />
            </Space>
          )}
        </Form>
        {(touched || current === 3) && (
          <div style={{ marginTop: 16 }}>
            <EngineVerdict testid="request-verdict" error={verdict} ok={t('verdictOk')} />
          </div>
        )}
        <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
          {current > 0 && (
            <Button data-testid="request-prev" onClick={() => setCurrent(current - 1)}>
              {t('prev')}
            </Button>
          )}
          {current < STEPS.length - 1 && (
            <Button type="primary" data-testid="request-next" onClick={() => setCurrent(current + 1)}>
              {t('next')}
            </Button>
          )}
          {current === STEPS.length - 1 && (
            <>
              <Button data-testid="request-create" disabled={verdict !== null} loading={busy} onClick={() => void submit(false)}>
                {t('create')}
              </Button>
              <Button type="primary" data-testid="request-create-send" disabled={verdict !== null} loading={busy} onClick={() => void submit(true)}>
                {t('createAndSend')}
              </Button>
            </>
          )}
        </Space>
      </Card>
    </div>
  );
}

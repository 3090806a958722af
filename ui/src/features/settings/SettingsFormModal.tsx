import { useState, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import { EngineVerdict, showFieldError } from '../request/engineForm';

interface Props<V, P> {
  title: string;
  /** The engine write the form submits, checked live once something was typed. */
  action: string;
  /** Test id of the form; its submit button is `${testid}-submit`. */
  testid: string;
  initialValues?: Partial<V>;
  toPayload: (values: V) => P;
  /** Form fields an engine refusal may name. */
  fields: readonly string[];
  success: string;
  onClose: () => void;
  children: ReactNode;
}

/** A small settings form in a modal (add or edit a department or a person), checked by the engine as it is typed. */
export function SettingsFormModal<V extends object, P>({ title, action, testid, initialValues, toPayload, fields, success, onClose, children }: Props<V, P>) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<V>();
  const [dirty, setDirty] = useState(false);
  const values = Form.useWatch([], form) as V | undefined;
  const verdict = useLiveValidation(action, dirty && values ? toPayload(values) : null);
  const mutation = useEngineAction<P>(action, { success });

  async function submit() {
    try {
      await mutation.mutateAsync(toPayload(form.getFieldsValue()));
      onClose();
    } catch (error) {
      showFieldError(form, t, error, fields);
    }
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('save')}
      okButtonProps={{ disabled: !dirty || verdict !== null, loading: mutation.isPending, 'data-testid': `${testid}-submit` }}
    >
      <Form form={form} name={testid} layout="vertical" data-testid={testid} initialValues={initialValues} onValuesChange={() => setDirty(true)}>
        {children}
      </Form>
      {dirty && <EngineVerdict testid={`${testid}-verdict`} error={verdict} />}
    </Modal>
  );
}

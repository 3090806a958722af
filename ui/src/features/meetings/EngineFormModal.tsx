import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import { describeError } from '../../components/errors';
import { showFieldError } from './formErrors';

/**
 * A dialog with a form that runs one engine write: the engine's verdict shows under the form while
 * it is filled in (and disables OK), a refusal lands on the field it names, and nothing typed is
 * cleared until the write succeeds. Test ids: `${testid}-form`, `${testid}-submit`,
 * `${testid}-cancel`, `${testid}-verdict`.
 */
export function EngineFormModal<V extends object, P>({
  form,
  action,
  toPayload,
  beforeSubmit,
  open,
  onClose,
  title,
  okText,
  success,
  testid,
  initialValues,
  width = 640,
  children,
}: {
  form: FormInstance<V>;
  action: string;
  /** The action's payload from the values, or null while it cannot be built yet. */
  toPayload: (values: V) => P | null;
  /** Work before the write (e.g. storing a chosen file), returning the payload to send. */
  beforeSubmit?: (payload: P) => Promise<P>;
  open: boolean;
  onClose: () => void;
  title: string;
  okText: string;
  success: string;
  testid: string;
  initialValues?: Partial<V>;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const values = Form.useWatch([], form) as V | undefined;
  const payload = open && values ? toPayload(values) : null;
  const verdict = useLiveValidation(action, payload);
  const write = useEngineAction<P, unknown>(action, { success });

  const submit = async (submitted: V) => {
    const built = toPayload(submitted);
    if (built === null) return;
    try {
      await write.mutateAsync(beforeSubmit ? await beforeSubmit(built) : built);
      form.resetFields();
      onClose();
    } catch (error) {
      showFieldError(form, t, error);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ 'data-testid': `${testid}-submit`, loading: write.isPending, disabled: verdict != null }}
      cancelButtonProps={{ 'data-testid': `${testid}-cancel` }}
      forceRender
    >
      <Form<V> form={form} layout="vertical" data-testid={`${testid}-form`} initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {children}
      </Form>
      {verdict && <Alert data-testid={`${testid}-verdict`} type="warning" showIcon title={describeError(t, verdict)} />}
    </Modal>
  );
}

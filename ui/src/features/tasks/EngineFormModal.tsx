import type { ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import { describeError } from '../../components/errors';
import type { IpcError } from '../../ipc';

interface Props<V> {
  title: ReactNode;
  /** The engine action the form submits. */
  action: string;
  /** The action's payload from the form's values; `null` while something it needs structurally is missing. */
  toPayload: (values: Partial<V>) => unknown | null;
  initialValues?: Partial<V>;
  success: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  width?: number;
  /** The OK button's text; "保存" unless given. */
  okText?: string;
}

/**
 * A dialog form for one engine write. While people type, the engine checks the would-be payload
 * (nothing kept) and its verdict shows under the form and holds the OK button; a refusal on submit
 * lands on the field it names. Nothing typed is lost on a refusal; the dialog closes on success.
 * Mount it only while it is open, so every opening starts from `initialValues`.
 */
export function EngineFormModal<V extends object>({ title, action, toPayload, initialValues, success, testId, onClose, children, width, okText }: Props<V>) {
  const { t } = useTranslation('tasks');
  const [form] = Form.useForm<V>();
  const values = (Form.useWatch([], { form, preserve: true }) ?? {}) as Partial<V>;
  const mutation = useEngineAction(action, { success });
  const touched = form.isFieldsTouched();
  const payload = touched ? toPayload(values) : null;
  const verdict = useLiveValidation(action, payload);

  const submit = async () => {
    if (verdict) return;
    const checked = await form.validateFields().catch(() => null);
    const ready = checked && toPayload(form.getFieldsValue(true) as Partial<V>);
    if (!ready) return;
    try {
      await mutation.mutateAsync(ready);
      onClose();
    } catch (error) {
      // The engine names fields as plain strings, which the form's typed name paths cannot know.
      const field = (error as IpcError).field;
      if (field && field in form.getFieldsValue()) form.setFields([{ name: field as never, errors: [describeError(t, error)] }]);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width ?? 640}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('form.submit')}
      okButtonProps={{ disabled: verdict !== null, loading: mutation.isPending, 'data-testid': `${testId}-submit` }}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` }}
      mask={{ closable: false }}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
      {verdict && <Alert type="warning" showIcon title={describeError(t, verdict)} data-testid={`${testId}-verdict`} />}
    </Modal>
  );
}

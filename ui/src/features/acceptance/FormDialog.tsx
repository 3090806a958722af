import type { ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useLiveValidation } from '../../engine';
import { describeRefusal } from './refusal';
import type { IpcError } from '../../ipc';

interface Props<V> {
  title: ReactNode;
  /** The engine write the dialog submits. */
  action: string;
  /** The payload from the form's values; `null` while something it structurally needs is unset. */
  toPayload: (values: V) => unknown | null;
  initialValues?: Partial<V>;
  /** The message shown once the engine has kept the write. */
  success: string;
  testId: string;
  okText?: string;
  width?: number;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A dialog form for one engine write. While people type the engine checks the would-be payload (a
 * dry run, nothing kept); its refusal shows under the form and holds the OK button. A refusal on
 * submit lands on the field it names, and nothing typed is lost. Mount it only while it is open, so
 * every opening starts from `initialValues`; it closes itself after a kept write.
 */
export function FormDialog<V extends object>({ title, action, toPayload, initialValues, success, testId, okText, width, onClose, children }: Props<V>) {
  const { t } = useTranslation('acceptance');
  const [form] = Form.useForm<V>();
  const values = (Form.useWatch((all: V) => all, { form, preserve: true }) ?? initialValues ?? {}) as V;
  const payload = toPayload(values);
  const verdict = useLiveValidation(action, payload);
  const mutation = useEngineAction(action, { success });
  // A form that starts empty stays quiet until people type; one that starts filled is judged at once.
  const showVerdict = verdict !== null && (initialValues !== undefined || form.isFieldsTouched());

  const submit = async () => {
    const ready = toPayload(form.getFieldsValue(true) as V);
    if (!ready || verdict) return;
    try {
      await mutation.mutateAsync(ready);
      onClose();
    } catch (error) {
      const field = (error as IpcError).field;
      const current = form.getFieldsValue(true) as Record<string, unknown>;
      if (field && field in current && !Array.isArray(current[field])) form.setFields([{ name: field as never, errors: [describeRefusal(t, error)] }]);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width ?? 640}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('form.ok')}
      cancelText={t('form.cancel')}
      okButtonProps={{ disabled: payload === null || verdict !== null, loading: mutation.isPending, ...{ 'data-testid': `${testId}-submit` } }}
      cancelButtonProps={{ ...{ 'data-testid': `${testId}-cancel` } }}
      mask={{ closable: false }}
    >
      {/* No submit on Enter: these forms have lists of rows, and Enter confirms a date or an option. */}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children}
      </Form>
      {showVerdict && <Alert type="warning" showIcon title={describeRefusal(t, verdict)} data-testid={`${testId}-verdict`} />}
    </Modal>
  );
}

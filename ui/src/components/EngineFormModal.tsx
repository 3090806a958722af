import { useState, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionName, PayloadOf } from '../bindings';
import { useEngineAction, useLiveValidation } from '../engine';
import { EngineVerdict, showFieldError } from './engineForm';

interface Props<A extends ActionName, V extends object> {
  /** The engine write the dialog submits. */
  action: A;
  /** The action's payload from the form's values; `null` while something its shape needs (a date, a person) is missing. */
  toPayload: (values: Partial<V>) => PayloadOf<A> | null;
  /** Work before the write (e.g. storing a chosen file), giving the payload to send. */
  beforeSubmit?: (payload: PayloadOf<A>) => Promise<PayloadOf<A>>;
  title: ReactNode;
  okText: string;
  /** The message shown once the engine has kept the write. */
  success: string;
  /** Test ids: the OK and Cancel buttons are `${testId}-submit` and `${testId}-cancel`, the verdict `${testId}-verdict`. */
  testId: string;
  /** The form's test id, when it is not `testId`. */
  formTestId?: string;
  initialValues?: Partial<V>;
  /** Ask the engine before anything is typed (a form that opens filled in); else only once people type. */
  checkAtOnce?: boolean;
  width?: number;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A dialog form for one engine write. The engine checks the would-be payload as people type (a dry
 * run, nothing kept); its refusal shows under the form and holds the OK button. A refusal on submit
 * lands on the field it names, and nothing typed is lost; the dialog closes after a kept write.
 * Mount it only while it is open, so every opening starts from `initialValues`.
 */
export function EngineFormModal<A extends ActionName, V extends object>({
  action,
  toPayload,
  beforeSubmit,
  title,
  okText,
  success,
  testId,
  formTestId,
  initialValues,
  checkAtOnce = false,
  width = 640,
  onClose,
  children,
}: Props<A, V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [typed, setTyped] = useState(false);
  const values: Partial<V> = Form.useWatch((all: Partial<V>) => all, { form, preserve: true }) ?? initialValues ?? {};
  const payload = typed || checkAtOnce ? toPayload(values) : null;
  const verdict = useLiveValidation(action, payload);
  const mutation = useEngineAction(action, { success });

  const submit = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    const all: Partial<V> = form.getFieldsValue(true);
    const ready = valid ? toPayload(all) : null;
    if (ready === null || verdict !== null) return;
    try {
      await mutation.mutateAsync(beforeSubmit ? await beforeSubmit(ready) : ready);
      onClose();
    } catch (error) {
      showFieldError(form, t, error);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      okButtonProps={{ disabled: verdict !== null, loading: mutation.isPending, 'data-testid': `${testId}-submit` }}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` }}
      mask={{ closable: false }}
    >
      {/* No submit on Enter: some forms have lists of rows, and Enter confirms a date or an option. */}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onValuesChange={() => setTyped(true)} data-testid={formTestId ?? testId}>
        {children}
      </Form>
      <EngineVerdict testid={`${testId}-verdict`} error={verdict} />
    </Modal>
  );
}

// What every engine-backed form shows: the engine's live verdict under the form, and a refusal
// pinned to the input it names. Nothing here resets a form: typed text is never lost.
import { Alert, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { IpcError } from '../ipc';
import { describeError } from './errors';
import { formPath } from '../lib/formPath';

/** The engine's verdict on a form as it is typed: its refusal, or (optionally) that it would accept. */
export function EngineVerdict({ error, ok, testid }: { error: IpcError | null; ok?: string; testid: string }) {
  const { t } = useTranslation();
  if (error) return <Alert data-testid={testid} data-verdict="refused" type="warning" showIcon title={describeError(t, error)} />;
  if (!ok) return null;
  return <Alert data-testid={testid} data-verdict="ok" type="success" showIcon title={ok} />;
}

/**
 * Puts a refusal next to the input it names, when the form has one by that name (a field inside a
 * list lands on the list); returns whether it did. The message itself was already shown by
 * `useEngineAction`.
 */
export function showFieldError(form: FormInstance, t: TFunction, error: unknown): boolean {
  if (!(error instanceof IpcError) || !error.field) return false;
  const values: unknown = form.getFieldsValue();
  const path = formPath(values, error.field);
  if (!path) return false;
  form.setFields([{ name: path, errors: [describeError(t, error)] }]);
  return true;
}

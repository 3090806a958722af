// Puts an engine refusal next to the input it is about, in the user's language.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { IpcError } from '../../ipc';
import { describeError } from '../../components/errors';

/** Shows the refusal on the form field the engine names (`milestones.name` → the `milestones`
 * list); refusals without a field were already shown as a message by `useEngineAction`. */
export function showFieldError(form: FormInstance, t: TFunction, error: unknown) {
  if (error instanceof IpcError && error.field) {
    form.setFields([{ name: error.field.split('.')[0], errors: [describeError(t, error)] }]);
  }
}

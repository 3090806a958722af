// Engine refusals in words, including fields inside lists (`self_check.item`, `criteria.target`),
// which the shared field names cannot hold next to the list's own name.
import type { TFunction } from 'i18next';
import { describeError } from '../../components/errors';
import { IpcError } from '../../ipc';

export function describeRefusal(t: TFunction, error: unknown): string {
  if (error instanceof IpcError && error.field?.includes('.')) {
    const label = t(`listFields.${error.field.replace('.', '_')}`, { ns: 'acceptance', defaultValue: error.field });
    return describeError(t, new IpcError(error.kind, error.message, label, error.items));
  }
  return describeError(t, error);
}

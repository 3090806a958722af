// Engine refusals in the user's language: the error `kind` picks the sentence, the `field` and the
// `items` the engine names (departments, responsibilities, deliverables) fill it in.
import type { TFunction } from 'i18next';
import { IpcError } from '../ipc';

export function describeError(t: TFunction, error: unknown): string {
  const e = error instanceof IpcError ? error : new IpcError('internal', String(error));
  const field = e.field ? t(`fieldNames.${e.field}`, { ns: 'common', defaultValue: e.field }) : '';
  return t(`errors.${e.kind}`, { ns: 'common', field, items: e.items.join('、'), defaultValue: t('errors.internal', { ns: 'common' }) });
}

// Engine refusals in the user's language: the error `kind` picks the sentence, the `field` and the
// `items` the engine names (departments, responsibilities, deliverables) fill it in.
import type { TFunction } from 'i18next';
import { IpcError } from '../ipc';

/**
 * The name of the field an engine error points at. Fields inside lists come dotted
 * (`self_check.item`, `changes.milestones.name`): a list field with its own name is called by it,
 * else the most specific part with a translation is used.
 */
export function fieldLabel(t: TFunction, field: string): string {
  const parts = field.split('.');
  if (parts.length > 1) {
    const listField = t(`listFields.${parts.join('_')}`, { ns: 'forms', defaultValue: '' });
    if (listField) return listField;
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = t(`fieldNames.${parts[i]}`, { ns: 'common', defaultValue: '' });
    if (label) return label;
  }
  return field;
}

/**
 * Where error kinds have sentences, searched in order: the engine's (common), the office files'
 * (Excel, scans, archive packages) and the documents' (fonts, PDF), which office exports print.
 */
const ERROR_NAMESPACES = ['common', 'office', 'printing'];

/** An engine error as one sentence in the user's language, naming the field and the items it is about. */
export function describeError(t: TFunction, error: unknown): string {
  const e = error instanceof IpcError ? error : new IpcError('internal', String(error));
  const field = e.field ? fieldLabel(t, e.field) : '';
  return t(`errors.${e.kind}`, { ns: ERROR_NAMESPACES, field, items: e.items.join('、'), defaultValue: t('errors.internal', { ns: 'common' }) });
}

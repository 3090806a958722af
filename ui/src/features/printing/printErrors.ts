// Print refusals in the user's language: the printing-specific kinds have their own sentences,
// a missing record names what is missing; everything else is an ordinary engine error.
import type { TFunction } from 'i18next';
import { IpcError } from '../../ipc';
import { describeError } from '../../components/errors';

const PRINT_KINDS = ['fonts_missing', 'document', 'viewer'];
const RECORDS = ['collaboration', 'meeting', 'deliverable', 'acceptance_review', 'completion_letter'];

export function describePrintError(t: TFunction, error: unknown): string {
  if (error instanceof IpcError) {
    if (PRINT_KINDS.includes(error.kind)) return t(`errors.${error.kind}`, { ns: 'printing' });
    const what = error.items[0];
    if (error.kind === 'not_found' && what && RECORDS.includes(what)) {
      return t('errors.nothing', { ns: 'printing', what: t(`records.${what}`, { ns: 'printing' }) });
    }
  }
  return describeError(t, error);
}

import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../bindings';
import { usePrinting } from './usePrinting';

/**
 * Prints one document (kind as in the forms crate: request, agenda, minutes, tracking, selfcheck
 * or self_check, acceptance, letter, register) for a collaboration, optionally for one record
 * (meeting or deliverable id), and shows the preview. Without `label` it reads "打印<document>".
 */
export function PrintButton({ kind, collaboration, record, label }: { kind: DocumentKind | 'self_check'; collaboration?: string; record?: string; label?: string }) {
  const { t } = useTranslation('printing');
  const { print, busy, preview } = usePrinting();
  const documentKind: DocumentKind = kind === 'self_check' ? 'selfcheck' : kind;
  return (
    <>
      <Button data-testid={`print-${documentKind}`} loading={busy} onClick={() => print({ kind, collaboration, record })}>
        {label ?? t('printDocument', { document: t(`kinds.${documentKind}`) })}
      </Button>
      {preview}
    </>
  );
}

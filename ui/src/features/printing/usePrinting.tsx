import { useState } from 'react';
import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { printDocument, type PrintRequest, type PrintedFile } from '../../ipc';
import { describePrintError } from './printErrors';
import { PrintPreview } from './PrintPreview';

/**
 * Printing for a button or a menu: `print` renders a document in the UI's language (the shell
 * records the print in the engine) and opens `preview`, which the caller renders once.
 */
export function usePrinting() {
  const { t, i18n } = useTranslation('printing');
  const { message } = App.useApp();
  const [printed, setPrinted] = useState<PrintedFile | null>(null);
  const mutation = useMutation({
    mutationFn: (request: Omit<PrintRequest, 'language'>) => printDocument({ ...request, language: i18n.language }),
    onSuccess: setPrinted,
    onError: (error) => void message.error(describePrintError(t, error)),
  });
  return {
    print: (request: Omit<PrintRequest, 'language'>) => mutation.mutate(request),
    busy: mutation.isPending,
    preview: <PrintPreview printed={printed} onClose={() => setPrinted(null)} />,
  };
}

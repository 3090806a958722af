import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { readDocument } from '../../ipc';

/** The pages of a PDF the app printed, drawn by pdf.js one canvas per page, `width` pixels wide. */
export function PdfPages({ path, width }: { path: string; width: number }) {
  const { t } = useTranslation('printing');
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    setPdf(null);
    setFailed(false);
    void (async () => {
      const [{ loadPdf }, bytes] = await Promise.all([import('./pdf'), readDocument(path)]);
      if (cancelled) return;
      const task = loadPdf(bytes);
      destroy = () => task.destroy();
      const loaded = await task.promise;
      if (!cancelled) setPdf(loaded);
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [path]);

  if (failed) return <Alert type="error" showIcon title={t('preview.failed')} data-testid="print-preview-failed" />;
  if (!pdf) return <Spin description={t('preview.loading')}><div style={{ height: 200 }} /></Spin>;
  return (
    <div data-testid="print-preview-pages" data-pages={pdf.numPages} style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'center' }}>
      {Array.from({ length: pdf.numPages }, (_, i) => (
        <PdfPage key={i} pdf={pdf} number={i + 1} width={width} />
      ))}
    </div>
  );
}

/** One page on a canvas sized for the screen's pixel density, so text stays sharp. */
function PdfPage({ pdf, number, width }: { pdf: PDFDocumentProxy; number: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let cancel: (() => void) | undefined;
    void pdf
      .getPage(number)
      .then(async (page) => {
        const node = canvas.current;
        if (cancelled || !node) return;
        const scale = width / page.getViewport({ scale: 1 }).width;
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: scale * ratio });
        node.width = Math.floor(viewport.width);
        node.height = Math.floor(viewport.height);
        node.style.width = `${Math.floor(viewport.width / ratio)}px`;
        node.style.height = `${Math.floor(viewport.height / ratio)}px`;
        const task = page.render({ canvas: node, viewport });
        cancel = () => task.cancel();
        await task.promise;
      })
      // A cancelled render (the preview closed) rejects; there is nothing to show then.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [pdf, number, width]);

  return <canvas ref={canvas} data-testid={`print-preview-page-${number}`} style={{ boxShadow: '0 1px 4px rgba(0,0,0,0.25)', background: '#fff' }} />;
}

// pdf.js, loaded on demand by the preview: its worker is bundled with the app (Vite `?url`),
// never fetched from a CDN, and it runs without `eval` so the window's CSP can stay strict.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Starts parsing a PDF; `.promise` gives the document, `.destroy()` stops and frees it. */
export const loadPdf = (data: ArrayBuffer) => getDocument({ data: new Uint8Array(data), isEvalSupported: false, enableXfa: false });

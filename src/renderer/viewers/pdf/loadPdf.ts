import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { describeError, httpProblem } from '../common/describeError';
import { BUNDLED_DATA_OPTIONS, BundledDataFactory } from './bundledData';

GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: PDFWorker | undefined;

/**
 * One pdf.js worker for the whole session. Starting a worker (fetching and parsing ~1 MB of
 * script) is the largest part of opening a PDF, so it is started once, early (see
 * preloadViewers), and reused; destroying a document's loading task leaves it running.
 */
export function sharedPdfWorker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

/**
 * Opens a PDF by URL with range requests so only the bytes for visible pages travel: no streaming
 * and no auto-fetch, otherwise pdf.js keeps pulling the whole file in the background.
 */
export function loadPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    worker: sharedPdfWorker(),
    disableAutoFetch: true,
    disableStream: true,
    rangeChunkSize: 65536,
    withCredentials: false,
    // The renderer runs under a CSP without 'unsafe-eval'.
    isEvalSupported: false,
    enableXfa: false,
    ...BUNDLED_DATA_OPTIONS,
    BinaryDataFactory: BundledDataFactory,
  });
}

/** The part after "This PDF could not be opened: ". */
export function pdfLoadProblem(error: unknown): string {
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  if (name === 'PasswordException') return 'it is protected by a password.';
  if (name === 'ResponseException' && error && typeof error === 'object' && 'status' in error) {
    const status = Number(error.status);
    if (status > 0) return httpProblem(status);
    return 'the file could not be reached.';
  }
  return describeError(error);
}

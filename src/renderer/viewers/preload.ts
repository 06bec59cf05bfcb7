import type { EvidenceKind } from '../../shared/packet/manifest';

/**
 * Starts fetching the viewers a packet will need as soon as the packet opens, and starts the
 * pdf.js worker, so the first click on a PDF or video pays for neither. Failures are ignored:
 * the viewer reports them itself when it is actually opened.
 */
export function preloadViewers(kinds: Iterable<EvidenceKind>): void {
  const wanted = new Set(kinds);
  if (wanted.has('pdf')) {
    void import('./pdf/PdfViewer').catch(() => undefined);
    void import('./pdf/loadPdf').then((m) => m.sharedPdfWorker()).catch(() => undefined);
  }
  if (wanted.has('video')) void import('./video/VideoViewer').catch(() => undefined);
}

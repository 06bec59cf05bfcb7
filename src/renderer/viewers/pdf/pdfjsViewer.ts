// pdf_viewer.mjs reads globalThis.pdfjsLib while it evaluates, and pdfjs-dist (imported by
// loadPdf) is what sets it, so this import must stay first.
import './loadPdf';

export { EventBus, LinkTarget, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';

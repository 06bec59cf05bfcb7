import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { planRange } from '../src/shared/http/range';

const PDFJS = resolve(import.meta.dirname, '../node_modules/pdfjs-dist');

/**
 * The stock pdf.js viewer component (PDFViewer from pdfjs-dist/web/pdf_viewer.mjs) on a bare
 * page, loading the same file with the same range options: the yardstick for Anchor's viewer.
 */
const STOCK_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>html,body{margin:0;height:100%}#container{position:absolute;inset:0;overflow:auto}</style></head>
<body><div id="container"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
  await import('/pdfjs/build/pdf.mjs');
  const { PDFViewer, EventBus, PDFLinkService } = await import('/pdfjs/web/pdf_viewer.mjs');
  const lib = globalThis.pdfjsLib;
  lib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
  // Started before timing, as Anchor starts its shared worker when a packet opens: both sides warm.
  const worker = new lib.PDFWorker();
  await worker.promise;
  window.openStock = () => new Promise((done) => {
    performance.mark('stock:pdf-open');
    const eventBus = new EventBus();
    const linkService = new PDFLinkService({ eventBus });
    const viewer = new PDFViewer({ container: document.getElementById('container'), viewer: document.getElementById('viewer'), eventBus, linkService });
    linkService.setViewer(viewer);
    eventBus.on('pagesinit', () => { viewer.currentScaleValue = 'page-width'; });
    eventBus.on('pagerendered', () => { performance.mark('stock:pdf-first-page'); done(performance.measure('stock', 'stock:pdf-open', 'stock:pdf-first-page').duration); }, { once: true });
    lib.getDocument({ worker, url: '/file.pdf', disableAutoFetch: true, disableStream: true, rangeChunkSize: 65536, isEvalSupported: false }).promise.then((doc) => { viewer.setDocument(doc); linkService.setDocument(doc); });
  });
  window.stockReady = true;
</script></body></html>`;

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export async function startStockServer(pdfFile: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(STOCK_PAGE);
      return;
    }
    if (url.pathname === '/file.pdf') {
      const size = (await stat(pdfFile)).size;
      const plan = planRange(req.headers.range, size);
      if (plan.kind === 'partial') {
        res.writeHead(206, {
          'Content-Type': 'application/pdf',
          'Accept-Ranges': 'bytes',
          'Content-Length': plan.end - plan.start + 1,
          'Content-Range': `bytes ${plan.start}-${plan.end}/${size}`,
        });
        createReadStream(pdfFile, { start: plan.start, end: plan.end }).pipe(res);
      } else {
        res.writeHead(200, { 'Content-Type': 'application/pdf', 'Accept-Ranges': 'bytes', 'Content-Length': size });
        createReadStream(pdfFile).pipe(res);
      }
      return;
    }
    if (url.pathname.startsWith('/pdfjs/') && !url.pathname.includes('..')) {
      const file = resolve(PDFJS, url.pathname.slice('/pdfjs/'.length));
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file)
        .on('error', () => res.end())
        .pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

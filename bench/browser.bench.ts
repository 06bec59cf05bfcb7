import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeLargePdf } from '../src/main/demo';
import { packFolder } from '../src/main/packet/pack';
import { PacketStore } from '../src/main/services/packet-store';
import { AnchorSession } from '../tests/e2e/support/browser';
import { buildDemo, findEvidence } from '../tests/e2e/support/demo';
import { defaultFiles, manifestFor, writePacket } from '../tests/support/packets';
import { median, percentile, type BudgetResult } from './machine';
import { largestRendererRssMb } from './renderer-memory';
import { startStockServer } from './stock-pdfjs';

const LARGE_PDF_ID = '22222222-3333-4444-8555-666666666666';

async function largePdfPacket(work: string): Promise<{ file: string; pdf: string }> {
  const folder = join(work, 'large-pdf');
  await mkdir(join(folder, 'docs'), { recursive: true });
  const pdf = join(folder, 'docs', 'portfolio.pdf');
  await writeLargePdf(pdf, 300);
  const files = await defaultFiles();
  const manifest = manifestFor(files, LARGE_PDF_ID);
  manifest.candidate.pseudonym = 'Candidate Large-PDF';
  manifest.evidence = [
    {
      id: 'portfolio',
      kind: 'pdf',
      title: 'Teaching portfolio (300 pages)',
      path: 'docs/portfolio.pdf',
      mediaType: 'application/pdf',
    },
    { id: 'notes', kind: 'text', title: 'Notes', path: 'notes.txt', mediaType: 'text/plain' },
  ] as never;
  await writeFile(join(folder, 'notes.txt'), 'Bench notes.\n');
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
  const file = join(work, 'large-pdf.anchor');
  const packed = await packFolder(folder, file);
  if (!packed.ok) throw new Error(JSON.stringify(packed.problems));
  return { file, pdf };
}

/** PDF first page (ours vs stock), memory while scrolling end to end, and video seeks. */
export async function benchViewers(work: string): Promise<BudgetResult[]> {
  const { file, pdf } = await largePdfPacket(work);
  const demo = await buildDemo(work);
  const session = await AnchorSession.start();
  const results: BudgetResult[] = [];
  try {
    const page = session.page;
    await session.importFiles(file, ...demo.map((p) => p.file));
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported / })
      .waitFor();

    // First page: from the click in the navigator to the first page painted, five cold opens.
    const clickToPage: number[] = [];
    const loadToPage: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${session.host.origin}/#/packet/${LARGE_PDF_ID}/notes`);
      await page.getByRole('heading', { level: 2, name: 'Notes' }).waitFor();
      const button = page
        .getByRole('navigation', { name: 'Evidence' })
        .getByRole('button', { name: /Teaching portfolio/ });
      await button.waitFor();
      const times = await button.evaluate(
        (element) =>
          new Promise<[number, number]>((resolve) => {
            performance.clearMarks();
            const start = performance.now();
            const observer = new PerformanceObserver(() => {
              const first = performance.getEntriesByName('anchor:pdf-first-page')[0];
              const open = performance.getEntriesByName('anchor:pdf-open')[0];
              if (!first || !open) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve([first.startTime - start, first.startTime - open.startTime]));
            });
            observer.observe({ type: 'mark', buffered: false });
            (element as HTMLButtonElement).click();
          }),
      );
      clickToPage.push(times[0]);
      loadToPage.push(times[1]);
    }

    const stock = await startStockServer(pdf);
    const stockTimes: number[] = [];
    const stockPage = await session.context.newPage();
    for (let run = 0; run < 5; run++) {
      await stockPage.goto(stock.url);
      await stockPage.waitForFunction(() => (window as unknown as { stockReady?: boolean }).stockReady === true);
      stockTimes.push(
        await stockPage.evaluate(() => (window as unknown as { openStock: () => Promise<number> }).openStock()),
      );
    }
    await stockPage.close();
    stock.server.close();
    results.push({
      budget: 'First page of a 300-page image-heavy PDF (browser mode, median of 5)',
      measured: `${median(clickToPage).toFixed(0)} ms from click; viewer load→page ${median(loadToPage).toFixed(0)} ms vs stock pdf.js PDFViewer ${median(stockTimes).toFixed(0)} ms`,
      limit: '≤ 400 ms, and no slower than stock',
      pass: median(clickToPage) <= 400 && median(loadToPage) <= median(stockTimes) * 1.1,
      notes:
        'both with a warm pdf.js worker (Anchor starts it when a packet opens); the 10% allowance covers run-to-run noise',
    });

    // Memory: scroll that PDF end to end a page at a time, sampling the renderer's RSS.
    let peakRss = await largestRendererRssMb();
    let peakCanvases = 0;
    const pageCount = 300;
    for (let step = 0; step < pageCount; step += 3) {
      await page.evaluate((target) => {
        document.querySelector(`.page[data-page-number="${target}"]`)?.scrollIntoView({ block: 'start' });
      }, step + 1);
      await page.waitForTimeout(40);
      if (step % 15 === 0) {
        peakRss = Math.max(peakRss, await largestRendererRssMb());
        peakCanvases = Math.max(peakCanvases, await page.locator('.page canvas').count());
      }
    }
    await page.evaluate(
      (last) => document.querySelector(`.page[data-page-number="${last}"]`)?.scrollIntoView(),
      pageCount,
    );
    await page.locator(`.page[data-page-number="${pageCount}"] canvas`).waitFor({ state: 'attached' });
    peakRss = Math.max(peakRss, await largestRendererRssMb());
    results.push({
      budget: 'Renderer memory while scrolling the 300-page PDF end to end',
      measured: `peak ${peakRss.toFixed(0)} MB RSS; at most ${peakCanvases} canvases alive`,
      limit: '< 400 MB',
      pass: peakRss < 400,
    });

    // Video seeks: ten arbitrary positions, each timed to the "seeked" event.
    const { packet, item } = findEvidence(demo, 'video');
    await page.goto(`${session.host.origin}/#/packet/${packet.manifest.packetId}/${item.id}`);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    const seeks = await page.evaluate(async () => {
      const video = document.querySelector('video')!;
      const durations: number[] = [];
      const targets = [20, 3, 27, 11, 30, 6, 16, 24, 1, 13];
      for (const target of targets) {
        const start = performance.now();
        await new Promise<void>((resolve) => {
          video.addEventListener('seeked', () => resolve(), { once: true });
          video.currentTime = Math.min(target, video.duration - 0.5);
        });
        durations.push(performance.now() - start);
      }
      return durations;
    });
    results.push({
      budget: 'Video seek to an arbitrary time (10 seeks, Range-served WebM/MP4)',
      measured: `median ${median(seeks).toFixed(0)} ms, p95 ${percentile(seeks, 95).toFixed(0)} ms, max ${Math.max(...seeks).toFixed(0)} ms`,
      limit: '≤ 250 ms',
      pass: percentile(seeks, 95) <= 250,
    });
  } finally {
    await session.stop();
  }
  return results;
}

/** A library of 2,000 packets: list after navigating back, and filter, timed in the page. */
export async function benchLibrary(work: string): Promise<BudgetResult> {
  const dataDir = join(work, 'library-data');
  const store = await new PacketStore(dataDir).open();
  const files = await defaultFiles();
  const sourceDir = join(work, 'library-src');
  await mkdir(sourceDir, { recursive: true });
  for (let n = 0; n < 2000; n++) {
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const manifest = manifestFor(files, id);
    manifest.candidate.pseudonym = `Candidate L-${String(n).padStart(4, '0')}`;
    manifest.credential.title = [
      'Checking for Understanding',
      'Analyzing Student Work',
      'Using Exit Tickets Effectively',
    ][n % 3]!;
    const file = await writePacket(sourceDir, `p${n}.anchor`, { files, manifest });
    const outcome = await store.import(file);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  }
  const session = await AnchorSession.start({ dataDir });
  try {
    const page = session.page;
    // tsx (esbuild keepNames) wraps named inner functions in __name(); give the page a no-op one.
    await page.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await page.evaluate('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await page.getByRole('status').filter({ hasText: '2000 of 2000 packets' }).waitFor();
    const listTimes: number[] = [];
    const filterTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${session.host.origin}/#/packet/00000000-0000-4000-8000-000000000001`);
      await page.getByRole('navigation', { name: 'Evidence' }).waitFor();
      listTimes.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              window.location.hash = '#/';
              const check = () => {
                const status = [...document.querySelectorAll('[role="status"]')].find((s) =>
                  /of 2000 packets/.test(s.textContent ?? ''),
                );
                if (
                  status &&
                  document.querySelectorAll('table[aria-label="Packets"] tbody tr[aria-rowindex]').length > 0
                ) {
                  requestAnimationFrame(() => resolve(performance.now() - start));
                } else requestAnimationFrame(check);
              };
              check();
            }),
        ),
      );
      const query = ['exit 19', 'L-1234', 'analyzing 7', 'candidate', 'understanding 3'][run]!;
      filterTimes.push(
        await page.evaluate(
          (text) =>
            new Promise<number>((resolve) => {
              const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
              const status = [...document.querySelectorAll('[role="status"]')].find((s) =>
                /of 2000 packets/.test(s.textContent ?? ''),
              )!;
              const before = status.textContent;
              const start = performance.now();
              Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const check = () => {
                if (status.textContent !== before || text === 'candidate')
                  requestAnimationFrame(() => resolve(performance.now() - start));
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
          query,
        ),
      );
    }
    const worst = Math.max(median(listTimes), median(filterTimes));
    return {
      budget: 'Library of 2,000 packets: list and filter',
      measured: `list ${median(listTimes).toFixed(0)} ms, filter ${median(filterTimes).toFixed(0)} ms (medians of 5; max ${Math.max(...listTimes, ...filterTimes).toFixed(0)} ms)`,
      limit: '≤ 100 ms',
      pass: worst <= 100,
    };
  } finally {
    await session.stop();
  }
}

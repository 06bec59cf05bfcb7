import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeLargePdf } from '../src/demo';
import { packFolder } from '../src/node/packet/pack';
import { AnchorSession } from '../tests/e2e/support/browser';
import { buildDemo, findEvidence } from '../tests/e2e/support/demo';
import { defaultFiles, manifestFor } from '../tests/support/packets';
import { seedLibrary } from './seed-library';
import { median, percentile, type BudgetResult } from './machine';
import { largestRendererRssMb } from './renderer-memory';
import { startStockServer } from './stock-pdfjs';

export const LARGE_PDF_ID = '22222222-3333-4444-8555-666666666666';

export async function largePdfPacket(work: string): Promise<{ file: string; pdf: string }> {
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

/** A queue of `count` packets: list after navigating back, and filter / sort, timed in the page. */
export async function benchLibrary(work: string, count = 2000): Promise<BudgetResult> {
  const dataDir = join(work, `library-data-${count}`);
  await seedLibrary(dataDir, count);
  const session = await AnchorSession.start({ dataDir });
  try {
    const page = session.page;
    // tsx (esbuild keepNames) wraps named inner functions in __name(); give the page a no-op one.
    await page.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await page.evaluate('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await page.addInitScript(`window.__total = ${count};`);
    await page.evaluate(`window.__total = ${count};`);
    await page
      .getByRole('status')
      .filter({ hasText: `${count} of ${count} packets` })
      .waitFor({ timeout: 120_000 });
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
              const total = (window as unknown as { __total: number }).__total;
              const check = () => {
                const status = [...document.querySelectorAll('[role="status"]')].find((s) =>
                  new RegExp(`of ${total} packets`).test(s.textContent ?? ''),
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
      const query = ['exit 19', 'L-01234', 'analyzing 7', 'candidate', 'understanding 3'][run]!;
      filterTimes.push(
        await page.evaluate(
          (text) =>
            new Promise<number>((resolve) => {
              const total = (window as unknown as { __total: number }).__total;
              const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
              const status = [...document.querySelectorAll('[role="status"]')].find((s) =>
                new RegExp(`of ${total} packets`).test(s.textContent ?? ''),
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
    const sortTimes: number[] = [];
    for (const sort of ['credential', 'status', 'candidate', 'due', 'submitted']) {
      sortTimes.push(
        await page.evaluate(
          (value) =>
            new Promise<number>((resolve) => {
              const select = [...document.querySelectorAll('select')].find((s) =>
                s.closest('label')?.textContent?.startsWith('Sort by'),
              )!;
              const firstRow = () =>
                document.querySelector('table[aria-label="Packets"] tbody tr[aria-rowindex]')?.textContent;
              const before = firstRow();
              const start = performance.now();
              Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
              select.dispatchEvent(new Event('change', { bubbles: true }));
              let frames = 0;
              const check = () => {
                frames++;
                if (firstRow() !== before || frames > 3)
                  requestAnimationFrame(() => resolve(performance.now() - start));
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
          sort,
        ),
      );
    }
    const worst = Math.max(median(listTimes), median(filterTimes), median(sortTimes));
    return {
      budget: `Queue of ${count.toLocaleString('en')} packets: list, filter and sort`,
      measured: `list ${median(listTimes).toFixed(0)} ms, filter ${median(filterTimes).toFixed(0)} ms, sort ${median(sortTimes).toFixed(0)} ms (medians of 5; max ${Math.max(...listTimes, ...filterTimes, ...sortTimes).toFixed(0)} ms)`,
      limit: '≤ 100 ms',
      pass: worst <= 100,
    };
  } finally {
    await session.stop();
  }
}

import type { Page } from 'playwright-core';
import { AnchorSession } from '../tests/e2e/support/browser';
import { buildDemo, type DemoPacket } from '../tests/e2e/support/demo';
import { LARGE_PDF_ID, largePdfPacket } from './browser.bench';
import { median, percentile, type BudgetResult } from './machine';

const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

async function openFromQueue(page: Page, origin: string, packetId: string): Promise<number> {
  await page.goto(`${origin}/#/`);
  await page.getByRole('table', { name: 'Packets' }).waitFor();
  const link = page.locator(`a[href="#/packet/${packetId}"]`);
  await link.waitFor();
  return link.evaluate(
    (element) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const observer = new PerformanceObserver((list) => {
          const mark = list.getEntriesByName('anchor:review-interactive').find((m) => m.startTime >= start);
          if (!mark) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe({ type: 'mark' });
        (element as HTMLAnchorElement).click();
      }),
  );
}

/** Types into a field and returns the Event Timing durations of the keystrokes (ms, input to paint). */
async function typingLatency(page: Page, field: string, text: string): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __events: number[]; __observer?: PerformanceObserver };
    w.__events = [];
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'keydown') w.__events.push(entry.duration);
    });
    w.__observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  await page.getByRole('textbox', { name: field }).focus();
  await page.keyboard.type(text, { delay: 45 });
  await page.waitForTimeout(300);
  const slow = await page.evaluate(() => (window as unknown as { __events: number[] }).__events);
  // The Event Timing API reports only events of 16 ms or more; the rest count as 16 ms (an upper bound).
  return [...slow, ...Array<number>(Math.max(0, text.length - slow.length)).fill(16)];
}

/** Review-loop budgets: durable drafts, opening a packet, input latency with heavy evidence. */
export async function benchReview(work: string): Promise<BudgetResult[]> {
  const demo: DemoPacket[] = await buildDemo(work);
  const { file: largePdf } = await largePdfPacket(work);
  const session = await AnchorSession.start();
  const results: BudgetResult[] = [];
  try {
    const page = session.page;
    await page.addInitScript(NAME_SHIM);
    await page.evaluate(NAME_SHIM);
    await session.importFiles(largePdf, ...demo.map((p) => p.file));
    await page
      .getByRole('status')
      .filter({ hasText: `${demo.length + 1} of ${demo.length + 1} packets` })
      .waitFor();
    const packet = demo.find((p) => p.manifest.evidence.some((e) => e.kind === 'video'))!;
    const packetId = packet.manifest.packetId;

    // Opening a cached packet from the queue until the review screen is interactive.
    const opens: number[] = [];
    for (let run = 0; run < 6; run++) opens.push(await openFromQueue(page, session.host.origin, packetId));
    const warmOpens = opens.slice(1);
    results.push({
      budget: 'Open a cached packet from the queue to an interactive review screen',
      measured: `median ${median(warmOpens).toFixed(0)} ms, max ${Math.max(...warmOpens).toFixed(0)} ms (5 opens after a first cold one of ${opens[0]!.toFixed(0)} ms)`,
      limit: '≤ 150 ms',
      pass: median(warmOpens) <= 150,
    });

    // Keystroke to durable draft: each key's time to the first committed save that includes it.
    await page.getByRole('textbox', { name: 'Private notes' }).focus();
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number[] };
      w.__keys = [];
      window.addEventListener('keydown', () => w.__keys.push(performance.now()), { capture: true });
      performance.clearMarks('anchor:draft-saved');
    });
    await page.keyboard.type('Strong use of the exit ticket data to regroup students for the reteach lesson.', {
      delay: 70,
    });
    await page.waitForTimeout(800);
    const durability = await page.evaluate(() => {
      const keys = (window as unknown as { __keys: number[] }).__keys;
      const saves = performance.getEntriesByName('anchor:draft-saved').map((m) => ({
        at: m.startTime,
        lastEditAt: ((m as PerformanceMark).detail as { lastEditAt: number }).lastEditAt,
      }));
      return keys.map((key) => {
        const save = saves.find((s) => s.lastEditAt >= key);
        return save ? save.at - key : Number.POSITIVE_INFINITY;
      });
    });
    results.push({
      budget: 'Keystroke to durable draft (Dexie, strict durability)',
      measured: `p95 ${percentile(durability, 95).toFixed(0)} ms, median ${median(durability).toFixed(0)} ms over ${durability.length} keystrokes typed at 70 ms intervals`,
      limit: '≤ 500 ms (p95)',
      pass: percentile(durability, 95) <= 500,
    });

    // Input latency while the classroom video plays.
    const video = packet.manifest.evidence.find((e) => e.kind === 'video')!;
    await page.goto(`${session.host.origin}/#/packet/${packetId}/${video.id}`);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    await page.evaluate(() => {
      const v = document.querySelector('video')!;
      v.muted = true;
      v.loop = true;
      return v.play();
    });
    const firstCriterion = packet.manifest.rubric.criteria[0]!.title;
    const withVideo = await typingLatency(
      page,
      `Rationale for ${firstCriterion}`,
      'The video shows a clear turn and talk with every pair.',
    );
    const stillPlaying = await page.evaluate(() => !document.querySelector('video')!.paused);

    // Input latency with the 300-page image-heavy PDF open and scrolled.
    await page.goto(`${session.host.origin}/#/packet/${LARGE_PDF_ID}/portfolio`);
    await page.locator('.page[data-page-number="1"] canvas').waitFor();
    await page.evaluate(() => document.querySelector('.page[data-page-number="40"]')?.scrollIntoView());
    await page.waitForTimeout(300);
    const large = await page.getByRole('radiogroup').first().getAttribute('aria-label');
    const withPdf = await typingLatency(
      page,
      `Rationale for ${large}`,
      'Pages 38 to 41 show annotated student work with clear next steps.',
    );
    const p95 = Math.max(percentile(withVideo, 95), percentile(withPdf, 95));
    results.push({
      budget: 'Input latency while a video plays / a 300-page PDF is open (Event Timing, keydown to paint)',
      measured: `p95 ${percentile(withVideo, 95).toFixed(0)} ms with the video ${stillPlaying ? 'playing' : 'NOT playing'}, p95 ${percentile(withPdf, 95).toFixed(0)} ms with the PDF (events under 16 ms count as 16)`,
      limit: '< 50 ms (p95)',
      pass: p95 < 50 && stillPlaying,
      notes: 'the review screen shows one evidence item at a time, so the two are measured in turn',
    });
  } finally {
    await session.stop();
  }
  return results;
}

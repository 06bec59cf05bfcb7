import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AnchorSession } from '../tests/e2e/support/browser';
import { buildDemo, findEvidence } from '../tests/e2e/support/demo';
import { tempDir } from '../tests/support/packets';

/** Regenerates the README screenshots from the demo set in browser mode (`npx tsx scripts/screenshots.ts`). */
const out = resolve(import.meta.dirname, '../docs/screenshots');
await mkdir(out, { recursive: true });
const work = await tempDir('anchor-shots-');
const demo = await buildDemo(work);
const session = await AnchorSession.start();
try {
  const { page } = session;
  await session.importFiles(...demo.map((p) => p.file));
  await page
    .getByRole('status')
    .filter({ hasText: /^Imported / })
    .waitFor();
  await page.screenshot({ path: `${out}/library.png` });

  const pdf = findEvidence(demo, 'pdf');
  await page.goto(`${session.host.origin}/#/packet/${pdf.packet.manifest.packetId}/${pdf.item.id}`);
  await page.locator('.page[data-page-number="1"] canvas').waitFor();
  const search = page.getByRole('searchbox', { name: 'Search in document' });
  await search.fill('objective');
  await search.press('Enter');
  await page.locator('.textLayer .highlight').first().waitFor();
  await page.screenshot({ path: `${out}/packet-pdf.png` });

  const video = findEvidence(demo, 'video');
  await page.goto(`${session.host.origin}/#/packet/${video.packet.manifest.packetId}/${video.item.id}`);
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
  await page.evaluate(() => {
    document.querySelector('video')!.currentTime = 12;
  });
  await page.waitForFunction(() => !document.querySelector('video')!.seeking);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/packet-video.png` });

  const table = findEvidence(demo, 'table');
  await page.goto(`${session.host.origin}/#/packet/${table.packet.manifest.packetId}/${table.item.id}`);
  await page.getByRole('table', { name: table.item.title }).waitFor();
  await page.screenshot({ path: `${out}/packet-table.png` });

  // The review screen: levels chosen, a comment on the PDF, and the submit check.
  const review = pdf.packet.manifest;
  await page.goto(`${session.host.origin}/#/packet/${review.packetId}/${pdf.item.id}`);
  await page.locator('.page[data-page-number="1"] canvas').waitFor();
  for (const [index, criterion] of review.rubric.criteria.entries()) {
    if (index === review.rubric.criteria.length - 1) break;
    await page
      .getByRole('radiogroup', { name: criterion.title })
      .getByRole('radio', { name: criterion.levels[index === 1 ? 1 : 3]!.label })
      .click();
  }
  await page.getByRole('button', { name: 'Next page' }).focus();
  await page.keyboard.press('c');
  await page.keyboard.type('The success criteria are writ');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/review.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('dialog', { name: 'Not ready to submit' }).waitFor();
  await page.screenshot({ path: `${out}/submit-check.png` });
  await page.keyboard.press('Escape');

  // The queue, with that review now in progress.
  await page.goto(`${session.host.origin}/#/`);
  await page
    .getByRole('row', { name: new RegExp(review.candidate.pseudonym) })
    .getByText('In progress')
    .waitFor();
  await page.screenshot({ path: `${out}/queue.png` });
} finally {
  await session.stop();
  await rm(work, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);

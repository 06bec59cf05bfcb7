import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EvidenceItem } from '../../src/shared/packet/manifest';
import { manifestFor, tempDir, writePacket } from '../support/packets';
import { QueueScreen } from './drivers/queue';
import { ReviewScreen } from './drivers/review';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { buildDemo, type DemoPacket } from './support/demo';

/** Screenshots of each kind of anchor land here, for a person to look at (not compared). */
const SHOTS = process.env.ANCHOR_SHOTS ?? join(process.env.TMPDIR ?? '/tmp', 'anchor-comment-anchors');

let dir: string;
let session: AnchorSession;
let page: Page;
let review: ReviewScreen;
let packet: DemoPacket;
/** A second packet, for a text evidence item (notes). */
let notesPacket: DemoPacket;
const item = (kind: EvidenceItem['kind']): EvidenceItem => {
  const found = packet.manifest.evidence.find((e) => e.kind === kind);
  if (!found) throw new Error(`the demo packet has no ${kind}`);
  return found;
};
/** Where each comment was saved, as the review screen named it. */
const places: Record<string, string> = {};

beforeAll(async () => {
  dir = await tempDir('anchor-e2e-anchors-');
  const demo = await buildDemo(dir);
  // One packet with every kind the story needs: video, image, table and written responses.
  const found = demo.find(
    (p) =>
      p.manifest.prompts.length > 1 &&
      ['video', 'image', 'table'].every((kind) => p.manifest.evidence.some((e) => e.kind === kind)),
  );
  if (!found) throw new Error('no demo packet has a video, an image, a table and written responses');
  packet = found;
  const withNotes = demo.find((p) => p.manifest.evidence.some((e) => e.kind === 'text'));
  if (!withNotes) throw new Error('no demo packet has a text item');
  notesPacket = withNotes;
  await mkdir(SHOTS, { recursive: true });
  session = await AnchorSession.start();
  page = session.page;
  review = new ReviewScreen(page);
  await session.importFiles(packet.file, notesPacket.file);
  const queue = new QueueScreen(page, session.host.origin);
  await queue.giveName('Assessor E2E');
  await queue.openPacket(packet.manifest.candidate.pseudonym, packet.manifest.credential.title);
});
afterAll(async () => {
  await session?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

describe('an assessor comments on regions, ranges, cells and passages, then finds each again', () => {
  it('marks a video range with I and O from the keyboard', async () => {
    const video = item('video');
    await review.openEvidence(video.title);
    await page.waitForFunction(() => (document.querySelector('video')?.duration ?? 0) > 12);
    await page.locator('.video-js').focus();
    await page.keyboard.press('l');
    await page.keyboard.press('i');
    await page.keyboard.press('l');
    await page.keyboard.press('o');
    await page.getByText(/Range 0:05–0:10/).waitFor();
    places.video = await review.comment('The pairs explain why it must be 2 miles in one hour.');
    expect(places.video).toBe(`${video.title}, 0:05–0:10`);
    await shot('video-range');
  });

  it('draws a box on an image with B and the arrow keys', async () => {
    const image = item('image');
    await review.openEvidence(image.title);
    await page.waitForFunction(
      () => (document.querySelector<HTMLImageElement>('.av-image__img')?.naturalWidth ?? 0) > 0,
    );
    await page.getByRole('group', { name: image.title }).focus();
    await page.keyboard.press('b');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByText(/^Box at /).waitFor({ state: 'attached' });
    await shot('image-box-drawing');
    await page.keyboard.press('Enter');
    places.image = await review.comment('The double number line puts the one on the hours line.', false);
    expect(places.image).toMatch(new RegExp(`^${escape(image.title)}, region \\d+–\\d+ % × \\d+–\\d+ %$`));
  });

  it('draws a box on an image with the mouse', async () => {
    await page.getByRole('button', { name: 'Draw box' }).click();
    const area = await page.getByRole('group', { name: item('image').title }).boundingBox();
    if (!area) throw new Error('no image area');
    await page.mouse.move(area.x + area.width * 0.3, area.y + area.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.5, area.y + area.height * 0.45, { steps: 5 });
    await page.mouse.up();
    places.imageMouse = await review.comment('Units on every line.', false);
    expect(places.imageMouse).toMatch(/, region /);
  });

  it('comments on a table cell and on a row range', async () => {
    const table = item('table');
    await review.openEvidence(table.title);
    const grid = page.getByRole('table', { name: table.title });
    await grid.waitFor();
    await grid.locator('td[data-position="4"][data-column="2"]').click();
    places.cell = await review.comment('This post-quiz score is the jump the response describes.');
    expect(places.cell).toBe(`${table.title}, cell C5`);
    // Keyboard: from the cell, Shift+↑ three times makes rows 2–5.
    await grid.locator('td[data-position="4"][data-column="2"]').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowUp');
    places.rows = await review.comment('These four students inverted the rate.');
    expect(places.rows).toBe(`${table.title}, rows 2–5`);
    await shot('table-rows');
  });

  it('comments on a passage of a written response selected from the keyboard', async () => {
    await review.openEvidence('Written responses');
    const second = page.locator('[data-passage-scope^="prompt:"]').nth(1).locator('[data-offset]').first();
    await second.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    places.passage = await review.comment('A clear sort by what the tickets show.');
    expect(places.passage).toMatch(/^Response 2: “.+”$/);
    await shot('response-passage');
  });

  it('lists every comment of the packet, by item, and jumps back to each place', async () => {
    await review.showPacketComments();
    const list = review.commentsList();
    for (const place of Object.values(places)) await list.getByRole('button', { name: place, exact: true }).waitFor();
    await shot('comments-list');

    await review.jumpTo(places.video ?? '');
    await page.waitForFunction(() => Math.abs((document.querySelector('video')?.currentTime ?? 0) - 5) < 0.5);
    await shot('reveal-video-range');

    await review.jumpTo(places.image ?? '');
    await page.locator('.av-region--flash').waitFor();
    await shot('reveal-image-region');

    await review.jumpTo(places.cell ?? '');
    await page.locator('td.av-table__cell--flash').waitFor();
    await shot('reveal-table-cell');

    await review.jumpTo(places.rows ?? '');
    // The jump renders the range after a frame or two; on a busy machine the click returns first.
    await expect.poll(() => page.locator('tr.av-table__row--flash').count()).toBe(4);
    await shot('reveal-table-rows');

    await review.jumpTo(places.passage ?? '');
    await page.waitForFunction(() => CSS.highlights.has('anchor-passage-flash'));
    await shot('reveal-passage');
  });

  it('comments on a passage of a text item selected with the mouse, and finds it again', async () => {
    const notes = notesPacket.manifest.evidence.find((e) => e.kind === 'text');
    if (!notes) throw new Error('no text item');
    await new QueueScreen(page, session.host.origin).openPacket(
      notesPacket.manifest.candidate.pseudonym,
      notesPacket.manifest.credential.title,
    );
    await review.openEvidence(notes.title);
    const paragraph = page.getByRole('article', { name: notes.title }).locator('[data-offset]').nth(1);
    await paragraph.dblclick({ position: { x: 30, y: 8 } });
    const word = await page.evaluate(() => document.getSelection()?.toString().trim() ?? '');
    expect(word.length).toBeGreaterThan(0);
    const place = await review.comment('This is where the team names the pattern.');
    expect(place).toBe(`${notes.title}: “${word}”`);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await review.jumpTo(place);
    await page.waitForFunction(() => CSS.highlights.has('anchor-passage-flash'));
    await shot('reveal-text-passage');
  });

  it('anchors rows far below the rendered window of a long table, and finds them again', async () => {
    // 2,000 rows: the table renders only the rows near the viewport, so keys must scroll it.
    const csv = ['student,score,note', ...Array.from({ length: 2000 }, (_, i) => `S${i + 1},${i % 10},n${i}`)];
    const files = [
      { path: 'data/long.csv', data: Buffer.from(csv.join('\n')), kind: 'table' as const, mediaType: 'text/csv' },
    ];
    const manifest = manifestFor(files, '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d');
    manifest.candidate.pseudonym = 'Candidate Long-Table';
    await session.importFiles(await writePacket(dir, 'long.anchor', { files, manifest }));
    await page
      .getByRole('status')
      .filter({ hasText: /Imported .*Long-Table/ })
      .waitFor();
    await new QueueScreen(page, session.host.origin).openPacket('Candidate Long-Table', 'Checking for Understanding');
    await review.openEvidence('data/long.csv');
    const grid = page.getByRole('table', { name: 'data/long.csv' });
    await grid.locator('td[data-position="0"][data-column="1"]').click();
    for (let i = 0; i < 60; i++) await page.keyboard.press('Shift+PageDown');
    expect(await review.comment('The long tail of the class.')).toBe('data/long.csv, rows 1–601');
    await grid.locator('td[data-position="600"][data-column="1"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await review.comment('One student’s score.')).toBe('data/long.csv, cell B602');
    await page.locator('.av-table__scroller').evaluate((scroller) => (scroller.scrollTop = 0));
    await review.jumpTo('data/long.csv, cell B602');
    await page.locator('td.av-table__cell--flash').waitFor();
    expect(await page.locator('td.av-table__cell--flash').textContent()).toBe('1');
    await shot('reveal-long-table-cell');
  });

  it('has no serious or critical accessibility violations where the anchors are made', async () => {
    await new QueueScreen(page, session.host.origin).openPacket(
      packet.manifest.candidate.pseudonym,
      packet.manifest.credential.title,
    );
    for (const title of [item('table').title, item('image').title, 'Written responses', item('video').title]) {
      await review.openEvidence(title);
      expect(await axeViolations(page), title).toEqual([]);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { readFile } from 'node:fs/promises';
import { expect as expectValue } from 'vitest';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tempDir, writePacket, manifestFor, type TestFile, defaultFiles } from '../support/packets';
import { AnchorSession } from './support/browser';
import { buildDemo, findEvidence, type DemoPacket } from './support/demo';
import type { EvidenceItem } from '../../src/shared/packet/manifest';

let dir: string;
let demo: DemoPacket[];
let session: AnchorSession;
let page: Page;

/** Opens a packet from the library and selects one evidence item in the navigator, like a user. */
async function openEvidence(pseudonym: string, title: string): Promise<void> {
  await page.goto(`${session.host.origin}/#/`);
  await page.getByRole('searchbox', { name: 'Filter packets' }).fill(pseudonym);
  await page
    .getByRole('row', { name: new RegExp(escape(pseudonym)) })
    .getByRole('link')
    .click();
  const navigator = page.getByRole('navigation', { name: 'Evidence' });
  await navigator.getByRole('button', { name: new RegExp(escape(title)) }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** Imports a hand-made packet through the file picker and waits until the queue confirms it. */
async function importTestPacket(files: TestFile[], packetId: string, pseudonym: string) {
  const manifest = manifestFor(files, packetId);
  manifest.candidate.pseudonym = pseudonym;
  await session.importFiles(await writePacket(dir, `${packetId}.anchor`, { files, manifest }));
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`Imported .*${pseudonym}`) })
    .waitFor();
  return manifest;
}

/** Opens the first demo packet holding evidence of `kind`. */
async function openDemoEvidence(kind: EvidenceItem['kind']): Promise<EvidenceItem> {
  const { packet, item } = findEvidence(demo, kind);
  await openEvidence(packet.manifest.candidate.pseudonym, item.title);
  return item;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  dir = await tempDir('anchor-e2e-');
  demo = await buildDemo(dir);
  session = await AnchorSession.start();
  page = session.page;
});
afterAll(async () => {
  await session?.stop();
});

describe('browser mode: packets and evidence, end to end in Chromium', () => {
  it('imports the demo set through the file picker and lists every packet', async () => {
    await session.importFiles(...demo.map((p) => p.file));
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported / })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${demo.length} of ${demo.length} packets` })
      .waitFor();
    const rows = page.getByRole('table', { name: 'Packets' }).getByRole('row');
    expectValue(await rows.count()).toBe(demo.length + 1);
  });

  it('shows a PDF: page 1 first, jumps to the last page, and finds a word', async () => {
    await openDemoEvidence('pdf');
    const firstPage = page.locator('.page[data-page-number="1"] canvas');
    await firstPage.waitFor({ state: 'visible' });
    const total = Number((await page.getByText(/^of \d+$/).textContent())?.replace('of ', ''));
    expectValue(total).toBeGreaterThan(1);

    const pageNumber = page.getByRole('spinbutton', { name: 'Page number' });
    await pageNumber.fill(String(total));
    await pageNumber.press('Enter');
    await page.locator(`.page[data-page-number="${total}"] canvas`).waitFor({ state: 'visible' });
    expectValue(await pageNumber.inputValue()).toBe(String(total));

    const search = page.getByRole('searchbox', { name: 'Search in document' });
    await search.fill('objective');
    await search.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /\d+ of \d+ match/ })
      .waitFor();
    await page.locator('.textLayer .highlight').first().waitFor({ state: 'visible' });
  });

  it('plays a video and seeks to 20 s over HTTP Range', async () => {
    await openDemoEvidence('video');
    const video = page.locator('video');
    await video.waitFor({ state: 'attached' });
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    await page.evaluate(() => {
      const element = document.querySelector('video')!;
      element.muted = true;
      return element.play();
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3);
    await page.evaluate(() => {
      const element = document.querySelector('video')!;
      element.pause();
      element.currentTime = 20;
    });
    await page.waitForFunction(() => {
      const element = document.querySelector('video')!;
      return !element.seeking && Math.abs(element.currentTime - 20) < 0.5 && element.readyState >= 2;
    });
    await page.getByLabel('Current time').filter({ hasText: /0:20/ }).first().waitFor();
  });

  it('controls the video from the keyboard and the ±5 s buttons', async () => {
    const time = () => page.evaluate(() => document.querySelector('video')!.currentTime);
    const near = (target: number) =>
      page.waitForFunction((t) => Math.abs(document.querySelector('video')!.currentTime - t) < 0.6, target);
    let before = await time();
    await page.getByRole('button', { name: 'Forward 5 seconds' }).click();
    await near(before + 5);

    await page.getByLabel(/video player/).focus();
    before = await time();
    await page.keyboard.press('j');
    await near(before - 5);
    before = await time();
    await page.keyboard.press('l');
    await near(before + 5);
    await page.keyboard.press('.');
    await page.waitForFunction(() => document.querySelector('video')!.playbackRate > 1);
    await expectValue.poll(() => page.getByRole('combobox', { name: 'Playback speed' }).inputValue()).not.toBe('1');
  });

  it("puts the video in fullscreen with the player's button (allowed for the app's own origin)", async () => {
    const button = page.getByRole('button', { name: 'Fullscreen' });
    await button.click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => document.fullscreenElement === null);
  });

  it('shows an image with zoom controls', async () => {
    const item = await openDemoEvidence('image');
    const image = page.getByRole('img', { name: item.title });
    await image.waitFor();
    await page.waitForFunction((title) => {
      const img = [...document.querySelectorAll('img')].find((i) => i.alt === title);
      return !!img && img.complete && img.naturalWidth > 0;
    }, item.title);
    await page.getByRole('toolbar', { name: 'Image tools' }).getByRole('button', { name: 'Zoom in' }).click();
  });

  it('shows a CSV as a sortable table with a detected header', async () => {
    const item = await openDemoEvidence('table');
    const table = page.getByRole('table', { name: item.title });
    await table.waitFor();
    expectValue(await table.getByRole('row').count()).toBeGreaterThan(10);
    // The first column header is the row number; the data's first column follows it.
    const firstHeader = table.getByRole('columnheader').nth(1);
    await firstHeader.getByRole('button').click();
    await page.waitForFunction(() => !!document.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]'));
  });

  it('shows written responses and audio', async () => {
    await openDemoEvidence('audio');
    await page.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 1);
    await page
      .getByRole('navigation', { name: 'Evidence' })
      .getByRole('button', { name: /Written responses/ })
      .click();
    await page.getByRole('article', { name: 'Written responses' }).waitFor();
  });

  it('shows a text document as readable text', async () => {
    const item = await openDemoEvidence('text');
    const article = page.getByRole('article', { name: item.title });
    await article.waitFor();
    expectValue((await article.textContent())?.length).toBeGreaterThan(100);
  });

  it('shows a clear error for a corrupt PDF instead of a blank pane', async () => {
    const files: TestFile[] = [
      {
        path: 'docs/broken.pdf',
        data: Buffer.from('%PDF-1.7\n1 0 obj garbage that is not a PDF at all\n'),
        kind: 'pdf',
        mediaType: 'application/pdf',
      },
    ];
    const manifest = await importTestPacket(files, '5d0e3c1a-7b7e-4f3c-8a8e-3e9b0c6d2f11', 'Candidate Corrupt-PDF');
    await openEvidence('Candidate Corrupt-PDF', manifest.evidence[0]!.title);
    await page
      .getByRole('alert')
      .filter({ hasText: /could not be opened/i })
      .waitFor();
  });

  it('shows clear errors for a corrupt video and a corrupt image', async () => {
    const webmHeader = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]);
    const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const files: TestFile[] = [
      {
        path: 'video/broken.webm',
        data: Buffer.concat([webmHeader, Buffer.alloc(4096, 0x55)]),
        kind: 'video',
        mediaType: 'video/webm',
      },
      {
        path: 'images/broken.png',
        data: Buffer.concat([pngHeader, Buffer.alloc(512, 0x33)]),
        kind: 'image',
        mediaType: 'image/png',
      },
    ];
    await importTestPacket(files, '6e1f4d2b-8c9a-4b7e-9f0d-1a2b3c4d5e6f', 'Candidate Corrupt-Media');
    await openEvidence('Candidate Corrupt-Media', 'video/broken.webm');
    await page
      .getByRole('alert')
      .filter({ hasText: /video could not be played/i })
      .waitFor();
    await openEvidence('Candidate Corrupt-Media', 'images/broken.png');
    await page
      .getByRole('alert')
      .filter({ hasText: /image could not be/i })
      .waitFor();
  });

  it('lists the validator problems when a packet is rejected, and imports nothing', async () => {
    const files = await defaultFiles();
    const manifest = manifestFor(files, '9a1f2b3c-4d5e-4f60-8a7b-8c9d0e1f2a3b');
    manifest.evidence[0]!.sha256 = 'f'.repeat(64);
    await page.goto(`${session.host.origin}/#/`);
    await session.importFiles(await writePacket(dir, 'tampered.anchor', { manifest }));
    const alert = page.getByRole('alert').filter({ hasText: 'Packet rejected: tampered.anchor' });
    await alert.waitFor();
    await alert
      .getByRole('list', { name: 'Problems' })
      .getByText(/sha256 is [0-9a-f]{64}, but the manifest says f{64}/)
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${demo.length + 2} of ${demo.length + 2} packets` })
      .waitFor();
  });

  it('imports by drag and drop', async () => {
    const files = await defaultFiles();
    const manifest = manifestFor(files, '7c2d9e4f-1a3b-4c5d-9e6f-0a1b2c3d4e5f');
    manifest.candidate.pseudonym = 'Candidate Dropped';
    const bytes = await readFile(await writePacket(dir, 'dropped.anchor', { manifest }));
    const transfer = await page.evaluateHandle((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'dropped.anchor', { type: 'application/octet-stream' }));
      return dt;
    }, bytes.toString('base64'));
    const target = page.locator('.screen.library');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await page
      .getByRole('status')
      .filter({ hasText: /Imported .*Candidate Dropped/ })
      .waitFor();
  });

  it('keeps the library across a reload', async () => {
    const expected = `${demo.length + 3} of ${demo.length + 3} packets`;
    await page.reload();
    await page.getByRole('status').filter({ hasText: expected }).waitFor();
  });
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubScreen } from './drivers/hub';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { PASSWORD, startQualityHub, type QualityHub } from './support/quality-hub';

// The chair's story: in a window where assessor1 scores two levels above their second scorers, the
// scorer-quality screen flags them; the chair pauses them with a reason, and assessor1, signing in
// on the same computer, reads that reason in their queue.

const SHOTS = process.env.ANCHOR_SCREENSHOTS ?? join(import.meta.dirname, '../../out/screenshots');

let hub: QualityHub;
let app: AnchorSession;

beforeAll(async () => {
  hub = await startQualityHub();
  app = await AnchorSession.start();
  await mkdir(SHOTS, { recursive: true });
  await app.page.setViewportSize({ width: 1400, height: 1300 });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await hub?.close();
});

describe('scorer quality', () => {
  it('the chair sees the flags and pauses an assessor; the paused assessor reads why in their queue', async () => {
    const hubScreen = new HubScreen(app.page, app.host.origin);
    await hubScreen.signIn(hub.url, 'chair1', PASSWORD);
    await app.page.goto(`${app.host.origin}/#/windows/${hub.windowId}`);
    await app.page.getByRole('link', { name: 'Scorer quality' }).click();
    const table = app.page.getByRole('table', { name: 'Scorer quality per assessor' });
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}\\b`) });
    await expect(row('assessor1').getByRole('list', { name: 'Flags for assessor1' }).innerText()).resolves.toMatch(
      /Exact agreement with second scorers is 14%[\s\S]*Scores above second scorers/,
    );
    await expect(row('assessor3').innerText()).resolves.toMatch(/None/);
    await expect(app.page.getByRole('table', { name: 'Validity packets' }).innerText()).resolves.toMatch(/Known/);
    expect(await axeViolations(app.page)).toEqual([]);

    await row('assessor1').getByRole('button', { name: 'Pause assessor1', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Pause assessor1' });
    await dialog
      .getByRole('textbox', { name: /Reason/ })
      .fill('Scores run two levels high; reread the anchors with me.');
    await dialog.getByRole('button', { name: 'Pause' }).click();
    await app.page.getByRole('status').getByText('assessor1 is paused').waitFor();
    await expect.poll(() => row('assessor1').innerText()).toMatch(/Paused[\s\S]*reread the anchors/);
    await app.page.screenshot({ path: join(SHOTS, 'scorer-quality.png'), fullPage: true });

    await hubScreen.signOut();
    await hubScreen.signIn(hub.url, 'assessor1', PASSWORD);
    const note = app.page.getByRole('note', { name: 'Paused by a chair' });
    await expect(note.innerText()).resolves.toMatch(
      /You are paused in “Autumn review window”[\s\S]*Scores run two levels high; reread the anchors with me\./,
    );
  }, 60_000);
});

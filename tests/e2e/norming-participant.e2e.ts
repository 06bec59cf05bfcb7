import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub } from '../../src/hub/server';
import { startHubFromTemplate } from '../support/hub-start';
import { createUser } from '../../src/hub/services/users';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../support/packets';
import { HubScreen } from './drivers/hub';
import { NormingScreens } from './drivers/norming';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { hubApi } from './support/hub-api';

// A participant's norming session, end to end in Chromium against a real hub: the session is
// listed, an anchor downloaded and scored blind (nothing of another participant or the master on
// screen), submitted through the outbox to the session, and after the facilitator's reveal the
// master, the distribution (counts, no names) and the participant's own level are shown.

const PASSWORD = 'correct horse battery';
const TITLE = 'Autumn calibration: checking for understanding';
const MASTER_RATIONALE = 'MASTER-RATIONALE: exit tickets align with the objective and adapt the next lesson.';
const OTHER_RATIONALE = 'OTHER-PARTICIPANT-RATIONALE: weakly aligned checks.';
/** Where the screenshots go (looked at by hand; also useful for the README). */
const SHOTS = process.env.ANCHOR_SCREENSHOTS ?? join(process.cwd(), 'out', 'e2e-shots');

let dir: string;
let hub: RunningHub;
let origin: string;
let session: AnchorSession;
let facilitatorToken: string;
let assessor2Token: string;
let sessionId: string;
const anchors = [
  { id: randomUUID(), pseudonym: 'Anchor A-0001' },
  { id: randomUUID(), pseudonym: 'Anchor A-0002' },
  { id: randomUUID(), pseudonym: 'Anchor A-0003' },
];
let hubPort = 0;
const page = (): Page => session.page;

const api = <T = unknown>(method: string, path: string, token: string, body?: unknown) =>
  hubApi<T>(origin, method, path, token, body);

async function signInOverHttp(username: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function shot(name: string): Promise<void> {
  await page().screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Everything the page shows or holds in its DOM (hidden text too: blind means not there at all). */
const pageText = () => page().evaluate(() => document.documentElement.innerHTML);

beforeAll(async () => {
  dir = await tempDir('anchor-e2e-norming-');
  hub = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  hubPort = hub.port;
  origin = `http://127.0.0.1:${hub.port}`;
  await createUser(hub.hub, { username: 'admin1', password: PASSWORD, roles: ['admin'] }, null);
  await createUser(hub.hub, { username: 'facilitator1', password: PASSWORD, roles: ['facilitator'] }, null);
  const a1 = await createUser(hub.hub, { username: 'assessor1', password: PASSWORD, roles: ['assessor'] }, null);
  const a2 = await createUser(hub.hub, { username: 'assessor2', password: PASSWORD, roles: ['assessor'] }, null);
  const adminToken = await signInOverHttp('admin1');
  facilitatorToken = await signInOverHttp('facilitator1');
  assessor2Token = await signInOverHttp('assessor2');
  for (const { id, pseudonym } of anchors) {
    const files = await defaultFiles();
    const file = await writePacket(dir, `${id}.anchor`, {
      files,
      manifest: { ...manifestFor(files, id), candidate: { pseudonym } },
    });
    await api('POST', '/api/v1/packets', adminToken, new Uint8Array(await readFile(file)));
  }
  sessionId = (
    await api<{ id: string }>('POST', '/api/v1/norming/sessions', facilitatorToken, {
      title: TITLE,
      credentialId: 'cfu',
      mode: 'calibration',
      anchors: anchors.map(({ id }) => ({
        packetId: id,
        masters: [{ criterionId: 'design', levelId: 'l4', rationale: MASTER_RATIONALE }],
      })),
      participantIds: [a1.id, a2.id],
    })
  ).id;
  // Another participant scores the first anchor before assessor1 does: none of it may reach assessor1's screen.
  const other = scoreRecord(anchors[0]!.id, 'assessor2', {
    criteria: [{ criterionId: 'design', levelId: 'l2', rationale: OTHER_RATIONALE }],
  });
  await api('PUT', `/api/v1/norming/sessions/${sessionId}/scores/${other.id}`, assessor2Token, {
    baseRevision: 0,
    record: other,
  });
  session = await AnchorSession.start();
}, 60_000);

afterAll(async () => {
  await session?.stop();
  await hub?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a participant in a norming session, end to end in Chromium', () => {
  it('signs in and finds the session, open, on their own screen', async () => {
    await new HubScreen(page(), session.host.origin).signIn(origin, 'assessor1', PASSWORD);
    const norming = new NormingScreens(page(), session.host.origin);
    await norming.openFromHub();
    await expect.poll(() => norming.sessionRow(TITLE).textContent()).toMatch(/Open: score blind/);
    await shot('norming-sessions');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('downloads an anchor with its state shown, and scores it blind', async () => {
    const norming = new NormingScreens(page(), session.host.origin);
    await norming.openSession(TITLE);
    expect(await norming.anchorRow(anchors[0]!.pseudonym).textContent()).toMatch(/Not downloaded/);
    await norming.download(anchors[0]!.pseudonym);
    // The rest in one go, for scoring offline.
    await page().getByRole('button', { name: 'Download all anchors (2)' }).click();
    for (const { pseudonym } of anchors) {
      await norming.anchorRow(pseudonym).getByText('On this computer').waitFor({ timeout: 30_000 });
    }
    expect(await axeViolations(page())).toEqual([]);

    await norming.startScoring(anchors[0]!.pseudonym);
    await page()
      .getByRole('button', { name: /Submit to session/ })
      .waitFor();
    // Blind: nothing of the master or of the other participant anywhere in the page.
    const blind = await pageText();
    for (const secret of [MASTER_RATIONALE, OTHER_RATIONALE, 'assessor2', 'Master level', 'master']) {
      expect(blind).not.toContain(secret);
    }
    // …and no history or earlier attempts of the packet.
    expect(
      await page()
        .getByRole('region', { name: /history/i })
        .count(),
    ).toBe(0);
    await page()
      .getByRole('radiogroup', { name: 'Design of checks' })
      .getByRole('radio', { name: 'Proficient' })
      .click();
    await shot('norming-blind-scoring');
    await norming.scoreAndSubmit('Design of checks', 'Proficient', 'Checks align to the objective.');

    await norming.backToSession();
    await expect
      .poll(() => norming.anchorRow(anchors[0]!.pseudonym).textContent(), { timeout: 20_000 })
      .toMatch(/Received by the session/);
    const before = await pageText();
    for (const secret of [MASTER_RATIONALE, OTHER_RATIONALE, 'assessor2']) expect(before).not.toContain(secret);
    expect(await norming.revealed().count()).toBe(0);
  });

  it('scores a downloaded anchor with the hub down, and the outbox delivers it when the hub is back', async () => {
    const norming = new NormingScreens(page(), session.host.origin);
    await hub.close();
    await page().reload();
    // The session as last read, with the hub's absence said beside it.
    await norming.anchors().waitFor();
    await page()
      .getByText(/Could not refresh from the hub/)
      .waitFor({ timeout: 15_000 });
    await norming.startScoring(anchors[1]!.pseudonym);
    await norming.scoreAndSubmit('Design of checks', 'Exemplary', 'Adapts the next lesson.');
    await norming.backToSession();
    await expect
      .poll(() => norming.anchorRow(anchors[1]!.pseudonym).textContent(), { timeout: 20_000 })
      .toMatch(/waiting to upload/);
    hub = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: hubPort, log: () => undefined });
    await expect
      .poll(() => norming.anchorRow(anchors[1]!.pseudonym).textContent(), { timeout: 40_000 })
      .toMatch(/Received by the session/);
  });

  it('after the facilitator reveals, shows the master, the distribution without names and their own level', async () => {
    const norming = new NormingScreens(page(), session.host.origin);
    await api('POST', `/api/v1/norming/sessions/${sessionId}/reveal`, facilitatorToken);
    // The hub's event reaches the page without a reload.
    const revealed = norming.revealed();
    await revealed.waitFor({ timeout: 15_000 });
    const first = revealed.getByRole('region', { name: new RegExp(anchors[0]!.pseudonym) });
    const criterion = first.getByRole('article', { name: 'Design of checks' });
    await criterion.getByText(MASTER_RATIONALE).waitFor();
    expect(await criterion.textContent()).toMatch(/Master level\s*Exemplary/);
    expect(await criterion.textContent()).toMatch(/Your level\s*Proficient/);
    const chart = criterion.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toBe(
      '2 scores counted: Beginning 0, Developing 1, Proficient 1, Exemplary 0 (master). Master level: Exemplary. You chose Proficient.',
    );
    // Counts, never names.
    expect(await pageText()).not.toContain('assessor2');
    expect(await pageText()).not.toContain(OTHER_RATIONALE);
    await shot('norming-revealed');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('scores the last anchor after the reveal and shows the hub’s late message', async () => {
    const norming = new NormingScreens(page(), session.host.origin);
    await norming.startScoring(anchors[2]!.pseudonym);
    await norming.scoreAndSubmit('Design of checks', 'Exemplary', 'Adapts the next lesson.');
    await norming.backToSession();
    await expect
      .poll(() => norming.anchorRow(anchors[2]!.pseudonym).textContent(), { timeout: 20_000 })
      .toMatch(/Late: /);
    await page()
      .getByRole('alert')
      .getByText(/reveal/i)
      .first()
      .waitFor();
    // A tall window, so the shot shows every anchor's reveal (the body scrolls otherwise).
    await page().setViewportSize({ width: 1400, height: 2000 });
    await shot('norming-late');
    await page().setViewportSize({ width: 1400, height: 900 });
    // Anchors are not live work: the packet queue does not list them.
    await page().goto(`${session.host.origin}/#/`);
    await page()
      .getByRole('heading', { name: /Packet queue/ })
      .waitFor();
    await page().getByRole('link', { name: 'Norming' }).waitFor();
    expect(
      await page()
        .getByText(/Anchor A-000/)
        .count(),
    ).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub } from '../../src/hub/server';
import { startHubFromTemplate } from '../support/hub-start';
import { createUser } from '../../src/hub/services/users';
import type { ScoreRecord } from '../../src/shared/domain/score';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../support/packets';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { hubApi } from './support/hub-api';

// The whole hub round trip in a real Chromium against a real hub over HTTP: sign in, pull with
// progress, work offline, upload through an outage and a browser crash exactly once, resolve a
// conflicting edit, and refuse evidence whose hash does not match.

const PASSWORD = 'correct horse battery';
/** Set to a folder (docs/screenshots) to regenerate the README's hub screenshots. */
const SCREENSHOTS = process.env.ANCHOR_SCREENSHOTS;

let dir: string;
let hubDir: string;
let hub: RunningHub | undefined;
let port = 0;
let session: AnchorSession;
let adminToken: string;
let windowId: string;
let assessorId: string;
const page = (): Page => session.page;

const packets = {
  offline: { id: randomUUID(), pseudonym: 'Candidate H-0101' },
  outage: { id: randomUUID(), pseudonym: 'Candidate H-0202' },
  conflict: { id: randomUUID(), pseudonym: 'Candidate H-0303' },
  badHash: { id: randomUUID(), pseudonym: 'Candidate H-0404' },
  resumed: { id: randomUUID(), pseudonym: 'Candidate H-0505' },
};

async function startTheHub(): Promise<void> {
  hub = await startHubFromTemplate({ dataDir: hubDir, port, log: () => undefined });
  port = hub.port;
}

async function stopTheHub(): Promise<void> {
  await hub?.close();
  hub = undefined;
}

const api = <T = unknown>(method: string, path: string, token: string, body?: unknown) =>
  hubApi<T>(`http://127.0.0.1:${port}`, method, path, token, body);

async function signInOverHttp(username: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function uploadAndAssign({ id, pseudonym }: { id: string; pseudonym: string }): Promise<void> {
  const files = await defaultFiles();
  const file = await writePacket(dir, `${id}.anchor`, {
    files,
    manifest: { ...manifestFor(files, id), candidate: { pseudonym } },
  });
  await api('POST', '/api/v1/packets', adminToken, new Uint8Array(await readFile(file)));
  await api('POST', '/api/v1/assignments', adminToken, { windowId, packetId: id, assessorId });
}

async function scoresOnHub(packetId: string): Promise<ScoreRecord[]> {
  const rows = await hub!.hub.db.query<{ record: ScoreRecord }>(
    'select record from scores where packet_id = $1 order by revision',
    [packetId],
  );
  return rows.map((r) => r.record);
}

async function shot(name: string): Promise<void> {
  if (SCREENSHOTS) await page().screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Scores the one-criterion test rubric as Proficient / Earned and submits. */
async function scoreAndSubmit(pseudonym: string, feedback: string): Promise<void> {
  await page().goto(`${session.host.origin}/#/`);
  await page().getByRole('searchbox', { name: 'Filter packets' }).fill(pseudonym);
  await page()
    .getByRole('row', { name: new RegExp(pseudonym) })
    .getByRole('link', { name: 'Checking for Understanding' })
    .click();
  await page().getByRole('radiogroup', { name: 'Design of checks' }).getByRole('radio', { name: 'Proficient' }).click();
  await page().getByRole('radio', { name: 'Earned', exact: true }).check();
  await page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).fill(feedback);
  await page().keyboard.press('Control+Enter');
  await page()
    .getByRole('dialog', { name: 'Submit this review?' })
    .getByRole('button', { name: 'Submit review' })
    .click();
  await page().getByRole('region', { name: 'Submitted review' }).waitFor();
}

function queueRow(pseudonym: string) {
  return page().getByRole('row', { name: new RegExp(pseudonym) });
}

async function openQueue(): Promise<void> {
  await page().goto(`${session.host.origin}/#/`);
  await page()
    .getByRole('heading', { name: /Packet queue/ })
    .waitFor();
}

beforeAll(async () => {
  dir = await tempDir('anchor-e2e-hub-');
  hubDir = join(dir, 'hub');
  await startTheHub();
  await createUser(hub!.hub, { username: 'admin1', password: PASSWORD, roles: ['admin'] }, null);
  assessorId = (await createUser(hub!.hub, { username: 'assessor1', password: PASSWORD, roles: ['assessor'] }, null))
    .id;
  adminToken = await signInOverHttp('admin1');
  const now = Date.now();
  windowId = (
    await api<{ id: string }>('POST', '/api/v1/windows', adminToken, {
      name: 'Winter review window',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      decisionsDueAt: new Date(now + 35 * 86_400_000).toISOString(),
    })
  ).id;
  for (const packet of [packets.offline, packets.outage, packets.conflict]) await uploadAndAssign(packet);
  session = await AnchorSession.start({ persistentProfile: true });
});

afterAll(async () => {
  await session?.stop();
  await stopTheHub();
  await rm(dir, { recursive: true, force: true });
});

describe('the hub, end to end in Chromium', () => {
  it('signs in, lists the assignments and downloads them with progress', async () => {
    await page().getByRole('link', { name: 'Sign in to a hub' }).click();
    await page().getByRole('heading', { name: 'Sign in to a hub' }).waitFor();
    await page().getByRole('textbox', { name: 'Hub address' }).fill(`http://127.0.0.1:${port}`);
    await page().getByRole('textbox', { name: 'User name' }).fill('assessor1');
    await page().getByLabel('Password').fill('not the password');
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page()
      .getByRole('alert')
      .getByText(/password is not right/)
      .waitFor();

    await page().getByLabel('Password').fill(PASSWORD);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page()
      .getByText(/Signed in to/)
      .waitFor();
    const table = page().getByRole('table', { name: 'Assigned packets' });
    for (const { pseudonym } of [packets.offline, packets.outage, packets.conflict]) {
      await table.getByRole('row', { name: new RegExp(pseudonym) }).waitFor();
    }
    await page().getByRole('button', { name: 'Download all (3)' }).click();
    await page()
      .getByText(/Downloads finished/)
      .waitFor();
    expect(await table.getByText('Downloaded', { exact: true }).count()).toBe(3);
    expect(
      await page()
        .getByRole('progressbar', { name: /Downloads finished/ })
        .evaluate((bar: HTMLProgressElement) => bar.value / bar.max),
    ).toBe(1);
    // The tokens never reach the page: nothing in its storage looks like one.
    const stored = await page().evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/accessToken|refreshToken/);
    expect(await axeViolations(page())).toEqual([]);

    // Back in the queue the packets are there, due when the window closes.
    await openQueue();
    await queueRow(packets.offline.pseudonym).waitFor();
    await expect.poll(() => queueRow(packets.offline.pseudonym).textContent()).toMatch(/Not started/);
  });

  it('opens a pulled packet with its evidence while the hub is down', async () => {
    await stopTheHub();
    await openQueue();
    await queueRow(packets.offline.pseudonym).getByRole('link', { name: 'Checking for Understanding' }).click();
    await page()
      .getByRole('navigation', { name: 'Evidence' })
      .getByRole('button', { name: 'data/results.csv' })
      .click();
    await page().getByRole('cell', { name: 'S02' }).waitFor();
    await page()
      .getByRole('navigation', { name: 'Evidence' })
      .getByRole('button', { name: 'docs/lesson-plan.pdf' })
      .click();
    await page().locator('.pdfViewer .page canvas').first().waitFor();
  });

  it('keeps a review submitted during an outage and a browser crash, and uploads it exactly once', async () => {
    // The hub is still down: submit, see it pending with the reason, then crash the browser.
    await scoreAndSubmit(packets.outage.pseudonym, 'Submitted while the hub was down.');
    await openQueue();
    await expect.poll(() => queueRow(packets.outage.pseudonym).textContent(), { timeout: 15_000 }).toMatch(/Pending/);
    await page().goto(`${session.host.origin}/#/hub`);
    await page()
      .getByRole('table', { name: 'Score uploads' })
      .getByText(/cannot be reached/)
      .waitFor();
    await session.killAndRelaunchBrowser();

    await startTheHub();
    await openQueue();
    await expect
      .poll(() => queueRow(packets.outage.pseudonym).textContent(), { timeout: 60_000, interval: 500 })
      .toMatch(/Uploaded/);
    expect((await scoresOnHub(packets.outage.id)).map((r) => r.candidateFeedback.overall)).toEqual([
      'Submitted while the hub was down.',
    ]);
    // A reload (another app start) sends nothing again.
    await page().reload();
    await queueRow(packets.outage.pseudonym).waitFor();
    await page().waitForTimeout(1_500);
    expect(await scoresOnHub(packets.outage.id)).toHaveLength(1);
    await page().goto(`${session.host.origin}/#/hub`);
    await page()
      .getByRole('table', { name: 'Score uploads' })
      .getByText(/Receipt: hub revision 1/)
      .waitFor();
  });

  it('shows a conflicting edit side by side and uploads the kept version as the next revision', async () => {
    // The same assessor scored this packet elsewhere (another computer) first.
    const token = await signInOverHttp('assessor1');
    const elsewhere: ScoreRecord = {
      id: randomUUID(),
      packetId: packets.conflict.id,
      rubricId: 'cfu-rubric',
      rubricVersion: '1',
      assessorId: 'assessor1',
      revision: 1,
      criteria: [{ criterionId: 'design', levelId: 'l2', rationale: 'Scored on the laptop.' }],
      comments: [],
      decision: { kind: 'not-yet' },
      candidateFeedback: { overall: 'Version from the other computer.', byCriterion: [] },
      privateNotes: '',
      createdAt: new Date().toISOString(),
      submittedAt: new Date().toISOString(),
    };
    await api('PUT', `/api/v1/scores/${elsewhere.id}`, token, { baseRevision: 0, record: elsewhere });

    await scoreAndSubmit(packets.conflict.pseudonym, 'Version from this computer.');
    await openQueue();
    const resolve = queueRow(packets.conflict.pseudonym).getByRole('link', { name: 'Conflict: resolve' });
    await resolve.waitFor({ timeout: 20_000 });
    await resolve.click();
    const compare = page().getByRole('table', { name: 'Both versions of the review' });
    await compare.waitFor();
    const decisionRow = compare.getByRole('row', { name: /Decision/ }).first();
    expect(await decisionRow.textContent()).toMatch(/Earned.*Not yet/);
    await compare.getByText('Version from the other computer.').waitFor();
    await compare.getByText('Version from this computer.').waitFor();
    expect(await scoresOnHub(packets.conflict.id)).toHaveLength(1); // nothing overwritten
    await shot('hub-conflict');
    expect(await axeViolations(page())).toEqual([]);

    await page().getByRole('button', { name: 'Keep mine (upload as revision 2)' }).click();
    await page().getByRole('region', { name: 'Rubric and scoring' }).waitFor();
    await expect
      .poll(async () => (await scoresOnHub(packets.conflict.id)).map((r) => r.candidateFeedback.overall), {
        timeout: 20_000,
      })
      .toEqual(['Version from the other computer.', 'Version from this computer.']);
    await openQueue();
    await expect.poll(() => queueRow(packets.conflict.pseudonym).textContent()).toMatch(/Uploaded/);
  });

  it('rejects evidence whose hash does not match, and downloads it again once the hub serves it right', async () => {
    // The Hub screen is open and connected live: the new assignment appears without a click.
    await page().goto(`${session.host.origin}/#/hub`);
    await page()
      .getByText(/Connected live/)
      .waitFor({ timeout: 20_000 });
    await page().waitForTimeout(3_500); // the page's first look at the hub has happened: what follows is the event's doing
    await uploadAndAssign(packets.badHash);
    const row = page()
      .getByRole('table', { name: 'Assigned packets' })
      .getByRole('row', {
        name: new RegExp(packets.badHash.pseudonym),
      });
    await row.waitFor({ timeout: 15_000 });
    await page().getByRole('button', { name: 'Check for new assignments' }).click();
    await page()
      .getByText(/The hub lists 4 assignments/)
      .waitFor();

    // Corrupt the hub's copy of the CSV (same size, different bytes).
    const csv = (await defaultFiles()).find((f) => f.path === 'data/results.csv')!;
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256').update(csv.data).digest('hex');
    const blob = join(hubDir, 'blobs', 'sha256', digest.slice(0, 2), digest.slice(2, 4), digest);
    const good = await readFile(blob);
    await writeFile(blob, Buffer.from(good.toString('utf8').replace('S02', 'S99')));

    await row.getByRole('button', { name: `Download ${packets.badHash.pseudonym}` }).click();
    await row.getByText(/does not match its sha256/).waitFor();
    expect(await row.getByText('Downloaded', { exact: true }).count()).toBe(0);

    await writeFile(blob, good);
    await row.getByRole('button', { name: `Download ${packets.badHash.pseudonym} again` }).click();
    await row.getByText('Downloaded', { exact: true }).waitFor();
    await shot('hub');
    await row.getByRole('button', { name: 'Open' }).click();
    await page()
      .getByRole('navigation', { name: 'Evidence' })
      .getByRole('button', { name: 'data/results.csv' })
      .click();
    await page().getByRole('cell', { name: 'S02' }).waitFor();
  });

  it('resumes a download that stopped when Anchor closed once the assignments are listed, with no click', async () => {
    await page().goto(`${session.host.origin}/#/hub`);
    await uploadAndAssign(packets.resumed);
    const row = page()
      .getByRole('table', { name: 'Assigned packets' })
      .getByRole('row', { name: new RegExp(packets.resumed.pseudonym) });
    await row.getByRole('button', { name: `Download ${packets.resumed.pseudonym}` }).waitFor({ timeout: 15_000 });

    // What a pull stopped mid-file leaves in assessor1's workspace: the first bytes of a file.
    const csv = (await defaultFiles()).find((f) => f.path === 'data/results.csv')!;
    const { downloadsDir } = (await session.host.backend.hub.currentWorkspace()).store;
    const partial = join(downloadsDir, packets.resumed.id, 'data', 'results.csv.partial');
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, csv.data.subarray(0, 20));

    await page().getByRole('button', { name: 'Check for new assignments' }).click();
    await page()
      .getByText(/The hub lists 5 assignments for you\. Resuming 1 download that stopped when Anchor closed\./)
      .waitFor();
    await row.getByText('Downloaded', { exact: true }).waitFor({ timeout: 15_000 });
  });
});

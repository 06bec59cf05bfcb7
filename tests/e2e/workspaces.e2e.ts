import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { createUser } from '../../src/hub/services/users';
import type { ScoreRecord } from '../../src/shared/domain/score';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../support/packets';
import { AnchorSession } from './support/browser';

// One computer and one browser profile shared by two assessors (a scoring centre's lab), and a
// restart of `npm run web` in the middle of the work: nobody sees anybody else's work, and
// nothing typed is lost.

const PASSWORD = 'correct horse battery';
const SHARED = { id: randomUUID(), pseudonym: 'Candidate W-0101' };
const IMPORTED = { id: randomUUID(), pseudonym: 'Candidate W-0202' };
const PRIVATE_NOTE = 'assessor1 private: the second video looks staged';

let dir: string;
let hub: RunningHub | undefined;
let hubPort = 0;
let session: AnchorSession;
const page = (): Page => session.page;

async function startTheHub(): Promise<void> {
  hub = await startHub({ dataDir: join(dir, 'hub'), port: hubPort, log: () => undefined });
  hubPort = hub.port;
}

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${hubPort}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': body instanceof Uint8Array ? 'application/octet-stream' : 'application/json',
    },
    body: body instanceof Uint8Array ? Buffer.from(body) : body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function packetFile({ id, pseudonym }: { id: string; pseudonym: string }): Promise<string> {
  const files = await defaultFiles();
  return writePacket(dir, `${id}.anchor`, { files, manifest: { ...manifestFor(files, id), candidate: { pseudonym } } });
}

async function scoresOnHub(packetId: string): Promise<ScoreRecord[]> {
  const rows = await hub!.hub.db.query<{ record: ScoreRecord }>('select record from scores where packet_id = $1', [
    packetId,
  ]);
  return rows.map((r) => r.record);
}

async function openQueue(): Promise<void> {
  await page().goto(`${session.host.origin}/#/`);
  await page()
    .getByRole('heading', { name: /Packet queue/ })
    .waitFor();
}

async function signIn(username: string): Promise<void> {
  await page().goto(`${session.host.origin}/#/hub`);
  await page().getByRole('textbox', { name: 'Hub address' }).fill(`http://127.0.0.1:${hubPort}`);
  await page().getByRole('textbox', { name: 'User name' }).fill(username);
  await page().getByLabel('Password').fill(PASSWORD);
  await page().getByRole('button', { name: 'Sign in' }).click();
  await page()
    .getByText(/Signed in to/)
    .waitFor();
}

async function signOut(): Promise<void> {
  await page().goto(`${session.host.origin}/#/hub`);
  await page().getByRole('button', { name: 'Sign out' }).click();
  await page().getByRole('button', { name: 'Sign in' }).waitFor();
}

async function downloadShared(): Promise<void> {
  const row = page()
    .getByRole('table', { name: 'Assigned packets' })
    .getByRole('row', { name: /W-0101/ });
  await row.getByRole('button', { name: /Download/ }).click();
  await row.getByText('Downloaded', { exact: true }).waitFor({ timeout: 30_000 });
}

function queueRow(pseudonym: string) {
  return page().getByRole('row', { name: new RegExp(pseudonym) });
}

async function openPacket(pseudonym: string): Promise<void> {
  await openQueue();
  await queueRow(pseudonym).getByRole('link', { name: 'Checking for Understanding' }).click();
  await page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).waitFor();
}

beforeAll(async () => {
  dir = await tempDir('anchor-e2e-workspaces-');
  await startTheHub();
  await createUser(hub!.hub, { username: 'admin1', password: PASSWORD, roles: ['admin'] }, null);
  const assessors = await Promise.all(
    ['assessor1', 'assessor2'].map((username) =>
      createUser(hub!.hub, { username, password: PASSWORD, roles: ['assessor'] }, null),
    ),
  );
  const session0 = await fetch(`http://127.0.0.1:${hubPort}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin1', password: PASSWORD }),
  });
  const admin = ((await session0.json()) as { accessToken: string }).accessToken;
  const now = Date.now();
  const { id: windowId } = await api<{ id: string }>('POST', '/api/v1/windows', admin, {
    name: 'Spring window',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 14 * 86_400_000).toISOString(),
    decisionsDueAt: new Date(now + 35 * 86_400_000).toISOString(),
  });
  await api('POST', '/api/v1/packets', admin, new Uint8Array(await readFile(await packetFile(SHARED))));
  for (const assessor of assessors)
    await api('POST', '/api/v1/assignments', admin, { windowId, packetId: SHARED.id, assessorId: assessor.id });
  session = await AnchorSession.start();
});

afterAll(async () => {
  await session?.stop();
  await hub?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('workspaces in Chromium: one computer, two assessors, a restart', () => {
  it('keeps a draft of an imported packet across a restart of npm run web (same origin)', async () => {
    await session.importFiles(await packetFile(IMPORTED));
    await queueRow(IMPORTED.pseudonym).waitFor();
    // The local workspace asks once for the name recorded on its reviews.
    const naming = page().getByRole('form', { name: 'Your name on reviews' });
    await naming.getByRole('textbox').fill('Dana Local');
    await naming.getByRole('button', { name: 'Save name' }).click();
    await naming.waitFor({ state: 'detached' });
    await openPacket(IMPORTED.pseudonym);
    await page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).fill('Typed before the restart.');
    await page().waitForTimeout(800); // autosave is within ~250 ms of the last keystroke

    const origin = session.host.origin;
    await session.restartHost();
    expect(session.host.origin).toBe(origin);
    await openPacket(IMPORTED.pseudonym);
    await expect
      .poll(() => page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).inputValue())
      .toBe('Typed before the restart.');
    await openQueue();
    expect(await page().getByRole('form', { name: 'Your name on reviews' }).count()).toBe(0);
  });

  it("shows assessor2 nothing of assessor1's work, and sends assessor1's pending upload only when assessor1 is back", async () => {
    await signIn('assessor1');
    await downloadShared();
    await openQueue();
    // assessor1's queue is theirs: the imported packet stays in the local workspace.
    await queueRow(SHARED.pseudonym).waitFor();
    expect(await queueRow(IMPORTED.pseudonym).count()).toBe(0);

    await openPacket(SHARED.pseudonym);
    await page()
      .getByRole('radiogroup', { name: 'Design of checks' })
      .getByRole('radio', { name: 'Proficient' })
      .click();
    await page().getByRole('radio', { name: 'Earned', exact: true }).check();
    await page().getByRole('textbox', { name: 'Private notes' }).fill(PRIVATE_NOTE);
    await page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).fill('assessor1 feedback');
    // The hub goes down before the submit: the upload waits in assessor1's outbox.
    await hub!.close();
    hub = undefined;
    await page().keyboard.press('Control+Enter');
    await page()
      .getByRole('dialog', { name: 'Submit this review?' })
      .getByRole('button', { name: 'Submit review' })
      .click();
    await page().getByRole('region', { name: 'Submitted review' }).waitFor();
    await openQueue();
    await expect.poll(() => queueRow(SHARED.pseudonym).textContent(), { timeout: 15_000 }).toMatch(/Pending/);

    // Anchor restarts (the hub session lived in its memory only); the hub comes back.
    await session.restartHost();
    await startTheHub();
    await queueRow(IMPORTED.pseudonym).waitFor();
    expect(await queueRow(SHARED.pseudonym).count()).toBe(0);

    await signIn('assessor2');
    await openQueue();
    expect(await queueRow(SHARED.pseudonym).count()).toBe(0); // not downloaded in assessor2's workspace
    await page().goto(`${session.host.origin}/#/hub`);
    await downloadShared();
    await openPacket(SHARED.pseudonym);
    expect(await page().getByRole('textbox', { name: 'Private notes' }).inputValue()).toBe('');
    expect(await page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).inputValue()).toBe('');
    expect(await page().getByText(PRIVATE_NOTE).count()).toBe(0);
    expect(
      await page()
        .getByRole('button', { name: /Reopen/ })
        .count(),
    ).toBe(0);
    await page().waitForTimeout(1_500);
    expect(await scoresOnHub(SHARED.id)).toEqual([]); // assessor1's upload did not go under assessor2

    await signOut();
    await signIn('assessor1');
    await openQueue();
    await expect
      .poll(() => queueRow(SHARED.pseudonym).textContent(), { timeout: 60_000, interval: 500 })
      .toMatch(/Uploaded/);
    const stored = await scoresOnHub(SHARED.id);
    expect(stored.map((r) => [r.assessorId, r.privateNotes])).toEqual([['assessor1', PRIVATE_NOTE]]);
  });
});

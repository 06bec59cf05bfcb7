import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub } from '../../src/hub/server';
import { startHubFromTemplate } from '../support/hub-start';
import { createUser } from '../../src/hub/services/users';
import type { ScoreRecord } from '../../src/shared/domain/score';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../support/packets';
import { HubScreen } from './drivers/hub';
import { QueueScreen } from './drivers/queue';
import { ReviewScreen } from './drivers/review';
import { AnchorSession } from './support/browser';
import { hubApi } from './support/hub-api';

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
  hub = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: hubPort, log: () => undefined });
  hubPort = hub.port;
}

const api = <T>(method: string, path: string, token: string, body?: unknown) =>
  hubApi<T>(`http://127.0.0.1:${hubPort}`, method, path, token, body);

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

const queue = () => new QueueScreen(page(), session.host.origin);
const hubScreen = () => new HubScreen(page(), session.host.origin);
const review = () => new ReviewScreen(page());
const signIn = (username: string) => hubScreen().signIn(`http://127.0.0.1:${hubPort}`, username, PASSWORD);

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
    await queue().row(IMPORTED.pseudonym).waitFor();
    await queue().giveName('Dana Local');
    await queue().openPacket(IMPORTED.pseudonym);
    await review().feedback().fill('Typed before the restart.');
    await page().waitForTimeout(800); // autosave is within ~250 ms of the last keystroke

    const origin = session.host.origin;
    await session.restartHost();
    expect(session.host.origin).toBe(origin);
    await queue().openPacket(IMPORTED.pseudonym);
    await expect.poll(() => review().feedback().inputValue()).toBe('Typed before the restart.');
    await queue().open();
    expect(await queue().nameForm().count()).toBe(0); // asked once
  });

  it("shows assessor2 nothing of assessor1's work, and sends assessor1's pending upload only when assessor1 is back", async () => {
    await signIn('assessor1');
    await hubScreen().download(SHARED.pseudonym);
    await queue().open();
    await queue().row(SHARED.pseudonym).waitFor();
    expect(await queue().hasPacket(IMPORTED.pseudonym)).toBe(false); // the imported one is the local workspace's

    await queue().openPacket(SHARED.pseudonym);
    await review().chooseLevel('Design of checks', 'Proficient');
    await review().decide('Earned');
    await review().privateNotes().fill(PRIVATE_NOTE);
    await review().feedback().fill('assessor1 feedback');
    // The hub goes down before the submit: the upload waits in assessor1's outbox.
    await hub!.close();
    hub = undefined;
    await review().submit();
    await queue().open();
    await expect.poll(() => queue().row(SHARED.pseudonym).textContent(), { timeout: 15_000 }).toMatch(/Pending/);

    // Anchor restarts (the hub session lived in its memory only); the hub comes back.
    await session.restartHost();
    await startTheHub();
    await queue().row(IMPORTED.pseudonym).waitFor();
    expect(await queue().hasPacket(SHARED.pseudonym)).toBe(false);

    await signIn('assessor2');
    await queue().open();
    expect(await queue().hasPacket(SHARED.pseudonym)).toBe(false); // not downloaded in assessor2's workspace
    await hubScreen().download(SHARED.pseudonym);
    await queue().openPacket(SHARED.pseudonym);
    expect(await review().privateNotes().inputValue()).toBe('');
    expect(await review().feedback().inputValue()).toBe('');
    expect(await page().getByText(PRIVATE_NOTE).count()).toBe(0);
    expect(
      await page()
        .getByRole('button', { name: /Reopen/ })
        .count(),
    ).toBe(0);
    await page().waitForTimeout(1_500);
    expect(await scoresOnHub(SHARED.id)).toEqual([]); // assessor1's upload did not go under assessor2

    await hubScreen().signOut();
    await signIn('assessor1');
    await queue().open();
    await expect
      .poll(() => queue().row(SHARED.pseudonym).textContent(), { timeout: 60_000, interval: 500 })
      .toMatch(/Uploaded/);
    const stored = await scoresOnHub(SHARED.id);
    expect(stored.map((r) => [r.assessorId, r.privateNotes])).toEqual([['assessor1', PRIVATE_NOTE]]);
  });
});

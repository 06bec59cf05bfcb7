import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormingReport } from '../../src/shared/contract/norming';
import { createUser } from '../../src/hub/services/users';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../support/packets';
import { HubScreen } from './drivers/hub';
import { NormingScreens } from './drivers/norming';
import { NormingBoard } from './drivers/norming-board';
import { AnchorSession } from './support/browser';
import { PASSWORD, startNormingHub, type NormingHub } from './support/norming-hub';

// A calibration room: a facilitator and three assessors, each in their own Anchor (own host, own
// Chromium profile), against one hub. They score blind at the same time, the board shows who has
// submitted, the reveal reaches every screen with the hub's figures, closing records who
// qualified, and a review window that requires the qualification refuses the one who did not —
// and their own screen says why.

const CRITERION = 'Design of checks';
const LABEL: Record<string, string> = { l1: 'Beginning', l2: 'Developing', l3: 'Proficient', l4: 'Exemplary' };
/**
 * Masters l3 and l4; each assessor's levels on the two anchors (all at or above the rule's cut, so
 * "Earned" is the decision the rule implies): assessor1 matches both masters, assessor3 neither.
 */
const CHOICES: Record<string, [string, string]> = {
  assessor1: ['l3', 'l4'],
  assessor2: ['l3', 'l3'],
  assessor3: ['l4', 'l3'],
};
const rationaleOf = (username: string) => `RATIONALE-OF-${username.toUpperCase()}`;

let hub: NormingHub;
let facilitator: AnchorSession;
const assessors: Record<string, AnchorSession> = {};
const title = 'Checking for understanding: spring calibration';

beforeAll(async () => {
  hub = await startNormingHub({ participants: 3, masters: ['l3', 'l4'] });
  const [f, ...rest] = await Promise.all([
    AnchorSession.start(),
    ...Object.keys(CHOICES).map(() => AnchorSession.start()),
  ]);
  facilitator = f!;
  Object.keys(CHOICES).forEach((name, i) => (assessors[name] = rest[i]!));
  await Promise.all([
    new HubScreen(facilitator.page, facilitator.host.origin).signIn(hub.url, 'facilitator1', PASSWORD),
    ...Object.entries(assessors).map(([name, app]) =>
      new HubScreen(app.page, app.host.origin).signIn(hub.url, name, PASSWORD),
    ),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([facilitator?.stop(), ...Object.values(assessors).map((app) => app.stop())]);
  await hub?.close();
});

/** Everything a page holds, hidden text included: blind means not there at all. */
const html = (app: AnchorSession) => app.page.evaluate(() => document.documentElement.innerHTML);

describe('a calibration room: a facilitator and three assessors at once', () => {
  it('the assessors score blind in parallel while the board shows who has submitted, never a level', async () => {
    const board = await new NormingBoard(facilitator.page).openFromHub(facilitator.host.origin, title);
    await Promise.all(
      Object.entries(assessors).map(async ([name, app]) => {
        const norming = new NormingScreens(app.page, app.host.origin);
        await norming.openFromHub();
        await norming.openSession(title);
        await app.page.getByRole('button', { name: /^Download all anchors/ }).click();
        for (const anchor of hub.anchors) {
          await norming.anchorRow(anchor.pseudonym).getByText('On this computer').waitFor({ timeout: 60_000 });
        }
        for (const [i, anchor] of hub.anchors.entries()) {
          await norming.startScoring(anchor.pseudonym);
          await norming.scoreAndSubmit(CRITERION, LABEL[CHOICES[name]![i]!]!, rationaleOf(name));
          await norming.backToSession();
        }
        for (const anchor of hub.anchors) {
          await expect
            .poll(() => norming.anchorRow(anchor.pseudonym).textContent(), { timeout: 30_000 })
            .toMatch(/Received by the session/);
        }
      }),
    );
    // Every submission on the board, and nothing of the levels before the reveal.
    for (const name of Object.keys(CHOICES)) {
      for (let a = 0; a < hub.anchors.length; a++) {
        await expect.poll(() => board.cell(name, a).textContent(), { timeout: 15_000 }).toMatch(/Submitted/);
      }
    }
    expect(await html(facilitator)).not.toMatch(/RATIONALE-OF-/);
    // No assessor's screen holds anything of another's work or of the master.
    for (const [name, app] of Object.entries(assessors)) {
      const page = await html(app);
      for (const other of Object.keys(CHOICES).filter((n) => n !== name)) {
        expect(page).not.toContain(rationaleOf(other));
        expect(page).not.toContain(other);
      }
      expect(page).not.toContain('Checks align to the objective and are used.'); // the master's rationale
    }
  });

  it('the reveal reaches every screen; the board shows the hub’s distribution', async () => {
    const board = new NormingBoard(facilitator.page);
    await board.reveal();
    const report = await hub.api<NormingReport>('GET', `/api/v1/norming/sessions/${hub.sessionId}/report`);
    const criterion = report.criteria[0]!;
    for (const [a, anchor] of hub.anchors.entries()) {
      const counts = criterion.anchors.find((x) => x.packetId === anchor.packetId)!.counts;
      const expected = Object.fromEntries(Object.entries(LABEL).map(([id, label]) => [label, counts[id] ?? 0]));
      expect(await board.distribution(CRITERION, `Anchor ${a + 1} (${anchor.pseudonym})`)).toEqual(expected);
    }
    expect(criterion.anchors[1]!.counts).toEqual({ l1: 0, l2: 0, l3: 2, l4: 1 });
    await Promise.all(
      Object.entries(assessors).map(async ([name, app]) => {
        const revealed = new NormingScreens(app.page, app.host.origin).revealed();
        await revealed.waitFor({ timeout: 20_000 });
        const text = await html(app);
        for (const other of Object.keys(CHOICES).filter((n) => n !== name)) expect(text).not.toContain(other);
      }),
    );
  });

  it('closing records who qualified; a window requiring the qualification refuses the others, and their screen says why', async () => {
    const board = new NormingBoard(facilitator.page);
    await board.closeSession();
    const results = await board.qualifications();
    expect(results.assessor1?.join(' ')).toMatch(/Qualified|Yes/);
    expect(results.assessor3?.join(' ')).toMatch(/Not qualified|No/);

    const admin = await createUser(hub.running.hub, { username: 'admin2', password: PASSWORD, roles: ['admin'] }, null);
    const adminToken = (await hub.running.hub.tokens.signIn(admin.id)).accessToken;
    const now = Date.now();
    const window = await fetch(`${hub.url}/api/v1/windows`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Spring window (qualified assessors)',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 14 * 86_400_000).toISOString(),
        decisionsDueAt: new Date(now + 35 * 86_400_000).toISOString(),
        requiredQualification: 'cfu',
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const assessor3 = hub.participants.find((p) => p.username === 'assessor3')!;
    const files = await defaultFiles();
    const livePacket = randomUUID();
    const file = await writePacket(await tempDir('anchor-room-'), `${livePacket}.anchor`, {
      files,
      manifest: manifestFor(files, livePacket),
    });
    const uploaded = await fetch(`${hub.url}/api/v1/packets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(await readFile(file)),
    });
    expect(uploaded.status).toBe(201);
    const refused = await fetch(`${hub.url}/api/v1/assignments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ windowId: window.id, packetId: livePacket, assessorId: assessor3.id }),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not-qualified');

    const app = assessors.assessor3!;
    await app.page.goto(`${app.host.origin}/#/hub`);
    await app.page.getByRole('button', { name: 'Check for new assignments' }).click();
    const note = app.page.getByRole('note', { name: 'Qualification needed' });
    await note.waitFor({ timeout: 15_000 });
    expect(await note.textContent()).toMatch(/Spring window \(qualified assessors\).*qualification session/s);
    const qualified = assessors.assessor1!;
    await qualified.page.goto(`${qualified.host.origin}/#/hub`);
    await qualified.page.getByRole('button', { name: 'Check for new assignments' }).click();
    await qualified.page
      .getByRole('status')
      .filter({ hasText: /The hub lists/ })
      .waitFor();
    expect(await qualified.page.getByRole('note', { name: 'Qualification needed' }).count()).toBe(0);
    // Each sees where they stand on their own Hub screen, and nobody else's standing.
    const standing = (page: typeof app.page) =>
      page.getByRole('table', { name: 'Your qualifications' }).getByRole('row', { name: /cfu/ }).innerText();
    await expect(standing(qualified.page)).resolves.toMatch(/Current until/);
    await expect(standing(app.page)).resolves.toMatch(/Not qualified: calibrate again/);
    expect(await app.page.getByRole('table', { name: 'Your qualifications' }).innerText()).not.toMatch(/assessor1/);
  });
});

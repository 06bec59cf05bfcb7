import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/hub/services/users';
import { findUserForSignIn } from '../../src/hub/store/users';
import { scoreRecord } from '../support/packets';
import { HubScreen } from './drivers/hub';
import { AnchorSession } from './support/browser';
import { PASSWORD, startCommitteeHub, type CommitteeHub } from './support/committee-hub';
import { hubApi } from './support/hub-api';

// A scoring lead back-reads a scored packet of the window — reads both scorings, leaves a private
// note, sends it to adjudication — and a chair then finds those actions in the audit trail,
// filtered, and downloads the filtered trail as CSV.

const SHOTS = process.env.ANCHOR_SCREENSHOTS ?? join(import.meta.dirname, '../../out/screenshots');

let hub: CommitteeHub;
let app: AnchorSession;
let signIn: HubScreen;

beforeAll(async () => {
  hub = await startCommitteeHub();
  await createUser(hub.running.hub, { username: 'lead1', password: PASSWORD, roles: ['lead'] }, null);
  // assessor1 revises their scoring of Agreeing with a comment on page 1 of the lesson plan.
  const assessor = (await findUserForSignIn(hub.running.hub.db, 'assessor1'))!;
  const record = scoreRecord(hub.packets.Agreeing!, 'assessor1', {
    revision: 2,
    criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'Seen in the lesson video.' }],
    comments: [
      {
        id: randomUUID(),
        criterionId: 'design',
        text: 'The exit ticket matches the objective.',
        anchor: { kind: 'pdf', itemId: 'item-1', page: 1 },
      },
    ],
  });
  const token = (await hub.running.hub.tokens.signIn(assessor.id)).accessToken;
  await hubApi(hub.url, 'PUT', `/api/v1/scores/${record.id}`, token, { baseRevision: 1, record });
  app = await AnchorSession.start();
  signIn = new HubScreen(app.page, app.host.origin);
  await mkdir(SHOTS, { recursive: true });
  await app.page.setViewportSize({ width: 1300, height: 1100 });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await hub?.close();
});

it('a lead back-reads a packet, leaves a note and sends it to adjudication; a chair filters the audit trail and downloads it', async () => {
  const page = app.page;
  await signIn.signIn(hub.url, 'lead1', PASSWORD);
  await page.getByRole('link', { name: hub.windowName }).click();
  await page.getByRole('table', { name: 'Scored packets' }).waitFor();
  await page.getByRole('link', { name: 'Agreeing' }).click();
  const comparison = page.getByRole('table', { name: 'The two scorings' });
  await expect(comparison.innerText()).resolves.toMatch(/assessor1[\s\S]*assessor2/);
  // The evidence where a comment points: downloaded (verified) into the lead's library, opened at
  // that item; Back returns to the back-reading.
  await page.getByRole('button', { name: 'Open the evidence at docs/lesson-plan.pdf, page 1' }).click();
  await page.waitForURL(new RegExp(`#/packet/${hub.packets.Agreeing}/item-1`));
  await page.getByRole('heading', { level: 2, name: 'docs/lesson-plan.pdf' }).waitFor();
  await page.goBack();
  await page.getByRole('button', { name: 'Open the evidence', exact: true }).waitFor();

  await page.getByRole('textbox', { name: 'Note' }).fill('Both rationales cite the video but not the plan.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('list', { name: 'Notes' }).getByText('Both rationales cite the video').waitFor();
  await page.getByRole('textbox', { name: 'Reason for adjudication' }).fill('Level 3 is not supported by the plan.');
  await page.getByRole('button', { name: 'Send to adjudication' }).click();
  await page.getByText('Sent by a back-reader: Level 3 is not supported by the plan.').waitFor();
  await page.screenshot({ path: join(SHOTS, 'back-reading.png'), fullPage: true });

  await signIn.signOut();
  await signIn.signIn(hub.url, 'chair1', PASSWORD);
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByRole('table', { name: 'Audit entries' }).waitFor();
  await page.getByRole('textbox', { name: 'Actor' }).fill('lead1');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const table = page.getByRole('table', { name: 'Audit entries' });
  // Only lead1's entries, newest first: the sign-out on top, then the adjudication after the last reading.
  const column = (n: number) => table.locator(`tbody tr td:nth-child(${n})`).allInnerTexts();
  await expect
    .poll(async () => (await column(3)).slice(0, 3))
    .toEqual(['session.sign-out', 'back-reading.read', 'adjudication.open']);
  expect(await column(3)).toEqual(expect.arrayContaining(['back-reading.note', 'session.sign-in']));
  expect(new Set(await column(2))).toEqual(new Set(['lead1']));
  await table
    .getByRole('button', { name: /Details of entry/ })
    .nth(2)
    .click();
  await expect(table.locator('pre').first().innerText()).resolves.toMatch(/"kind": "back-read"/);
  await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe('id,at,actor,action,subject,detail');
  expect(lines.slice(1).every((line) => line.includes(',lead1,'))).toBe(true);
  expect(lines.slice(1).map((line) => line.split(',')[3])).toContain('back-reading.note');
}, 20_000);

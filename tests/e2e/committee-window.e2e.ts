import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorerQuality } from '../../src/shared/contract/scorer-quality';
import { AdjudicationScreens } from './drivers/adjudication';
import { HubScreen } from './drivers/hub';
import { QueueScreen } from './drivers/queue';
import { ReviewScreen } from './drivers/review';
import { WindowDashboardPage } from './drivers/window-dashboard';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { ASSESSORS, PASSWORD, startCommitteeWindow, type CommitteeWindow } from './support/committee-window';

// The committee's story, from assignment to release: three assessors, each in their own Anchor,
// score their queues — a validity packet among the live ones — and the policy routes every packet
// to a second, blind scorer; one pair lands two levels apart and goes to adjudication. chair1
// resolves it, decides it with the thread and the suggested feedback, decides the agreeing ones in
// a batch and releases. Nothing is candidate-facing before the release; afterwards the platform
// account reads exactly the released outcomes. chair2, conflicted with Northside, never sees that packet.

const SHOTS = process.env.ANCHOR_SCREENSHOTS ?? join(import.meta.dirname, '../../out/screenshots');
type Assessor = (typeof ASSESSORS)[number];

let hub: CommitteeWindow;
let chair: AnchorSession;
let conflicted: AnchorSession;
const assessors = {} as Record<Assessor, AnchorSession>;

beforeAll(async () => {
  const [started, ...sessions] = await Promise.all([
    startCommitteeWindow(),
    ...Array.from({ length: 2 + ASSESSORS.length }, () => AnchorSession.start()),
  ]);
  hub = started as CommitteeWindow;
  [chair, conflicted] = sessions as [AnchorSession, AnchorSession];
  ASSESSORS.forEach((name, i) => (assessors[name] = sessions[2 + i] as AnchorSession));
  const signIn = (app: AnchorSession, username: string) =>
    new HubScreen(app.page, app.host.origin).signIn(hub.url, username, PASSWORD);
  await Promise.all([
    signIn(chair, 'chair1'),
    signIn(conflicted, 'chair2'),
    ...ASSESSORS.map((name) => signIn(assessors[name], name)),
  ]);
  await mkdir(SHOTS, { recursive: true });
  await chair.page.setViewportSize({ width: 1300, height: 1400 });
}, 180_000);

afterAll(async () => {
  await Promise.all([chair?.stop(), conflicted?.stop(), ...Object.values(assessors).map((app) => app.stop())]);
  await hub?.close();
});

/**
 * The level an assessor gives: "Apart" splits its scorers (the first reads it as Exemplary, the
 * second as Developing), everything else — the validity packet too — is Proficient.
 */
function levelFor(pseudonym: string, round: 'first' | 'second'): 'Proficient' | 'Exemplary' | 'Developing' {
  if (pseudonym !== 'Apart') return 'Proficient';
  return round === 'first' ? 'Exemplary' : 'Developing';
}

/**
 * One assessor's turn, in their own Anchor: the assignments arrive on the Hub screen, are
 * downloaded and verified, each packet is scored on the review screen and submitted, and the
 * outbox uploads it. A second scorer reads nothing of the first scoring while scoring.
 */
async function scoreQueue(name: Assessor, pseudonyms: string[], round: 'first' | 'second'): Promise<void> {
  const app = assessors[name];
  const hubScreen = await new HubScreen(app.page, app.host.origin).open();
  const listed = await hubScreen.assignedPseudonyms(round === 'first' ? pseudonyms.length : pseudonyms.length + 2);
  expect(listed).toEqual(expect.arrayContaining(pseudonyms));
  await hubScreen.downloadAll();
  const queue = new QueueScreen(app.page, app.host.origin);
  const review = new ReviewScreen(app.page);
  for (const pseudonym of pseudonyms) {
    await queue.openPacket(pseudonym);
    // Blind: no other scorer's judgement is anywhere in the page, not even hidden.
    await expect(app.page.evaluate(() => document.documentElement.innerHTML)).resolves.not.toMatch(
      /the lesson plan is clear|seen in the lesson plan/,
    );
    const level = levelFor(pseudonym, round);
    await review.chooseLevel('Design of checks', level);
    await review.rationale('Design of checks').fill(`${name}: seen in the lesson plan.`);
    await review.decide(level === 'Developing' ? 'Not yet' : 'Earned');
    if (level === 'Developing')
      await review.criterionFeedback('Design of checks').fill('Align each check to the objective.');
    await review.feedback().fill(`${name}: the lesson plan is clear.`);
    await review.submit();
  }
  await queue.open();
  for (const pseudonym of pseudonyms)
    await expect.poll(() => queue.row(pseudonym).innerText(), { timeout: 30_000 }).toMatch(/Uploaded/);
}

const releases = () => `/api/v1/releases?windowId=${hub.windowId}`;
const report = (packetId: string) => `/api/v1/windows/${hub.windowId}/packets/${packetId}/candidate-report`;

describe('a committee window from assignment to release', () => {
  it('three assessors score their queues in their own Anchor, and the policy routes each packet to a second, blind scorer', async () => {
    // Automatic assignment gave each assessor one live packet and seeded the validity packet beside it.
    const firsts = await Promise.all(ASSESSORS.map((name) => hub.assignedTo(name)));
    for (const mine of firsts) expect([mine.length, mine.includes('Master')]).toEqual([2, true]);
    await Promise.all(ASSESSORS.map((name, i) => scoreQueue(name, firsts[i]!, 'first')));
    // The hub routes a second scoring of every live packet (never the validity packet) as the uploads land.
    await hub.until((d) => d.packets.filter((p) => p.assessors.length === 2).length === 3);
    const seconds = await Promise.all(
      ASSESSORS.map(async (name, i) => (await hub.assignedTo(name)).filter((p) => !firsts[i]!.includes(p))),
    );
    expect(seconds.flat().sort()).toEqual(['Agreeing', 'Apart', 'Northside']);
    await Promise.all(
      ASSESSORS.map((name, i) => (seconds[i]!.length ? scoreQueue(name, seconds[i]!, 'second') : null)),
    );
    await hub.until((d) => d.counts['in-adjudication'] === 1 && d.counts['double-scored'] === 2);
    const dashboard = await hub.dashboard();
    expect(dashboard.packets.map((p) => p.pseudonym).sort()).toEqual(['Agreeing', 'Apart', 'Northside']);
    // Each assessor's reading of the validity packet counts towards their accuracy, and only there.
    const quality = await hub.as<ScorerQuality>('chair1', 'GET', `/api/v1/windows/${hub.windowId}/scorers`);
    const accuracy = quality.scorers.map((s) => [s.username, s.validity.packets, s.validity.exact]);
    expect(accuracy.sort()).toEqual(ASSESSORS.map((name) => [name, 1, 1]));
  }, 180_000);

  it('has nothing candidate-facing before the release', async () => {
    await expect(hub.as('platform1', 'GET', releases())).resolves.toEqual({ outcomes: [] });
    await expect(hub.status('chair1', report(hub.packets.Agreeing!))).resolves.toBe(409);
  });

  it('hides the conflicted packet from the conflicted chair, on screen and on the hub', async () => {
    const dashboard = await new WindowDashboardPage(conflicted.page).openFromHub(
      conflicted.host.origin,
      hub.windowName,
    );
    await dashboard.row('Agreeing').waitFor();
    await expect(dashboard.table().innerText()).resolves.not.toMatch(/Northside/);
    const decision = `/api/v1/windows/${hub.windowId}/packets/${hub.packets.Northside}/decision`;
    await expect(hub.status('chair2', decision)).resolves.toBe(404);
    await conflicted.page.goto(
      `${conflicted.host.origin}/#/windows/${hub.windowId}/packets/${hub.packets.Northside}/decision`,
    );
    await conflicted.page.getByRole('alert').waitFor();
    await expect(conflicted.page.locator('main').innerText()).resolves.not.toMatch(/Northside|assessor/);
  }, 60_000);

  it('resolves the adjudication with both scorings in view', async () => {
    const page = chair.page;
    const adjudication = new AdjudicationScreens(page);
    const review = new ReviewScreen(page);
    const dashboard = await new WindowDashboardPage(page).openFromHub(chair.host.origin, hub.windowName);
    // The row opens the adjudication itself: its summary with the two scorings.
    await dashboard
      .row('Apart')
      .getByRole('link', { name: /Adjudicate/ })
      .click();
    await page.waitForURL(/#\/windows\/[^/]+\/adjudications\/[^/]+$/);
    await adjudication.scorings().waitFor();
    // The evidence comes from the hub, verified, and opens beside the rubric with both scorings in view.
    await adjudication.resolveWithTheEvidence();
    await review.openEvidence('docs/lesson-plan.pdf');
    await expect(adjudication.scorings().innerText()).resolves.toMatch(/Exemplary[\s\S]*Developing/);
    await expect(adjudication.criterion('Design of checks').innerText()).resolves.toMatch(
      /Discrepant \(2 levels apart\): assessor\d Exemplary \(4\) · assessor\d Developing \(2\)/,
    );
    await review.chooseLevel('Design of checks', 'Proficient');
    await adjudication.rationale('Design of checks').fill('The plan shows the checks aligned to the objective.');
    await review.decide('Earned');
    await review.privateNotes().fill('Closer to the higher scorer.');
    // The resolution in progress survives a reload.
    await adjudication.saved();
    await page.reload();
    await expect(adjudication.rationale('Design of checks').inputValue()).resolves.toBe(
      'The plan shows the checks aligned to the objective.',
    );
    await expect(review.privateNotes().inputValue()).resolves.toBe('Closer to the higher scorer.');
    await adjudication.pdfShown('docs/lesson-plan.pdf');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'adjudication.png') });
    await adjudication.record();
    // Back on the summary: the resolution beside the originals, which stay as they were.
    const resolution = await adjudication.resolution().innerText();
    expect(resolution).toMatch(/Resolved by chair1/);
    expect(resolution).toMatch(/Design of checks: Proficient — The plan shows the checks aligned to the objective\./);
    expect(resolution).toMatch(/Note: Closer to the higher scorer\./);
    await expect(adjudication.scorings().innerText()).resolves.toMatch(/Exemplary[\s\S]*Developing/);
    await expect(page.getByRole('link', { name: 'Resolve with the evidence' }).count()).resolves.toBe(0);
  }, 60_000);

  it('decides the adjudicated packet with the thread and the assessors’ feedback', async () => {
    const page = chair.page;
    // chair2 (not conflicted with Apart) has the same packet open: the thread updates by itself.
    await conflicted.page.goto(
      `${conflicted.host.origin}/#/windows/${hub.windowId}/packets/${hub.packets.Apart}/decision`,
    );
    await conflicted.page.getByRole('heading', { name: 'Committee thread' }).waitFor();
    await page.getByRole('link', { name: 'Open the decision' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Resolution looks right to me.');
    await page.getByRole('button', { name: 'Post to thread' }).click();
    await page.getByRole('list', { name: 'Thread messages' }).getByText('Resolution looks right to me.').waitFor();
    await conflicted.page
      .getByRole('list', { name: 'Thread messages' })
      .getByText('Resolution looks right to me.')
      .waitFor({ timeout: 5000 });
    const overall = page.getByRole('group', { name: 'Overall feedback' });
    await expect(overall.innerText()).resolves.toMatch(/from assessor/);
    await page.getByRole('textbox', { name: 'Reason (for the record)' }).fill('Adjudicated.');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'decision.png'), fullPage: true });
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('heading', { name: 'Recorded decision' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/Dana Reyes/);
    await page.getByRole('textbox', { name: 'Reason for revealing' }).fill('The platform needs the name to issue.');
    await page.getByRole('button', { name: 'Reveal identity…' }).click();
    const dialog = page.getByRole('dialog', { name: "Reveal the candidate's identity?" });
    await expect(dialog.innerText()).resolves.toMatch(/cannot be undone/);
    await dialog.getByRole('button', { name: 'Reveal identity' }).click();
    await page.getByText('Dana Reyes <dana@example.org>').waitFor();
  }, 60_000);

  it('decides the agreeing packets in a batch and releases the window after a confirmation', async () => {
    const page = chair.page;
    const dashboard = await new WindowDashboardPage(page).openFromHub(chair.host.origin, hub.windowName);
    await page.getByRole('button', { name: 'Select double-scored' }).click();
    await page.getByRole('button', { name: 'Decide 2 selected in a batch' }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Batch result' }).innerText())
      .toMatch(/2 decided, 0 skipped/);
    await page.getByRole('button', { name: 'Release decisions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Release 3 decisions?' });
    await expect(dialog.innerText()).resolves.toMatch(/cannot be undone/);
    await dialog.getByRole('button', { name: 'Release now' }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Release result' }).innerText())
      .toMatch(/Released 3 decisions/);
    await expect.poll(() => dashboard.row('Apart').innerText()).toMatch(/Released/);
    // Only now does the decision screen offer the candidate report.
    await dashboard
      .row('Apart')
      .getByRole('link', { name: /Decision/ })
      .click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download candidate report (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^candidate-report-.*\.pdf$/);
  }, 60_000);

  it('gives the platform exactly the released outcomes afterwards', async () => {
    const { outcomes } = await hub.as<{ outcomes: { packetId: string; pseudonym: string }[] }>(
      'platform1',
      'GET',
      releases(),
    );
    expect(outcomes.map((o) => o.pseudonym).sort()).toEqual(['Agreeing', 'Apart', 'Northside']);
    expect(outcomes.map((o) => o.packetId)).not.toContain(hub.packets.Master);
    await expect(hub.status('chair1', report(hub.packets.Apart!))).resolves.toBe(200);
    await expect(hub.status('chair2', report(hub.packets.Northside!))).resolves.toBe(404);
  });
});

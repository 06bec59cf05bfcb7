import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormingReport, NormingSessionView } from '../../src/shared/contract/norming';
import { HubScreen } from './drivers/hub';
import { NormingBoard } from './drivers/norming-board';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { PASSWORD, startNormingHub, type NormingHub } from './support/norming-hub';

// The facilitator's story: a board open while three assessors score through the hub, each
// submission shown as it happens; the reveal with the hub's own figures; consensus with a master
// changed for a reason; closing records the qualifications.

const SHOTS = process.env.ANCHOR_SCREENSHOTS ?? join(import.meta.dirname, '../../out/screenshots');
const CRITERION = 'Design of checks';
const LABEL = { l1: 'Beginning', l2: 'Developing', l3: 'Proficient', l4: 'Exemplary' } as const;
/** Each participant's levels on anchors 1–3 (masters l3, l2, l4). */
const CHOICES: Record<string, (keyof typeof LABEL)[]> = {
  assessor1: ['l3', 'l2', 'l4'],
  assessor2: ['l3', 'l3', 'l4'],
  assessor3: ['l2', 'l1', 'l3'],
};

let hub: NormingHub;
let app: AnchorSession;
let board: NormingBoard;
const anchorLabel = (i: number) => `Anchor ${i + 1} (${hub.anchors[i]!.pseudonym})`;

beforeAll(async () => {
  // assessor4 scores only after the reveal (late), to be reopened.
  hub = await startNormingHub({ participants: 4 });
  app = await AnchorSession.start();
  await new HubScreen(app.page, app.host.origin).signIn(hub.url, 'facilitator1', PASSWORD);
  await mkdir(SHOTS, { recursive: true });
  // Tall enough that a screenshot holds the whole board (the screen scrolls inside, not the page).
  await app.page.setViewportSize({ width: 1300, height: 2200 });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await hub?.close();
});

describe('the facilitator’s norming board', () => {
  it('shows each submission live, within a second of the PUT', async () => {
    board = await new NormingBoard(app.page).openFromHub(
      app.host.origin,
      'Checking for understanding: spring calibration',
    );
    await expect(board.cell('assessor1', 0).innerText()).resolves.toMatch(/Waiting/);
    const latencies: number[] = [];
    for (let a = 0; a < 3; a++) {
      for (const participant of hub.participants.slice(0, 3)) {
        const start = Date.now();
        await hub.score(participant, hub.anchors[a]!.packetId, CHOICES[participant.username]![a]!);
        await board.cell(participant.username, a).getByText('Submitted').waitFor({ timeout: 5_000 });
        latencies.push(Date.now() - start);
      }
    }
    await board.announcement().getByText(`assessor3 submitted Anchor 3`).waitFor();
    await expect(
      board
        .grid()
        .getByRole('row', { name: /^Submitted/ })
        .innerText(),
    ).resolves.toMatch(/9\/12/);
    const sorted = [...latencies].sort((x, y) => x - y);
    console.log(
      `norming board: PUT → board shows it, ms: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)}, all ${latencies.join(' ')}`,
    );
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    await app.page.screenshot({ path: join(SHOTS, 'norming-board-before-reveal.png'), fullPage: true });
  }, 60_000);

  it('reveals the distribution and statistics the hub reports, and who is furthest from the master', async () => {
    await board.reveal();
    await expect.poll(() => board.focused()).toMatch(/^Design of checks/);
    const report = await hub.api<NormingReport>('GET', `/api/v1/norming/sessions/${hub.sessionId}/report`);
    const criterion = report.criteria[0]!;
    for (let a = 0; a < 3; a++) {
      const counts = criterion.anchors.find((x) => x.packetId === hub.anchors[a]!.packetId)!.counts;
      const expected = Object.fromEntries(Object.entries(LABEL).map(([id, label]) => [label, counts[id] ?? 0]));
      expect(await board.distribution(CRITERION, anchorLabel(a))).toEqual(expected);
    }
    const shown = await board.statistics(CRITERION);
    // The hub's numbers, formatted here independently of the board's own code.
    const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
    const coef = (v: number | null) => (v === null ? '—' : v.toFixed(3));
    expect(shown).toEqual({
      'Exact agreement': pct(criterion.exactAgreement),
      'Adjacent agreement': pct(criterion.adjacentAgreement),
      'Gwet’s AC1': coef(criterion.gwetAC1),
      'Fleiss’ kappa': coef(criterion.fleissKappa),
      'Krippendorff’s α (ordinal)': coef(criterion.krippendorffAlphaOrdinal),
    });
    expect((await board.furthest(CRITERION))[0]).toMatch(
      /^assessor3: 3 levels away over 3 anchors \(below the master\)/,
    );
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.screenshot({ path: join(SHOTS, 'norming-board-after-reveal.png'), fullPage: true });
  }, 60_000);

  it('records consensus with a master changed for a reason, kept in the history', async () => {
    await board.recordConsensus(CRITERION, {
      notes: 'Anchor 2: the exit ticket regroups students the next day.',
      rationale: 'Regrouping on the evidence is adjusting instruction: Proficient.',
      change: { anchorLabel: anchorLabel(1), level: 'Proficient', reason: 'The checks do adjust the next lesson.' },
    });
    const history = await board.masterHistory(anchorLabel(1));
    expect(history).toHaveLength(2);
    expect(history[1]).toMatch(/Revision 2: Proficient .*The checks do adjust the next lesson\./);
    const session = await hub.api<NormingSessionView>('GET', `/api/v1/norming/sessions/${hub.sessionId}`);
    expect(session.anchors[1]!.masters!.map((m) => [m.revision, m.levelId])).toEqual([
      [1, 'l2'],
      [2, 'l3'],
    ]);
    // The statistics follow the new master: assessor2 now matches on every anchor.
    expect((await board.furthest(CRITERION))[0]).toMatch(/^assessor3: 4 levels away/);
  }, 60_000);

  it('shows a score after the reveal as late, and reopens for that participant', async () => {
    const late = hub.participants[3]!;
    await hub.score(late, hub.anchors[0]!.packetId, 'l3');
    await board.cell('assessor4', 0).getByText('Late').waitFor({ timeout: 2_000 });
    await app.page
      .getByRole('list', { name: 'Late scores' })
      .getByRole('button', { name: 'Reopen for assessor4' })
      .click();
    await board
      .grid()
      .getByRole('row', { name: /^assessor4 \(reopened\)/ })
      .waitFor();
  }, 60_000);

  it('downloads the CSV report and closes, recording qualifications with their expiry', async () => {
    const csv = await board.downloadCsv();
    expect(csv.split('\n')[0]).toMatch(/assessor|criterion/i);
    expect(csv).toContain('assessor2');
    const pdf = await board.downloadPdf();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const firstPage = await (await document.getPage(1)).getTextContent();
    const text = firstPage.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toMatch(/Calibration report/);
    expect(text).toContain('assessor2');
    await board.closeSession();
    const results = await board.qualifications();
    expect(results['assessor2']![0]).toBe('Qualified');
    expect(results['assessor2']![1]).toMatch(/expires/);
    expect(results['assessor3']![0]).toMatch(/^Not yet: /);
    expect(results['assessor4']![0]).toMatch(/^Not yet: /);
    await app.page.screenshot({ path: join(SHOTS, 'norming-board-closed.png'), fullPage: true });
    // Opened again later, the board still shows what closing recorded.
    await app.page.reload();
    await app.page.getByRole('columnheader', { name: 'Recorded' }).waitFor();
    expect((await board.qualifications())['assessor2']).toEqual(results['assessor2']);
  }, 60_000);
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubScreen } from './drivers/hub';
import { WindowDashboardPage } from './drivers/window-dashboard';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { PASSWORD, startCommitteeHub, type CommitteeHub } from './support/committee-hub';

// The chair's story: a window two days from closing, every packet double-scored by policy, one
// pair of scorings two levels apart in adjudication. The chair sees each packet's state and which
// are at risk, reassigns an unscored packet with the keyboard, and sees the hub refuse to move one
// that was scored while the dialog was open.

const SHOTS = process.env.ANCHOR_SCREENSHOTS ?? join(import.meta.dirname, '../../out/screenshots');

let hub: CommitteeHub;
let app: AnchorSession;
let dashboard: WindowDashboardPage;

beforeAll(async () => {
  hub = await startCommitteeHub();
  app = await AnchorSession.start();
  await new HubScreen(app.page, app.host.origin).signIn(hub.url, 'chair1', PASSWORD);
  await mkdir(SHOTS, { recursive: true });
  await app.page.setViewportSize({ width: 1300, height: 1400 });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await hub?.close();
});

describe('the chair’s window dashboard', () => {
  it('shows every packet’s state, counts per state, and the at-risk packets in words', async () => {
    dashboard = await new WindowDashboardPage(app.page).openFromHub(app.host.origin, hub.windowName);
    expect(await dashboard.stateCounts()).toEqual({
      Assigned: 2,
      'Scored once': 1,
      'Double-scored': 1,
      'In adjudication': 1,
      Decided: 0,
      Released: 0,
    });
    await expect(dashboard.row('Apart').innerText()).resolves.toMatch(
      /In adjudication[\s\S]*At risk: adjudication, decisions in < 7 days/,
    );
    await expect(dashboard.row('Waiting').innerText()).resolves.toMatch(
      /Scored once[\s\S]*At risk: scoring unfinished/,
    );
    await expect(dashboard.row('Untouched').innerText()).resolves.toMatch(/assessor1 … pending[\s\S]*At risk/);
    await expect(dashboard.row('Agreeing').innerText()).resolves.toMatch(/Double-scored[\s\S]*On track/);
    await expect(app.page.getByRole('figure', { name: 'Load per assessor' }).innerText()).resolves.toMatch(
      /assessor1\s+5 assigned: 3 submitted, 2 pending/,
    );
    // Progress, read after the table: two packets fully scored (Apart, Agreeing), both waiting since
    // today; too young a window (opened yesterday) and no decision yet to project a pace.
    await expect(
      dashboard
        .progress()
        .getByText(/^Not enough data to project/)
        .innerText(),
    ).resolves.toBe('Not enough data to project the last decision yet: the window is 2 days old. 0 of 5 decided.');
    const days = await dashboard.chartTable('Packets scored, decided and released', 'Progress as a table');
    expect(days.at(-1)!.slice(1)).toEqual(['5', '2', '0', '0']);
    expect(await dashboard.chartTable('Days from last score to decision', 'Turnaround as a table')).toEqual([
      ['0', '0', '2'],
    ]);
    await expect(
      dashboard.progress().getByRole('figure', { name: 'Days from last score to decision' }).innerText(),
    ).resolves.toMatch(
      /0 decided, 2 waiting for a decision \(0 of them for 7 days or more: at risk\), 3 still being scored/,
    );
    await dashboard.filter(/^In adjudication/);
    await expect(dashboard.table().getByRole('row').count()).resolves.toBe(2);
    await dashboard.filter(/^All states/);
    expect(await axeViolations(app.page)).toEqual([]);
    // The screen scrolls inside its own frame: a viewport as tall as the page shows all of it.
    await app.page.setViewportSize({ width: 1300, height: 2200 });
    await app.page.screenshot({ path: join(SHOTS, 'window-dashboard.png'), fullPage: true });
    await app.page.setViewportSize({ width: 1300, height: 1400 });
  }, 60_000);

  it('reassigns an unscored packet with the keyboard alone', async () => {
    const dialog = await dashboard.reassign('Untouched', 'assessor2');
    await dashboard.notice().getByText('Untouched moved from assessor1 to assessor2.').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    // The table reloads after the move; the notice can come first on a busy machine.
    await expect.poll(() => dashboard.row('Untouched').innerText()).toMatch(/assessor2 … pending/);
    const untouched = (await hub.dashboard()).packets.find((p) => p.pseudonym === 'Untouched')!;
    expect(untouched.assessors.map((a) => a.username)).toEqual(['assessor2']);
  }, 60_000);

  it('shows the hub’s refusal when the packet was scored meanwhile', async () => {
    await dashboard
      .row('Spare')
      .getByRole('button', { name: /Reassign/ })
      .click();
    const dialog = app.page.getByRole('dialog', { name: 'Reassign Spare' });
    await hub.score('assessor1', hub.packets.Spare!, 'l3');
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    await expect(dialog.getByRole('alert').innerText()).resolves.toMatch(/already uploaded a score/);
    await app.page.screenshot({ path: join(SHOTS, 'window-dashboard-refused.png') });
    await app.page.keyboard.press('Escape');
  }, 60_000);

  it('updates by itself within a second when the hub announces a score', async () => {
    await dashboard.row('Waiting').waitFor();
    await hub.score('assessor2', hub.packets.Waiting!, 'l3');
    // No Refresh: the hub's score.received event reaches the page, which reads the dashboard again.
    await expect.poll(() => dashboard.row('Waiting').innerText(), { timeout: 1500 }).toMatch(/Double-scored/);
    // The progress follows the dashboard's reload: Waiting is now fully scored too.
    await expect
      .poll(
        async () => (await dashboard.chartTable('Packets scored, decided and released', 'Progress as a table')).at(-1),
        {
          timeout: 2000,
        },
      )
      .toEqual([expect.any(String), '5', '3', '0', '0']);
  }, 5_000);
});

import { expandDashboard } from '../../src/shared/committee/dashboard-wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConflict } from '../../src/hub/store/conflicts';
import { forEachBackend } from './support/backends';
import {
  addUser,
  assign,
  openWindow,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

const DAY = 86_400_000;

/**
 * The chair's window dashboard and reassignment on the hub: states from assignments, scores and
 * adjudications; the at-risk rule against the window's dates; load per assessor; and a reassign
 * that moves an unscored assignment in one step and refuses the rest.
 */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let first: TestUser;
  let second: TestUser;
  let third: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
    chair = await addUser(hub, 'chair1', ['chair']);
    first = await addUser(hub, 'assessor1', ['assessor']);
    second = await addUser(hub, 'assessor2', ['assessor']);
    third = await addUser(hub, 'assessor3', ['assessor']);
  });
  afterAll(() => hub.close());

  const dashboard = async (windowId: string) =>
    expandDashboard((await hub.api('GET', `/api/v1/windows/${windowId}/dashboard`, { token: chair.token })).json());

  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 2000;
    for (;;) {
      const value = await read();
      if (check(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function score(user: TestUser, packetId: string, levelId: string) {
    const record = scoreRecord(packetId, user.username, {
      criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the evidence.' }],
      decision: { kind: levelId === 'l2' ? 'not-yet' : 'earned' },
    });
    const answer = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
      token: user.token,
      json: { baseRevision: 0, record },
    });
    expect(answer.status).toBe(201);
  }

  const reassign = (assignmentId: string, assessorId: string, token = chair.token) =>
    hub.api('POST', `/api/v1/assignments/${assignmentId}/reassign`, { token, json: { assessorId } });

  describe('the dashboard', () => {
    it('gives every packet its state, the at-risk rule, counts per state and load per assessor', async () => {
      const now = hub.running.hub.now();
      // Two days to close, five to decisions: unfinished scoring and open adjudications are at risk.
      const windowId = await openWindow(hub, admin, {
        closesAt: new Date(now + 2 * DAY).toISOString(),
        decisionsDueAt: new Date(now + 5 * DAY).toISOString(),
        scoringPolicy: { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } },
      });
      const [apart, agreeing, waiting, untouched] = [
        await uploadPacket(hub, admin),
        await uploadPacket(hub, admin),
        await uploadPacket(hub, admin),
        await uploadPacket(hub, admin),
      ];
      for (const packetId of [apart, agreeing, waiting, untouched]) await assign(hub, admin, windowId, packetId, first);
      await score(first, apart, 'l4');
      await score(first, agreeing, 'l3');
      await score(first, waiting, 'l3');
      // randomShare 1: each first scoring routes a second assessor (assessor2 or assessor3).
      const routed = await eventually(
        () => dashboard(windowId),
        (d) => d.packets.filter((p: { assessors: unknown[] }) => p.assessors.length === 2).length === 3,
      );
      const secondOf = (packetId: string) => {
        const id = routed.packets.find((p: { packetId: string }) => p.packetId === packetId)!.assessors[1]!.assessorId;
        return [second, third].find((user) => user.id === id)!;
      };
      await score(secondOf(apart), apart, 'l2');
      await score(secondOf(agreeing), agreeing, 'l3');
      const view = await eventually(
        () => dashboard(windowId),
        (d) => d.counts['in-adjudication'] === 1,
      );

      expect(view.counts).toEqual({
        assigned: 1,
        'scored-once': 1,
        'double-scored': 1,
        'in-adjudication': 1,
        decided: 0,
        released: 0,
      });
      expect(view.daysToClose).toBeCloseTo(2, 1);
      expect(view.daysToDecisions).toBeCloseTo(5, 1);
      const byId = new Map(view.packets.map((p: { packetId: string }) => [p.packetId, p]));
      expect(byId.get(apart)).toMatchObject({
        state: 'in-adjudication',
        atRisk: true,
        riskReasons: ['adjudication-due'],
      });
      expect(byId.get(agreeing)).toMatchObject({ state: 'double-scored', atRisk: false, riskReasons: [] });
      // The row carries its open adjudication, so "Adjudicate…" opens it directly.
      const rowOf = (packetId: string) => view.packets.find((p: { packetId: string }) => p.packetId === packetId)!;
      const adjudicationId = rowOf(apart).adjudicationId as string;
      const opened = await hub.api('GET', `/api/v1/adjudications/${adjudicationId}`, { token: chair.token });
      expect(opened.status).toBe(200);
      expect(opened.json()).toMatchObject({ packetId: apart, status: 'open' });
      expect([agreeing, waiting, untouched].map((id) => rowOf(id).adjudicationId)).toEqual([null, null, null]);
      expect(byId.get(waiting)).toMatchObject({ state: 'scored-once', atRisk: true, riskReasons: ['scoring-due'] });
      expect(byId.get(untouched)).toMatchObject({
        state: 'assigned',
        atRisk: true,
        firstSubmittedAt: null,
        daysLeft: view.daysToClose,
      });
      expect(byId.get(agreeing)).toMatchObject({
        daysLeft: view.daysToDecisions,
        firstSubmittedAt: expect.any(String),
      });
      expect(byId.get(untouched)).toMatchObject({
        assessors: [expect.objectContaining({ assessorId: first.id, username: 'assessor1', submittedAt: null })],
      });
      expect(view.atRisk).toBe(3);
      const firstLoad = view.load.find((l: { assessorId: string }) => l.assessorId === first.id);
      expect(firstLoad).toEqual({ assessorId: first.id, username: 'assessor1', assigned: 4, submitted: 3, pending: 1 });
      expect(view.assessors.map((a: { username: string }) => a.username)).toEqual([
        'assessor1',
        'assessor2',
        'assessor3',
      ]);
    });

    it('with time to spare nothing is at risk; an unknown window is 404; an assessor is refused', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, windowId, packetId, first);
      const view = await dashboard(windowId);
      expect(view.packets).toEqual([expect.objectContaining({ packetId, state: 'assigned', atRisk: false })]);
      expect(
        (await hub.api('GET', `/api/v1/windows/${crypto.randomUUID()}/dashboard`, { token: chair.token })).status,
      ).toBe(404);
      expect((await hub.api('GET', `/api/v1/windows/${windowId}/dashboard`, { token: first.token })).status).toBe(403);
    });
  });

  it('leaves out, counts and load included, the packets the chair declared a conflict with; reassigning one is 404', async () => {
    const windowId = await openWindow(hub, admin);
    const conflicted = await uploadPacket(hub, admin, '?district=Bayside%20USD');
    const clear = await uploadPacket(hub, admin);
    const record = await assign(hub, admin, windowId, conflicted, first);
    await assign(hub, admin, windowId, clear, first);
    // Chairs declare conflicts too (stored directly: the declaration route is the assessors' here).
    await insertConflict(hub.running.hub.db, chair.id, { district: ' bayside usd' }, hub.running.hub.now());
    const view = await dashboard(windowId);
    expect(view.packets.map((p: { packetId: string }) => p.packetId)).toEqual([clear]);
    expect(view.counts.assigned).toBe(1);
    expect(view.load).toEqual([expect.objectContaining({ username: 'assessor1', assigned: 1 })]);
    expect((await reassign(record.id, second.id)).status).toBe(404);
    // The admin, who declared nothing, sees both and may move it.
    const adminView = await hub.api('GET', `/api/v1/windows/${windowId}/dashboard`, { token: admin.token });
    expect(expandDashboard(adminView.json()).packets).toHaveLength(2);
    expect((await reassign(record.id, second.id, admin.token)).status).toBe(200);
  });

  describe('reassign', () => {
    it('moves an unscored assignment to another assessor in one step, audited, with an event to each', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await uploadPacket(hub, admin);
      const record = await assign(hub, admin, windowId, packetId, first);
      const published: { type: string; assessorId: string }[] = [];
      const stop = hub.running.hub.events.subscribe((event) => published.push(event as never));
      const answer = await reassign(record.id, second.id);
      stop();
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ windowId, packetId, assessorId: second.id, assessorUsername: 'assessor2' });
      expect(published).toEqual([
        expect.objectContaining({ type: 'assignment.removed', assessorId: first.id, assignmentId: record.id }),
        expect.objectContaining({ type: 'assignment.created', assessorId: second.id }),
      ]);
      const queue = (user: TestUser) =>
        hub.api('GET', '/api/v1/assignments', { token: user.token }).then((a) => a.json().assignments);
      expect((await queue(first)).map((a: { packetId: string }) => a.packetId)).not.toContain(packetId);
      expect((await queue(second)).map((a: { packetId: string }) => a.packetId)).toContain(packetId);
      const audit = await hub.running.hub.db.query<{ actor: string }>(
        `select actor from audit_log where action = 'assignment.reassign' and subject = $1`,
        [`packet:${packetId}`],
      );
      expect(audit).toEqual([{ actor: chair.id }]);
    });

    it('refuses once the assessor has scored, and a target already on it, conflicted or unknown', async () => {
      const windowId = await openWindow(hub, admin);
      const scored = await uploadPacket(hub, admin);
      const scoredRecord = await assign(hub, admin, windowId, scored, first);
      await score(first, scored, 'l3');
      const refused = await reassign(scoredRecord.id, second.id);
      expect(refused.status).toBe(409);
      expect(refused.json().error.code).toBe('already-scored');

      const packetId = await uploadPacket(hub, admin, '?school=Lighthouse%20High');
      const record = await assign(hub, admin, windowId, packetId, first);
      await assign(hub, admin, windowId, packetId, second);
      expect((await reassign(record.id, second.id)).json().error.code).toBe('already-assigned');
      expect((await reassign(record.id, first.id)).json().error.code).toBe('already-assigned');
      await hub.api('POST', '/api/v1/conflicts', { token: third.token, json: { school: 'Lighthouse High' } });
      expect((await reassign(record.id, third.id)).json().error.code).toBe('conflict-of-interest');
      expect((await reassign(record.id, crypto.randomUUID())).status).toBe(404);
      expect((await reassign(crypto.randomUUID(), second.id)).status).toBe(404);
      // A disabled account or one without the window's qualification is no target either.
      const disabled = await addUser(hub, 'assessor4', ['assessor']);
      await hub.api('PATCH', `/api/v1/users/${disabled.id}`, { token: admin.token, json: { disabled: true } });
      expect((await reassign(record.id, disabled.id)).json().error.code).toBe('account-disabled');
      expect((await dashboard(windowId)).assessors.map((a: { username: string }) => a.username)).not.toContain(
        'assessor4',
      );
      // A window requiring a qualification nobody holds offers nobody to move a packet to.
      const gated = await openWindow(hub, admin, { requiredQualification: 'cfu' });
      expect((await dashboard(gated)).assessors).toEqual([]);
      // Nothing moved: the assignment is still assessor1's.
      const all = await hub.api('GET', `/api/v1/assignments/all?packetId=${packetId}`, { token: admin.token });
      expect(all.json().assignments.map((a: { id: string }) => a.id)).toContain(record.id);
    });
  });
});

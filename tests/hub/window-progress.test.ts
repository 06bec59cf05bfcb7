import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConflict } from '../../src/hub/store/conflicts';
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

/**
 * The window's progress on the hub, on a clock the test moves day by day: cumulative counts per
 * UTC day from the hub's own timestamps (assignment, first scores, first decision, release), the
 * turnaround of decided and waiting packets, the projected last decision, and the dashboard's
 * exclusions (a conflicted viewer's packets are not even counted).
 */
describe('window progress', () => {
  let clock = Date.parse('2026-08-01T09:00:00Z');
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let assessor: TestUser;

  /** Moves the hub's clock to an instant and gives everyone a fresh token (tokens expire by that clock). */
  async function at(iso: string) {
    clock = Date.parse(iso);
    for (const user of [admin, chair, assessor]) {
      user.token = (await hub.running.hub.tokens.signIn(user.id)).accessToken;
    }
  }

  beforeAll(async () => {
    hub = await startTestHub({ now: () => clock });
    admin = await addUser(hub, 'admin1', ['admin']);
    chair = await addUser(hub, 'chair1', ['chair']);
    assessor = await addUser(hub, 'assessor1', ['assessor']);
  });
  afterAll(() => hub.close());

  async function score(packetId: string) {
    const record = scoreRecord(packetId, assessor.username);
    const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
      token: assessor.token,
      json: { baseRevision: 0, record },
    });
    expect(put.status).toBe(201);
  }

  async function decide(windowId: string, packetId: string) {
    const put = await hub.api('PUT', `/api/v1/windows/${windowId}/decisions/${packetId}`, {
      token: chair.token,
      json: {
        decisionTypeId: 'earned',
        candidateFeedback: { overall: 'Well done.' },
        reason: 'Clearly above the cut.',
      },
    });
    expect(put.status).toBe(200);
  }

  const progress = async (windowId: string, token = chair.token) => {
    const answer = await hub.api('GET', `/api/v1/windows/${windowId}/progress`, { token });
    expect(answer.status).toBe(200);
    return answer.json();
  };

  it('counts per UTC day from the hub’s timestamps, with turnaround and the projected last decision', async () => {
    const windowId = await openWindow(hub, admin, {
      opensAt: '2026-08-01T08:00:00Z',
      closesAt: '2026-08-15T08:00:00Z',
      decisionsDueAt: '2026-08-22T17:00:00Z',
      // No second scoring: one assessor per packet keeps the story's days exact.
      scoringPolicy: { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 0 } },
    });
    const [quick, slow, waiting, unscored, untouched] = [
      await uploadPacket(hub, admin),
      await uploadPacket(hub, admin),
      await uploadPacket(hub, admin),
      await uploadPacket(hub, admin),
      await uploadPacket(hub, admin),
    ];
    const conflicted = await uploadPacket(hub, admin, '?district=Bayside%20USD');
    for (const packetId of [quick, slow, waiting, unscored, untouched, conflicted]) {
      await assign(hub, admin, windowId, packetId, assessor);
    }
    await insertConflict(hub.running.hub.db, chair.id, { district: 'Bayside USD' }, clock);

    await at('2026-08-02T10:00:00Z');
    await score(quick);
    await score(slow);
    await score(conflicted);
    await at('2026-08-02T15:00:00Z');
    await decide(windowId, quick); // decided the day it was scored
    await at('2026-08-04T11:00:00Z');
    await score(waiting);
    await decide(windowId, slow); // two UTC days after its score
    await at('2026-08-05T09:00:00Z');
    const release = await hub.api('POST', `/api/v1/windows/${windowId}/releases`, { token: chair.token, json: {} });
    expect(release.status).toBe(201);
    await at('2026-08-06T12:00:00Z');

    const view = await progress(windowId);
    expect(view).toMatchObject({
      window: { id: windowId, decisionsDueAt: '2026-08-22T17:00:00.000Z' },
      asOf: '2026-08-06T12:00:00.000Z',
      today: '2026-08-06',
      packets: 5,
      stillScoring: 2,
      waitingRiskDays: 7,
    });
    expect(view.days).toEqual([
      { day: '2026-08-01', assigned: 5, scored: 0, decided: 0, released: 0 },
      { day: '2026-08-02', assigned: 5, scored: 2, decided: 1, released: 0 },
      { day: '2026-08-03', assigned: 5, scored: 2, decided: 1, released: 0 },
      { day: '2026-08-04', assigned: 5, scored: 3, decided: 2, released: 0 },
      { day: '2026-08-05', assigned: 5, scored: 3, decided: 2, released: 2 },
      { day: '2026-08-06', assigned: 5, scored: 3, decided: 2, released: 2 },
    ]);
    expect(view.turnaround).toEqual([
      { days: 0, decided: 1, waiting: 0 },
      { days: 1, decided: 0, waiting: 0 },
      { days: 2, decided: 1, waiting: 1 },
    ]);
    // 2 decisions in the window's 6 days: a third a day, 3 left → 9 more days, 15 Aug, a week early.
    expect(view.projection).toEqual({
      kind: 'projected',
      perDay: 0.33,
      basisDays: 6,
      landsOn: '2026-08-15',
      daysLate: -7,
    });

    // The admin declared no conflict: the conflicted packet counts for them (scored on 2 Aug, waiting).
    const adminView = await progress(windowId, admin.token);
    expect(adminView.packets).toBe(6);
    expect(adminView.days.at(-1)).toEqual({ day: '2026-08-06', assigned: 6, scored: 4, decided: 2, released: 2 });
    expect(adminView.turnaround.at(-1)).toEqual({ days: 4, decided: 0, waiting: 1 });
  });

  it('a conflicted chair cannot count a packet through the progress, nor anyone a validity packet: absent from every figure', async () => {
    await at('2026-08-06T12:00:00Z');
    const windowId = await openWindow(hub, admin, {
      opensAt: '2026-08-06T08:00:00Z',
      closesAt: '2026-08-20T08:00:00Z',
      decisionsDueAt: '2026-08-27T17:00:00Z',
    });
    const conflicted = await uploadPacket(hub, admin, '?district=Bayside%20USD');
    await assign(hub, admin, windowId, conflicted, assessor);
    // A validity packet is in assessors' queues but is nobody's candidate: never on the dashboard, never here.
    const validity = await uploadPacket(hub, admin);
    const marked = await hub.api('PUT', `/api/v1/windows/${windowId}/validity/${validity}`, {
      token: admin.token,
      json: { masters: [{ criterionId: 'design', levelId: 'l3' }], decision: 'earned' },
    });
    expect(marked.status).toBe(200);
    await assign(hub, admin, windowId, validity, assessor);
    await score(validity);
    expect((await progress(windowId, admin.token)).packets).toBe(1);
    const view = await progress(windowId);
    expect(view).toMatchObject({
      packets: 0,
      days: [{ day: '2026-08-06', assigned: 0, scored: 0, decided: 0, released: 0 }],
      turnaround: [],
      stillScoring: 0,
      projection: { kind: 'not-enough-data', reason: 'no-packets' },
    });
  });

  it('an unknown window is 404; an assessor is refused', async () => {
    const windowId = await openWindow(hub, admin);
    expect(
      (await hub.api('GET', `/api/v1/windows/${crypto.randomUUID()}/progress`, { token: chair.token })).status,
    ).toBe(404);
    expect((await hub.api('GET', `/api/v1/windows/${windowId}/progress`, { token: assessor.token })).status).toBe(403);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import {
  assign,
  openWindow,
  scoreRecord,
  staffHub,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

/**
 * A window's scoring policy on the hub: a packet's first scoring decides, once, whether a second
 * blind assessor scores it (and who), recording the rule; two scorings that disagree beyond the
 * policy open an adjudication. Routing runs after the upload is acknowledged, so tests wait for it.
 */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let first: TestUser;
  let second: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    ({ admin, chair, assessor: first, other: second } = await staffHub(hub));
  });
  afterAll(() => hub.close());

  const quality = async (windowId: string) =>
    (await hub.api('GET', `/api/v1/windows/${windowId}/quality`, { token: chair.token })).json();

  /** Polls until `check` passes (routing is asynchronous) or two seconds pass. */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 2000;
    for (;;) {
      const value = await read();
      if (check(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function score(user: TestUser, packetId: string, levelId: string, decision: 'earned' | 'not-yet' = 'earned') {
    const record = scoreRecord(packetId, user.username, {
      criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the evidence.' }],
      decision: { kind: decision },
    });
    const answer = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
      token: user.token,
      json: { baseRevision: 0, record },
    });
    expect(answer.status).toBe(201);
    return record.id;
  }

  it('a packet drawn by the policy gets a second, blind assessor, and the rule that drew it is recorded', async () => {
    const windowId = await openWindow(hub, admin, {
      scoringPolicy: { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } },
    });
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, first);
    const firstScore = await score(first, packetId, 'l4');
    const { secondScoring } = await eventually(
      () => quality(windowId),
      (q) => q.secondScoring.length > 0,
    );
    expect(secondScoring).toEqual([
      expect.objectContaining({ packetId, reasons: ['random-share'], note: null, assignmentId: expect.any(String) }),
    ]);
    // The second assessor now has it in their queue, and cannot read the first scoring.
    const queue = (await hub.api('GET', '/api/v1/assignments', { token: second.token })).json().assignments;
    expect(queue.map((a: { packetId: string }) => a.packetId)).toContain(packetId);
    expect((await hub.api('GET', `/api/v1/scores/${firstScore}`, { token: second.token })).status).toBe(404);
  });

  it('two scorings two levels apart open an adjudication naming the discrepancy; agreeing ones do not', async () => {
    const policy = { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } };
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const [apart, agreeing] = [await uploadPacket(hub, admin), await uploadPacket(hub, admin)];
    for (const packetId of [apart, agreeing]) await assign(hub, admin, windowId, packetId, first);
    await score(first, apart, 'l4');
    await score(first, agreeing, 'l3');
    await eventually(
      () => quality(windowId),
      (q) => q.secondScoring.length === 2,
    );
    await score(second, apart, 'l2', 'not-yet');
    await score(second, agreeing, 'l4');
    const { adjudications } = await eventually(
      () => quality(windowId),
      (q) => q.adjudications.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // the agreeing packet's routing has run too
    expect((await quality(windowId)).adjudications).toHaveLength(1);
    expect(adjudications[0]).toMatchObject({
      packetId: apart,
      status: 'open',
      discrepancies: [
        { kind: 'decision', first: 'earned', second: 'not-yet' },
        { kind: 'criterion', criterionId: 'design', gap: 2 },
      ],
    });
  });

  it('a packet no rule selects is recorded with no reason and gets no second assessor; a window without a policy routes nothing', async () => {
    const windowId = await openWindow(hub, admin, {
      scoringPolicy: { secondScoring: { randomShare: 0, resubmissions: true, nearCutMargin: 1 } },
    });
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, first);
    await score(first, packetId, 'l4'); // attempt 1, exemplary: one level above the cut
    const { secondScoring } = await eventually(
      () => quality(windowId),
      (q) => q.secondScoring.length > 0,
    );
    expect(secondScoring).toEqual([expect.objectContaining({ packetId, reasons: [], assignmentId: null })]);

    const plain = await openWindow(hub, admin);
    const other = await uploadPacket(hub, admin);
    await assign(hub, admin, plain, other, first);
    await score(first, other, 'l3');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await quality(plain)).toEqual({ secondScoring: [], adjudications: [] });
  });

  it('near the cut: a first scoring exactly at the cut is double-scored', async () => {
    const windowId = await openWindow(hub, admin, {
      scoringPolicy: { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 1 } },
    });
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, first);
    await score(first, packetId, 'l3'); // the rule: every criterion at 3 or above
    const { secondScoring } = await eventually(
      () => quality(windowId),
      (q) => q.secondScoring.length > 0,
    );
    expect(secondScoring[0]).toMatchObject({ reasons: ['near-cut'], assignmentId: expect.any(String) });
  });
});

import { expandDashboard } from '../../src/shared/committee/dashboard-wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  openWindow,
  scoreRecord,
  staffHub,
  startTestHub,
  uploadPacket,
  type Answer,
  type TestHub,
  type TestUser,
} from './support/hub';
import { normingSession } from './support/norming';

/**
 * Validity packets (issue 12, part 8): a chair marks a packet with master levels, automatic
 * assignment seeds it into queues at the policy's rate, the assessor cannot tell it from live work,
 * and its scorings never count as live: no second scoring, no adjudication, not on the dashboard.
 */
let hub: TestHub;
let admin: TestUser;
let chair: TestUser;
let assessor: TestUser;
let other: TestUser;
let solo: TestUser;

beforeAll(async () => {
  hub = await startTestHub();
  ({ admin, chair, assessor, other } = await staffHub(hub));
  solo = await addUser(hub, 'assessor3', ['assessor']);
});
afterAll(() => hub.close());

/** Every key of a JSON value with the kind of its value, recursively: what an observer could compare. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  if (typeof value === 'string') {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value)) return 'uuid-v4';
    if (!Number.isNaN(Date.parse(value)) && /^\d{4}-/.test(value)) return 'date-time';
  }
  return typeof value;
}

const MASTERS = { masters: [{ criterionId: 'design', levelId: 'l3' }], decision: 'earned' } as const;

async function markValidity(windowId: string, packetId: string, by = chair, body: unknown = MASTERS): Promise<Answer> {
  return hub.api('PUT', `/api/v1/windows/${windowId}/validity/${packetId}`, { token: by.token, json: body });
}

async function autoAssign(windowId: string, packetIds?: string[]): Promise<Answer> {
  return hub.api('POST', '/api/v1/assignments/auto', {
    token: admin.token,
    json: { windowId, ...(packetIds ? { packetIds } : {}), assessorsPerPacket: 1 },
  });
}

async function submit(user: TestUser, packetId: string, levelId: string): Promise<Answer> {
  const record = scoreRecord(packetId, user.username, {
    criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the evidence.' }],
  });
  return hub.api('PUT', `/api/v1/scores/${record.id}`, { token: user.token, json: { baseRevision: 0, record } });
}

/** Pauses every assessor but `user` in the window, so automatic assignment has one choice. */
async function onlyEligible(windowId: string, user: TestUser) {
  for (const someone of [assessor, other, solo].filter((u) => u !== user)) {
    const answer = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${someone.id}/pause`, {
      token: chair.token,
      json: { reason: 'Kept out of this test window.' },
    });
    expect(answer.status).toBe(200);
  }
}

/** A window whose policy seeds one validity packet per live one and double-scores every packet. */
async function seededWindow() {
  const windowId = await openWindow(hub, admin, {
    scoringPolicy: {
      secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 },
      validity: { rate: 0.5 },
    },
  });
  const live = await uploadPacket(hub, admin);
  const validity = await uploadPacket(hub, admin);
  expect((await markValidity(windowId, validity)).status).toBe(200);
  return { windowId, live, validity };
}

describe('validity packets', () => {
  it('an assessor cannot tell a validity packet from a live one: queue, packet, evidence and score receipt answer alike', async () => {
    const { windowId, live, validity } = await seededWindow();
    await onlyEligible(windowId, solo);
    const assigned = await autoAssign(windowId, [live]);
    expect(assigned.status).toBe(200);
    const queue = (await hub.api('GET', '/api/v1/assignments', { token: solo.token })).json().assignments as {
      packetId: string;
      assignedAt: string;
    }[];
    const [liveRow, validityRow] = [live, validity].map((id) => queue.find((a) => a.packetId === id)!);
    expect(liveRow).toBeDefined();
    expect(validityRow).toBeDefined();
    expect(shapeOf(validityRow)).toEqual(shapeOf(liveRow));
    // Same batch, same instant: no timing tells them apart.
    expect(validityRow!.assignedAt).toBe(liveRow!.assignedAt);

    const [livePacket, validityPacket] = await Promise.all(
      [live, validity].map((id) => hub.api('GET', `/api/v1/packets/${id}`, { token: solo.token })),
    );
    expect(validityPacket!.status).toBe(livePacket!.status);
    expect(shapeOf(validityPacket!.json())).toEqual(shapeOf(livePacket!.json()));

    const [liveEvidence, validityEvidence] = await Promise.all(
      [live, validity].map((id) => hub.api('GET', `/api/v1/packets/${id}/evidence/item-2`, { token: solo.token })),
    );
    expect(validityEvidence!.status).toBe(liveEvidence!.status);
    expect([...validityEvidence!.headers.keys()].sort()).toEqual([...liveEvidence!.headers.keys()].sort());

    const [liveReceipt, validityReceipt] = [await submit(solo, live, 'l3'), await submit(solo, validity, 'l3')];
    expect(validityReceipt.status).toBe(liveReceipt.status);
    expect(shapeOf(validityReceipt.json())).toEqual(shapeOf(liveReceipt.json()));
  });

  it('automatic assignment seeds validity packets at the policy rate and never hands them out as live work', async () => {
    const windowId = await openWindow(hub, admin, { scoringPolicy: { validity: { rate: 0.25 } } });
    const lives = [];
    for (let i = 0; i < 9; i++) lives.push(await uploadPacket(hub, admin));
    const validity = [await uploadPacket(hub, admin), await uploadPacket(hub, admin), await uploadPacket(hub, admin)];
    for (const id of validity) expect((await markValidity(windowId, id)).status).toBe(200);
    // Three assessors: nine live packets, three each, so one validity packet each (1 of 4).
    const answer = await autoAssign(windowId, lives);
    expect(answer.status).toBe(200);
    const perAssessor = new Map<string, { live: number; validity: number }>();
    for (const record of answer.json().created as { packetId: string; assessorId: string }[]) {
      const entry = perAssessor.get(record.assessorId) ?? { live: 0, validity: 0 };
      if (validity.includes(record.packetId)) entry.validity += 1;
      else entry.live += 1;
      perAssessor.set(record.assessorId, entry);
    }
    for (const user of [assessor, other, solo]) expect(perAssessor.get(user.id)).toEqual({ live: 3, validity: 1 });
    // Each validity packet went to a different assessor: the least-held first.
    const validityHolders = (answer.json().created as { packetId: string }[]).filter((r) =>
      validity.includes(r.packetId),
    );
    expect(new Set(validityHolders.map((r) => r.packetId)).size).toBe(3);
    // Naming a validity packet as live work is refused.
    const refused = await autoAssign(windowId, [validity[0]!]);
    expect(refused.status).toBe(409);
    expect(refused.json().error.code).toBe('validity-packet');
  });

  it('a validity scoring is never routed to second scoring or adjudication, and stays off the dashboard', async () => {
    const { windowId, live, validity } = await seededWindow();
    await onlyEligible(windowId, assessor);
    await autoAssign(windowId, [live]);
    const holder = assessor;
    expect((await submit(holder, validity, 'l1')).status).toBe(201);
    expect((await submit(holder, live, 'l3')).status).toBe(201);
    // The live packet is routed (randomShare 1; nobody is free to take it, so the decision says so);
    // the validity packet never gets a routing decision at all.
    const deadline = Date.now() + 2000;
    let quality: { secondScoring: { packetId: string }[]; adjudications: unknown[] };
    do {
      quality = (await hub.api('GET', `/api/v1/windows/${windowId}/quality`, { token: chair.token })).json();
    } while (quality.secondScoring.length === 0 && Date.now() < deadline);
    await new Promise((resolve) => setTimeout(resolve, 200));
    quality = (await hub.api('GET', `/api/v1/windows/${windowId}/quality`, { token: chair.token })).json();
    expect(quality.secondScoring.map((s) => s.packetId)).toEqual([live]);
    expect(quality.adjudications).toEqual([]);

    const dashboard = expandDashboard(
      (await hub.api('GET', `/api/v1/windows/${windowId}/dashboard`, { token: chair.token })).json(),
    );
    expect(dashboard.packets.map((p: { packetId: string }) => p.packetId)).not.toContain(validity);
    // The chair sees it separately, with who scored it, and its scoring feeds the holder's accuracy.
    const list = (await hub.api('GET', `/api/v1/windows/${windowId}/validity`, { token: chair.token })).json();
    expect(list).toMatchObject({
      rate: 0.5,
      packets: [{ packetId: validity, assigned: 1, scored: 1, decision: 'earned' }],
    });
    const scorers = (await hub.api('GET', `/api/v1/windows/${windowId}/scorers`, { token: chair.token })).json();
    const row = scorers.scorers.find((s: { assessorId: string }) => s.assessorId === holder.id);
    expect(row.validity).toMatchObject({ packets: 1, n: 1, exact: 0, adjacent: 0, severity: -2 });
  });

  it('a validity packet is never decided nor released: decide answers 409, a batch skips it, a release refuses it', async () => {
    const { windowId, live, validity } = await seededWindow();
    await onlyEligible(windowId, assessor);
    await autoAssign(windowId, [live]);
    expect((await submit(assessor, validity, 'l3')).status).toBe(201);
    const decide = await hub.api('PUT', `/api/v1/windows/${windowId}/decisions/${validity}`, {
      token: chair.token,
      json: { decisionTypeId: 'earned', candidateFeedback: {}, reason: 'Looks earned.' },
    });
    expect(decide.status).toBe(409);
    expect(decide.json().error.code).toBe('validity-packet');
    const batch = await hub.api('POST', `/api/v1/windows/${windowId}/decisions/batch`, {
      token: chair.token,
      json: { packetIds: [validity] },
    });
    expect(batch.json()).toMatchObject({ decided: 0, results: [{ outcome: 'skipped', reason: 'validity-packet' }] });
    const release = await hub.api('POST', `/api/v1/windows/${windowId}/releases`, {
      token: chair.token,
      json: { packetIds: [validity] },
    });
    expect(release.status).toBe(409);
    expect(release.json().refused).toEqual([{ packetId: validity, reason: 'not-decided' }]);
  });

  it('masters must fit the rubric; a live-assigned packet or an anchor cannot become one; a conflicted chair gets 404', async () => {
    const windowId = await openWindow(hub, admin);
    const packetId = await uploadPacket(hub, admin);
    const wrongLevel = await markValidity(windowId, packetId, chair, {
      masters: [{ criterionId: 'design', levelId: 'l9' }],
      decision: 'earned',
    });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.json().error.message).toContain('design has no level l9');
    const missing = await markValidity(windowId, packetId, chair, {
      masters: [{ criterionId: 'other', levelId: 'l1' }],
      decision: 'not-yet',
    });
    expect(missing.status).toBe(400);
    expect(missing.json().error.message).toContain('no master level for design');

    await hub.api('POST', '/api/v1/assignments', {
      token: admin.token,
      json: { windowId, packetId, assessorId: assessor.id },
    });
    const live = await markValidity(windowId, packetId);
    expect(live.status).toBe(409);
    expect(live.json().error.code).toBe('assigned-live');

    const { packetIds: anchors } = await normingSession(hub, {
      staff: admin,
      uploader: admin,
      participants: [assessor],
    });
    const anchor = await markValidity(windowId, anchors[0]!);
    expect(anchor.status).toBe(409);
    expect(anchor.json().error.code).toBe('anchor-packet');

    const conflictedChair = await addUser(hub, 'chair-conflicted', ['chair']);
    await hub.api('POST', '/api/v1/conflicts', { token: conflictedChair.token, json: { school: 'Harbor Elementary' } });
    const harbor = await uploadPacket(hub, admin, '?school=Harbor%20Elementary');
    expect((await markValidity(windowId, harbor, conflictedChair)).status).toBe(404);
    expect((await markValidity(windowId, harbor, chair)).status).toBe(200);
    // Nor does it appear in their list; the chair without a conflict sees it, and a correction is audited.
    const theirs = (
      await hub.api('GET', `/api/v1/windows/${windowId}/validity`, { token: conflictedChair.token })
    ).json();
    expect(theirs.packets).toEqual([]);
    const corrected = await markValidity(windowId, harbor, admin, {
      masters: [{ criterionId: 'design', levelId: 'l2' }],
      decision: 'not-yet',
    });
    expect(corrected.json()).toMatchObject({ packetId: harbor, masters: [{ levelId: 'l2' }], markedBy: 'admin1' });
    const audit = (await hub.api('GET', '/api/v1/audit', { token: admin.token })).json();
    expect(audit.entries.filter((e: { action: string }) => e.action === 'validity.mark').at(-1)).toMatchObject({
      subject: `packet:${harbor}`,
      detail: { corrected: true, decision: 'not-yet' },
    });
  });

  it('a queue grown by hand or by second scoring gets validity packets too, alike to its live work; never twice, never conflicted', async () => {
    const windowId = await openWindow(hub, admin, {
      scoringPolicy: {
        secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 },
        validity: { rate: 0.5 },
      },
    });
    const lives: string[] = [];
    for (let i = 0; i < 4; i++) lives.push(await uploadPacket(hub, admin));
    const validity = [await uploadPacket(hub, admin), await uploadPacket(hub, admin)];
    const harbor = await uploadPacket(hub, admin, '?district=Harbor%20City%20SD');
    for (const id of [...validity, harbor]) expect((await markValidity(windowId, id)).status).toBe(200);
    const { db } = hub.running.hub;
    const queueOf = async (user: TestUser) =>
      (
        (await hub.api('GET', '/api/v1/assignments', { token: user.token })).json().assignments as {
          packetId: string;
          window: { id: string };
          assignedAt: string;
        }[]
      ).filter((a) => a.window.id === windowId);
    const auditOf = async (user: TestUser) =>
      db.query<{ subject: string; at: Date; detail: Record<string, unknown> }>(
        `select subject, at, detail from audit_log where action = 'assignment.create'
          and detail->>'windowId' = $1 and detail->>'assessorId' = $2 order by id`,
        [windowId, user.id],
      );
    const seededOf = (queue: { packetId: string }[]) =>
      queue.filter((a) => [...validity, harbor].includes(a.packetId)).map((a) => a.packetId);

    // By hand: solo is conflicted with the Harbor City packet, so only the other two can reach them.
    await hub.api('POST', '/api/v1/conflicts', { token: solo.token, json: { district: 'harbor city sd' } });
    const manual = async (packetId: string, user: TestUser) =>
      hub.api('POST', '/api/v1/assignments', { token: admin.token, json: { windowId, packetId, assessorId: user.id } });
    expect((await manual(lives[0]!, solo)).status).toBe(201);
    let queue = await queueOf(solo);
    expect(queue).toHaveLength(2);
    const [liveRow, validityRow] = [
      queue.find((a) => a.packetId === lives[0])!,
      queue.find((a) => a.packetId !== lives[0])!,
    ];
    expect(validity).toContain(validityRow.packetId);
    expect(shapeOf(validityRow)).toEqual(shapeOf(liveRow));
    expect(validityRow.assignedAt).toBe(liveRow.assignedAt);
    const [liveAudit, validityAudit] = await auditOf(solo);
    expect(validityAudit!.at).toEqual(liveAudit!.at);
    expect(shapeOf(validityAudit!.detail)).toEqual(shapeOf(liveAudit!.detail));
    expect(validityAudit!.detail.how).toBe('manual');
    // Three live packets by hand: the rate asks for three validity packets, but solo may hold only the two.
    expect((await manual(lives[1]!, solo)).status).toBe(201);
    expect((await manual(lives[2]!, solo)).status).toBe(201);
    queue = await queueOf(solo);
    expect(seededOf(queue).sort()).toEqual([...validity].sort());

    // By second scoring: solo scores lives[0]; routing picks `other` (assessor is paused) for it,
    // and other's queue, grown by that one packet, gets one validity packet in the same instant.
    const pause = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${assessor.id}/pause`, {
      token: chair.token,
      json: { reason: 'Kept out of this test.' },
    });
    expect(pause.status).toBe(200);
    expect((await submit(solo, lives[0]!, 'l3')).status).toBe(201);
    const deadline = Date.now() + 3000;
    do queue = await queueOf(other);
    while (queue.length < 2 && Date.now() < deadline);
    expect(queue).toHaveLength(2);
    const routedRow = queue.find((a) => a.packetId === lives[0])!;
    const seededRow = queue.find((a) => a.packetId !== lives[0])!;
    // The least-held validity packet: Harbor City, which solo could not take.
    expect(seededRow.packetId).toBe(harbor);
    expect(shapeOf(seededRow)).toEqual(shapeOf(routedRow));
    expect(seededRow.assignedAt).toBe(routedRow.assignedAt);
    const [routedAudit, seededAudit] = await auditOf(other);
    expect(seededAudit!.at).toEqual(routedAudit!.at);
    expect(Object.keys(seededAudit!.detail).sort()).toEqual(Object.keys(routedAudit!.detail).sort());

    // Never twice, even across windows: a score belongs to the packet and the assessor, so solo,
    // who held validity[0] above, is not given it again as another window's validity packet.
    const later = await openWindow(hub, admin, { scoringPolicy: { validity: { rate: 0.5 } } });
    expect((await markValidity(later, validity[0]!)).status).toBe(200);
    const laterLive = await uploadPacket(hub, admin);
    expect(
      (
        await hub.api('POST', '/api/v1/assignments', {
          token: admin.token,
          json: { windowId: later, packetId: laterLive, assessorId: solo.id },
        })
      ).status,
    ).toBe(201);
    const laterQueue = (await hub.api('GET', '/api/v1/assignments', { token: solo.token }))
      .json()
      .assignments.filter((a: { window: { id: string } }) => a.window.id === later);
    expect(laterQueue.map((a: { packetId: string }) => a.packetId)).toEqual([laterLive]);
  });
});

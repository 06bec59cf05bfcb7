import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
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
 * A committee's work on a packet (issue 12, parts 4 and 5), against PGlite (the rules do not
 * depend on the backend): resolving an adjudication, the blind thread, deciding with merged
 * feedback, batch decisions. The hub keeps every rule; these tests are named after what they stop.
 */
let hub: TestHub;
let admin: TestUser;
let chair: TestUser;
let lead: TestUser;
let first: TestUser;
let second: TestUser;
let third: TestUser;

const policy = { secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 0 } };

beforeAll(async () => {
  hub = await startTestHub();
  ({ admin, chair, assessor: first, other: second } = await staffHub(hub));
  lead = await addUser(hub, 'lead1', ['lead']);
  third = await addUser(hub, 'assessor3', ['assessor']);
});
afterAll(() => hub.close());

async function score(
  user: TestUser,
  packetId: string,
  levelId: string,
  options: { decision?: 'earned' | 'not-yet'; overall?: string; design?: string } = {},
) {
  const record = scoreRecord(packetId, user.username, {
    criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the evidence.' }],
    decision: { kind: options.decision ?? 'earned' },
    candidateFeedback: {
      overall: options.overall ?? `Overall from ${user.username}.`,
      byCriterion: options.design ? [{ criterionId: 'design', text: options.design }] : [],
    },
  });
  const answer = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
    token: user.token,
    json: { baseRevision: 0, record },
  });
  expect(answer.status).toBe(201);
  return record.id;
}

/** A packet double-scored by first and second in a window with a policy; returns its ids. */
async function doubleScored(levels: [string, string], windowOverrides: Record<string, unknown> = {}) {
  const windowId = await openWindow(hub, admin, { scoringPolicy: policy, ...windowOverrides });
  const packetId = await uploadPacket(hub, admin);
  await assign(hub, admin, windowId, packetId, first);
  await assign(hub, admin, windowId, packetId, second);
  await score(first, packetId, levels[0], { design: 'Align every check.' });
  await score(second, packetId, levels[1], { design: 'Align every check.' });
  return { windowId, packetId };
}

/** Waits for score routing (asynchronous) to open the packet's adjudication; returns its id. */
async function adjudicationOf(windowId: string, packetId: string): Promise<string> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const quality = (await hub.api('GET', `/api/v1/windows/${windowId}/quality`, { token: admin.token })).json();
    const found = quality.adjudications.find((a: { packetId: string }) => a.packetId === packetId);
    if (found) return found.id;
    if (Date.now() > deadline) throw new Error('no adjudication opened');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const decisionPath = (windowId: string, packetId: string) => `/api/v1/windows/${windowId}/decisions/${packetId}`;
const decideBody = (overrides: Record<string, unknown> = {}) => ({
  decisionTypeId: 'earned',
  candidateFeedback: { overall: 'Well done.', byCriterion: [{ criterionId: 'design', text: 'Aligned checks.' }] },
  reason: 'Both scorings agree.',
  ...overrides,
});

describe('adjudication resolution', () => {
  it('shows both full scorings with usernames, and records a resolution apart from them', async () => {
    const { windowId, packetId } = await doubleScored(['l1', 'l4']);
    const id = await adjudicationOf(windowId, packetId);
    const read = await hub.api('GET', `/api/v1/adjudications/${id}`, { token: lead.token });
    expect(read.status).toBe(200);
    const detail = read.json();
    expect(detail).toMatchObject({ packetId, windowId, status: 'open', rubric: { id: 'cfu-rubric', version: '1' } });
    expect(detail.scorings.map((s: { assessorUsername: string }) => s.assessorUsername)).toEqual([
      'assessor1',
      'assessor2',
    ]);
    expect(detail.scorings[0].record.candidateFeedback.byCriterion).toEqual([
      { criterionId: 'design', text: 'Align every check.' },
    ]);
    const resolved = await hub.api('PUT', `/api/v1/adjudications/${id}/resolution`, {
      token: lead.token,
      json: {
        criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'The checks align.' }],
        decision: { kind: 'earned' },
        note: 'Read both.',
      },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolution: { resolvedByUsername: 'lead1', note: 'Read both.' },
    });
    // The originals are untouched.
    const original = (await hub.api('GET', `/api/v1/scores/${detail.scoreIds[0]}`, { token: chair.token })).json();
    expect(original.record.criteria[0].levelId).toBe('l1');
    const audit = (await hub.api('GET', '/api/v1/audit', { token: admin.token })).json();
    expect(audit.entries.some((e: { action: string }) => e.action === 'adjudication.resolve')).toBe(true);
  });

  it('resolving twice is refused with who resolved it; an unknown level is refused with field errors', async () => {
    const { windowId, packetId } = await doubleScored(['l1', 'l3']);
    const id = await adjudicationOf(windowId, packetId);
    const put = (json: unknown) =>
      hub.api('PUT', `/api/v1/adjudications/${id}/resolution`, { token: chair.token, json });
    const bad = await put({
      criteria: [{ criterionId: 'design', levelId: 'l9', rationale: 'x' }],
      decision: { kind: 'earned' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json().error.problems).toEqual([expect.objectContaining({ path: 'body.criteria[0].levelId' })]);
    const unknown = await put({
      criteria: [{ criterionId: 'ghost', levelId: 'l1', rationale: 'x' }],
      decision: { kind: 'earned' },
    });
    expect(unknown.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'body.criteria[0].criterionId',
      'body.criteria',
    ]);
    const incomplete = await put({ criteria: [], decision: { kind: 'earned' } });
    expect(incomplete.json().error.problems).toEqual([
      { path: 'body.criteria', message: 'criterion "design" needs a level' },
    ]);
    const good = {
      criteria: [{ criterionId: 'design', levelId: 'l2', rationale: 'Weak alignment.' }],
      decision: { kind: 'not-yet' },
    };
    expect((await put(good)).status).toBe(200);
    const again = await put(good);
    expect(again.status).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already-resolved', message: expect.stringContaining('chair1') });
  });

  it('a scorer cannot resolve the adjudication of their own scoring', async () => {
    const scorerLead = await addUser(hub, 'scorer-lead', ['assessor', 'lead']);
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, scorerLead);
    await assign(hub, admin, windowId, packetId, second);
    await score(scorerLead, packetId, 'l1');
    await score(second, packetId, 'l4');
    const id = await adjudicationOf(windowId, packetId);
    const answer = await hub.api('PUT', `/api/v1/adjudications/${id}/resolution`, {
      token: scorerLead.token,
      json: {
        criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'Mine is right.' }],
        decision: { kind: 'earned' },
      },
    });
    expect(answer.status).toBe(409);
    expect(answer.json().error.code).toBe('resolver-scored');
  });
});

describe('blindness before one’s own submission', () => {
  it('an assessor on the packet cannot read the other scoring or the thread before submitting their own', async () => {
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, first);
    await assign(hub, admin, windowId, packetId, second);
    await score(first, packetId, 'l3');
    const posted = await hub.api('POST', `/api/v1/windows/${windowId}/packets/${packetId}/thread`, {
      token: first.token,
      json: { body: 'I gave it Proficient.' },
    });
    expect(posted.status).toBe(201);
    for (const path of ['thread', 'decision']) {
      const answer = await hub.api('GET', `/api/v1/windows/${windowId}/packets/${packetId}/${path}`, {
        token: second.token,
      });
      expect(answer.status).toBe(403);
      expect(answer.json().error.code).toBe('submit-first');
    }
    expect(
      (
        await hub.api('POST', `/api/v1/windows/${windowId}/packets/${packetId}/thread`, {
          token: second.token,
          json: { body: 'Hm?' },
        })
      ).status,
    ).toBe(403);
    // An assessor not on the packet gets nothing at all.
    expect(
      (await hub.api('GET', `/api/v1/windows/${windowId}/packets/${packetId}/thread`, { token: third.token })).status,
    ).toBe(404);
    await score(second, packetId, 'l3');
    // A post is announced to the committee by its window alone (a conflicted chair learns no packet).
    const announced: unknown[] = [];
    const stop = hub.running.hub.events.subscribe((event) => {
      if (event.type === 'thread.posted') announced.push(event);
    });
    await hub.api('POST', `/api/v1/windows/${windowId}/packets/${packetId}/thread`, {
      token: second.token,
      json: { body: 'Agreed.' },
    });
    stop();
    expect(announced).toEqual([{ type: 'thread.posted', windowId }]);
    const thread = await hub.api('GET', `/api/v1/windows/${windowId}/packets/${packetId}/thread`, {
      token: second.token,
    });
    expect(thread.json().messages).toEqual([
      expect.objectContaining({ authorUsername: 'assessor1', body: 'I gave it Proficient.' }),
      expect.objectContaining({ authorUsername: 'assessor2', body: 'Agreed.' }),
    ]);
    const view = (
      await hub.api('GET', `/api/v1/windows/${windowId}/packets/${packetId}/decision`, { token: second.token })
    ).json();
    expect(view.scorings).toHaveLength(2);
  });
});

describe('decisions', () => {
  it('the decision view merges the assessors’ feedback with its sources; deciding keeps history before release', async () => {
    const { windowId, packetId } = await doubleScored(['l3', 'l3']);
    const view = (
      await hub.api('GET', `/api/v1/windows/${windowId}/packets/${packetId}/decision`, { token: chair.token })
    ).json();
    expect(view.blockers).toEqual([]);
    expect(view.discrepancies).toEqual([]);
    expect(view.decisionTypes.map((t: { id: string }) => t.id)).toEqual(['earned', 'not-yet', 'unscorable']);
    expect(view.suggestedFeedback.overall.map((p: { text: string }) => p.text)).toEqual([
      'Overall from assessor1.',
      'Overall from assessor2.',
    ]);
    // Identical criterion feedback is offered once, attributed to both scorings.
    expect(view.suggestedFeedback.byCriterion[0].pieces).toEqual([
      {
        text: 'Align every check.',
        sources: view.scorings.map((s: { scoreId: string; assessorUsername: string }) => ({
          scoreId: s.scoreId,
          assessorUsername: s.assessorUsername,
        })),
      },
    ]);
    const decided = await hub.api('PUT', decisionPath(windowId, packetId), { token: chair.token, json: decideBody() });
    expect(decided.status).toBe(200);
    expect(decided.json()).toMatchObject({
      revision: 1,
      decision: { kind: 'earned' },
      criteria: [{ criterionId: 'design', levelId: 'l3' }],
    });
    const again = await hub.api('PUT', decisionPath(windowId, packetId), {
      token: admin.token,
      json: decideBody({
        decisionTypeId: 'not-yet',
        criteria: [{ criterionId: 'design', levelId: 'l2', rationale: '' }],
        reason: 'Re-read.',
      }),
    });
    expect(again.json()).toMatchObject({ revision: 2, decision: { kind: 'not-yet' } });
    const after = (
      await hub.api('GET', `/api/v1/windows/${windowId}/packets/${packetId}/decision`, { token: chair.token })
    ).json();
    expect(after.decision.revision).toBe(2);
    expect(after.history.map((d: { revision: number }) => d.revision)).toEqual([1]);
  });

  it('a decision is refused while scoring is incomplete or an adjudication is open', async () => {
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, first);
    await assign(hub, admin, windowId, packetId, second);
    await score(first, packetId, 'l1');
    const early = await hub.api('PUT', decisionPath(windowId, packetId), { token: chair.token, json: decideBody() });
    expect(early.status).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'scoring-incomplete',
      message: expect.stringContaining('assessor2'),
    });
    await score(second, packetId, 'l4');
    await adjudicationOf(windowId, packetId);
    const open = await hub.api('PUT', decisionPath(windowId, packetId), { token: chair.token, json: decideBody() });
    expect(open.status).toBe(409);
    expect(open.json().error.code).toBe('adjudication-open');
  });

  it('after resolution the levels default to the resolution’s; an unknown decision type or level is a 400', async () => {
    const { windowId, packetId } = await doubleScored(['l1', 'l4']);
    const id = await adjudicationOf(windowId, packetId);
    await hub.api('PUT', `/api/v1/adjudications/${id}/resolution`, {
      token: lead.token,
      json: {
        criteria: [{ criterionId: 'design', levelId: 'l2', rationale: 'Partly aligned.' }],
        decision: { kind: 'not-yet' },
      },
    });
    const badType = await hub.api('PUT', decisionPath(windowId, packetId), {
      token: chair.token,
      json: decideBody({ decisionTypeId: 'distinction' }),
    });
    expect(badType.status).toBe(400);
    expect(badType.json().error.problems[0].path).toBe('body.decisionTypeId');
    const badLevel = await hub.api('PUT', decisionPath(windowId, packetId), {
      token: chair.token,
      json: decideBody({ criteria: [{ criterionId: 'design', levelId: 'l7', rationale: '' }] }),
    });
    expect(badLevel.json().error.problems[0].path).toBe('body.criteria[0].levelId');
    const decided = await hub.api('PUT', decisionPath(windowId, packetId), {
      token: chair.token,
      json: decideBody({ decisionTypeId: 'not-yet' }),
    });
    expect(decided.json().criteria).toEqual([{ criterionId: 'design', levelId: 'l2', rationale: 'Partly aligned.' }]);
  });

  it('a window’s own decision types are editable and offered; the outcome decides what the decision means', async () => {
    const decisionTypes = [
      { id: 'distinction', label: 'Earned with distinction', outcome: 'earned' },
      { id: 'resubmit', label: 'Not yet — resubmit next window', outcome: 'not-yet' },
    ];
    const { windowId, packetId } = await doubleScored(['l4', 'l4']);
    const patched = await hub.api('PATCH', `/api/v1/windows/${windowId}`, {
      token: admin.token,
      json: { decisionTypes },
    });
    expect(patched.json().decisionTypes).toEqual(decisionTypes);
    const duplicate = await hub.api('PATCH', `/api/v1/windows/${windowId}`, {
      token: admin.token,
      json: { decisionTypes: [decisionTypes[0], decisionTypes[0]] },
    });
    expect(duplicate.status).toBe(400);
    const decided = await hub.api('PUT', decisionPath(windowId, packetId), {
      token: chair.token,
      json: decideBody({ decisionTypeId: 'distinction' }),
    });
    expect(decided.json()).toMatchObject({ decisionType: decisionTypes[0], decision: { kind: 'earned' } });
  });

  it('a batch decides agreeing packets with merged feedback and says why it skipped the others', async () => {
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const packet = async (levels: [string, string?]) => {
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, windowId, packetId, first);
      await assign(hub, admin, windowId, packetId, second);
      await score(first, packetId, levels[0], { overall: 'Shared praise.' });
      if (levels[1]) await score(second, packetId, levels[1], { overall: 'Second view.' });
      return packetId;
    };
    const agreeing = await packet(['l3', 'l3']);
    const adjacent = await packet(['l3', 'l4']);
    const waiting = await packet(['l3']);
    const answer = await hub.api('POST', `/api/v1/windows/${windowId}/decisions/batch`, {
      token: chair.token,
      json: { packetIds: [agreeing, adjacent, waiting] },
    });
    expect(answer.status).toBe(200);
    const { results, decided, skipped } = answer.json();
    expect({ decided, skipped }).toEqual({ decided: 1, skipped: 2 });
    expect(results).toEqual([
      { packetId: agreeing, outcome: 'decided', decisionId: expect.any(String) },
      expect.objectContaining({ packetId: adjacent, outcome: 'skipped', reason: 'levels-differ' }),
      expect.objectContaining({ packetId: waiting, outcome: 'skipped', reason: 'scoring-incomplete' }),
    ]);
    const view = (
      await hub.api('GET', `/api/v1/windows/${windowId}/packets/${agreeing}/decision`, { token: chair.token })
    ).json();
    expect(view.decision.candidateFeedback.overall).toBe('Shared praise.\n\nSecond view.');
    const rerun = (
      await hub.api('POST', `/api/v1/windows/${windowId}/decisions/batch`, {
        token: chair.token,
        json: { packetIds: [agreeing] },
      })
    ).json();
    expect(rerun.results[0]).toMatchObject({ outcome: 'skipped', reason: 'already-decided' });
  });
  it('a batch that fails part-way decides nothing: one transaction, with one audit entry per decided packet', async () => {
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const packets: string[] = [];
    for (let i = 0; i < 3; i++) {
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, windowId, packetId, first);
      await assign(hub, admin, windowId, packetId, second);
      await score(first, packetId, 'l3');
      await score(second, packetId, 'l3');
      packets.push(packetId);
    }
    const { db } = hub.running.hub;
    const decisionsIn = async () =>
      (await db.query<{ n: number }>('select count(*)::int as n from decisions where window_id = $1', [windowId]))[0]!
        .n;
    // The last packet's decision cannot be written (as a failing disk or a lost connection would stop it).
    await db.query(`alter table decisions add constraint batch_test_refuses check (packet_id <> '${packets[2]}')`);
    try {
      const failed = await hub.api('POST', `/api/v1/windows/${windowId}/decisions/batch`, {
        token: chair.token,
        json: { packetIds: packets },
      });
      expect(failed.status).toBe(500);
      expect(await decisionsIn()).toBe(0);
    } finally {
      await db.query('alter table decisions drop constraint batch_test_refuses');
    }
    const answer = await hub.api('POST', `/api/v1/windows/${windowId}/decisions/batch`, {
      token: chair.token,
      json: { packetIds: packets, reason: 'All three agree.' },
    });
    expect(answer.json()).toMatchObject({ decided: 3, skipped: 0 });
    expect(await decisionsIn()).toBe(3);
    const audit = await db.query<{ subject: string; detail: Record<string, unknown> }>(
      `select subject, detail from audit_log where action = 'decision.record' and detail->>'windowId' = $1 order by id`,
      [windowId],
    );
    expect(audit).toEqual(
      answer.json().results.map((r: { packetId: string; decisionId: string }) => ({
        subject: `packet:${r.packetId}`,
        detail: {
          windowId,
          decisionId: r.decisionId,
          revision: 1,
          decisionType: 'earned',
          outcome: 'earned',
          reason: 'All three agree.',
          batch: true,
        },
      })),
    );
  });
});

describe('conflicts of interest', () => {
  it('a conflicted chair gets 404 on the adjudication, thread, decision view, decision and batch', async () => {
    const conflictedChair = await addUser(hub, 'chair-conflicted', ['chair', 'lead']);
    const windowId = await openWindow(hub, admin, { scoringPolicy: policy });
    const packetId = await uploadPacket(hub, admin, '?district=Harbor%20City%20SD');
    await assign(hub, admin, windowId, packetId, first);
    await assign(hub, admin, windowId, packetId, second);
    await score(first, packetId, 'l1');
    await score(second, packetId, 'l4');
    const id = await adjudicationOf(windowId, packetId);
    await hub.api('POST', '/api/v1/conflicts', { token: conflictedChair.token, json: { district: 'harbor city sd' } });
    const call = (method: string, path: string, json?: unknown) =>
      hub.api(method, path, { token: conflictedChair.token, json });
    expect((await call('GET', `/api/v1/adjudications/${id}`)).status).toBe(404);
    expect(
      (
        await call('PUT', `/api/v1/adjudications/${id}/resolution`, {
          criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'x' }],
          decision: { kind: 'earned' },
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', `/api/v1/windows/${windowId}/packets/${packetId}/thread`)).status).toBe(404);
    expect((await call('POST', `/api/v1/windows/${windowId}/packets/${packetId}/thread`, { body: 'x' })).status).toBe(
      404,
    );
    expect((await call('GET', `/api/v1/windows/${windowId}/packets/${packetId}/decision`)).status).toBe(404);
    expect((await call('PUT', decisionPath(windowId, packetId), decideBody())).status).toBe(404);
    const batch = (await call('POST', `/api/v1/windows/${windowId}/decisions/batch`, { packetIds: [packetId] })).json();
    expect(batch.results[0]).toMatchObject({ outcome: 'skipped', reason: 'not-found' });
  });
});

import { expandDashboard } from '../../src/shared/committee/dashboard-wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
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
 * Release (issue 12, part 6) and identity reveal (part 11). The release is all or nothing in one
 * transaction, so it runs on both backends; the platform account reads released outcomes only;
 * nothing candidate-facing exists before release; identity appears only after a decision, once.
 */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let assessor: TestUser;
  let platform: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    ({ admin, chair, assessor } = await staffHub(hub));
    platform = await addUser(hub, 'platform1', ['platform']);
  });
  afterAll(() => hub.close());

  /** A packet scored once by assessor1 in the window (earned, l3). */
  async function scored(windowId: string, query = ''): Promise<string> {
    const packetId = await uploadPacket(hub, admin, query);
    await assign(hub, admin, windowId, packetId, assessor);
    const record = scoreRecord(packetId, assessor.username, {
      candidateFeedback: {
        overall: 'Strong, aligned checks.',
        byCriterion: [{ criterionId: 'design', text: 'Aligned.' }],
      },
    });
    const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
      token: assessor.token,
      json: { baseRevision: 0, record },
    });
    expect(put.status).toBe(201);
    return packetId;
  }

  async function decided(windowId: string, query = ''): Promise<string> {
    const packetId = await scored(windowId, query);
    const answer = await hub.api('PUT', `/api/v1/windows/${windowId}/decisions/${packetId}`, {
      token: chair.token,
      json: {
        decisionTypeId: 'earned',
        candidateFeedback: {
          overall: 'Earned: strong, aligned checks.',
          byCriterion: [{ criterionId: 'design', text: 'Aligned.' }],
        },
        reason: 'One scoring, clearly above the cut.',
      },
    });
    expect(answer.status).toBe(200);
    return packetId;
  }

  const releases = (token: string, query = '') => hub.api('GET', `/api/v1/releases${query}`, { token });
  const releaseIn = (windowId: string, json: unknown = {}) =>
    hub.api('POST', `/api/v1/windows/${windowId}/releases`, { token: chair.token, json });

  it('a release with one undecided packet releases nothing, and says which packet stopped it', async () => {
    const windowId = await openWindow(hub, admin);
    const ready = await decided(windowId);
    const undecided = await scored(windowId);
    const refused = await releaseIn(windowId, { packetIds: [ready, undecided] });
    expect(refused.status).toBe(409);
    expect(refused.json().refused).toEqual([{ packetId: undecided, reason: 'not-decided' }]);
    expect((await releases(platform.token, `?windowId=${windowId}`)).json().outcomes).toEqual([]);
    const released = await releaseIn(windowId, { packetIds: [ready] });
    expect(released.status).toBe(201);
    expect(released.json()).toMatchObject({ windowId, packetIds: [ready] });
    const again = await releaseIn(windowId, { packetIds: [ready] });
    expect(again.json().refused).toEqual([{ packetId: ready, reason: 'already-released' }]);
  });

  it('the platform reads released outcomes only: decision, feedback and levels, never an unreleased decision', async () => {
    const windowId = await openWindow(hub, admin);
    const released = await decided(windowId);
    await releaseIn(windowId);
    const unreleased = await decided(windowId);
    const { outcomes } = (await releases(platform.token, `?windowId=${windowId}`)).json();
    expect(outcomes).toEqual([
      expect.objectContaining({
        packetId: released,
        outcome: 'earned',
        decision: { kind: 'earned' },
        decisionType: { id: 'earned', label: 'Earned', outcome: 'earned' },
        criteria: [{ criterionId: 'design', levelId: 'l3', levelLabel: 'Proficient' }],
        candidateFeedback: {
          overall: 'Earned: strong, aligned checks.',
          byCriterion: [{ criterionId: 'design', text: 'Aligned.' }],
        },
      }),
    ]);
    expect(JSON.stringify(outcomes)).not.toContain(unreleased);
    // Releasing everything left releases the second; the first is not released twice.
    const rest = await releaseIn(windowId);
    expect(rest.json().packetIds).toEqual([unreleased]);
    expect((await releaseIn(windowId)).json().error.code).toBe('nothing-to-release');
    // A released decision never changes.
    const redecide = await hub.api('PUT', `/api/v1/windows/${windowId}/decisions/${released}`, {
      token: chair.token,
      json: { decisionTypeId: 'not-yet', candidateFeedback: {}, reason: 'Changed my mind.' },
    });
    expect(redecide.status).toBe(409);
    expect(redecide.json().error.code).toBe('released');
  });

  it('nothing candidate-facing exists before release; after it the report carries the released decision', async () => {
    const windowId = await openWindow(hub, admin);
    const packetId = await decided(windowId);
    const path = `/api/v1/windows/${windowId}/packets/${packetId}/candidate-report`;
    const before = await hub.api('GET', path, { token: chair.token });
    expect(before.status).toBe(409);
    expect(before.json().error.code).toBe('not-released');
    await releaseIn(windowId, { packetIds: [packetId] });
    const pdf = await hub.api('GET', path, { token: chair.token });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const json = (await hub.api('GET', `${path}?format=json`, { token: chair.token })).json();
    expect(json).toMatchObject({
      decision: { kind: 'earned' },
      criteria: [{ criterionId: 'design', levelLabel: 'Proficient', feedback: 'Aligned.' }],
    });
    expect(JSON.stringify(json)).not.toContain('note to self');
  });

  it('a release without a list leaves out the packets the chair is conflicted with, and a listed one is refused as not found', async () => {
    const windowId = await openWindow(hub, admin);
    const clear = await decided(windowId);
    const conflicted = await decided(windowId, '?school=Ridge%20High');
    const wary = await addUser(hub, `chair-${backend}`, ['chair']);
    await hub.api('POST', '/api/v1/conflicts', { token: wary.token, json: { school: 'ridge high' } });
    const listed = await hub.api('POST', `/api/v1/windows/${windowId}/releases`, {
      token: wary.token,
      json: { packetIds: [clear, conflicted] },
    });
    expect(listed.json().refused).toEqual([{ packetId: conflicted, reason: 'not-found' }]);
    const all = await hub.api('POST', `/api/v1/windows/${windowId}/releases`, { token: wary.token, json: {} });
    expect(all.json().packetIds).toEqual([clear]);
    expect(
      (
        await hub.api('GET', `/api/v1/windows/${windowId}/packets/${conflicted}/candidate-report`, {
          token: wary.token,
        })
      ).status,
    ).toBe(404);
  });

  it('the dashboard shows decided and released packets in their own states', async () => {
    const windowId = await openWindow(hub, admin);
    const released = await decided(windowId);
    const waiting = await decided(windowId);
    await releaseIn(windowId, { packetIds: [released] });
    const view = expandDashboard(
      (await hub.api('GET', `/api/v1/windows/${windowId}/dashboard`, { token: chair.token })).json(),
    );
    const stateOf = (packetId: string) =>
      view.packets.find((p: { packetId: string }) => p.packetId === packetId)!.state;
    expect([stateOf(released), stateOf(waiting)]).toEqual(['released', 'decided']);
    expect(view.counts).toMatchObject({ decided: 1, released: 1 });
  });

  describe('identity', () => {
    it('is revealed only after a decision, logged once, never to assessors, and a conflicted chair gets 404', async () => {
      const windowId = await openWindow(hub, admin);
      const packetId = await scored(windowId, '?district=Coast%20USD');
      const identity = { name: 'Dana Rivera', email: 'dana@example.org', externalId: 'C-1042' };
      const set = await hub.api('PUT', `/api/v1/packets/${packetId}/identity`, {
        token: platform.token,
        json: identity,
      });
      expect(set.status).toBe(200);
      const reveal = () =>
        hub.api('POST', `/api/v1/windows/${windowId}/packets/${packetId}/identity-reveal`, {
          token: chair.token,
          json: { reason: 'Certificate needs the candidate’s name.' },
        });
      const early = await reveal();
      expect(early.status).toBe(409);
      expect(early.json().error.code).toBe('not-decided');
      await hub.api('PUT', `/api/v1/windows/${windowId}/decisions/${packetId}`, {
        token: chair.token,
        json: { decisionTypeId: 'earned', candidateFeedback: {}, reason: 'Above the cut.' },
      });
      const first = await reveal();
      expect(first.status).toBe(200);
      expect(first.json()).toMatchObject({ identity, revealedByUsername: 'chair1' });
      expect((await reveal()).json()).toEqual(first.json());
      const audit = (await hub.api('GET', '/api/v1/audit', { token: admin.token })).json();
      expect(audit.entries.filter((e: { action: string }) => e.action === 'identity.reveal')).toHaveLength(1);
      // The chair's decision view shows it; the assessor's never does.
      const view = (path: string, token: string) => hub.api('GET', path, { token });
      const decisionPath = `/api/v1/windows/${windowId}/packets/${packetId}/decision`;
      expect((await view(decisionPath, chair.token)).json().identity.identity.name).toBe('Dana Rivera');
      const assessorView = await view(decisionPath, assessor.token);
      expect(assessorView.status).toBe(200);
      expect(assessorView.json().identity).toBeNull();
      expect(assessorView.body.toString()).not.toContain('Dana');
      const wary = await addUser(hub, `wary-${backend}`, ['chair']);
      await hub.api('POST', '/api/v1/conflicts', { token: wary.token, json: { district: 'coast usd' } });
      const conflictedReveal = await hub.api(
        'POST',
        `/api/v1/windows/${windowId}/packets/${packetId}/identity-reveal`,
        {
          token: wary.token,
          json: { reason: 'Curious.' },
        },
      );
      expect(conflictedReveal.status).toBe(404);
    });
  });
});

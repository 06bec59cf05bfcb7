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
import { CREDENTIAL, normingSession, scoreAnchor } from './support/norming';

/**
 * Scorer quality (issue 12, part 9): per-assessor statistics against second scorers and masters,
 * the policy's flags, and a chair's pause (optionally until recalibration) that the assessor reads
 * as a notice in their queue.
 */
let hub: TestHub;
let admin: TestUser;
let chair: TestUser;
let assessor: TestUser;
let other: TestUser;

beforeAll(async () => {
  hub = await startTestHub();
  ({ admin, chair, assessor, other } = await staffHub(hub));
});
afterAll(() => hub.close());

async function submit(user: TestUser, packetId: string, levelId: string) {
  const record = scoreRecord(packetId, user.username, {
    criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the evidence.' }],
  });
  const answer = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
    token: user.token,
    json: { baseRevision: 0, record },
  });
  expect(answer.status).toBe(201);
}

/** Two packets double-scored by assessor (l4) and other (l2): they never agree, two levels apart. */
async function doubleScoredWindow(query = '') {
  const windowId = await openWindow(hub, admin, {
    scoringPolicy: { quality: { minScored: 2, minExactAgreement: 0.8, maxAbsSeverity: 1 } },
  });
  for (let i = 0; i < 2; i++) {
    const packetId = await uploadPacket(hub, admin, query);
    await assign(hub, admin, windowId, packetId, assessor);
    await assign(hub, admin, windowId, packetId, other);
    await submit(assessor, packetId, 'l4');
    await submit(other, packetId, 'l2');
  }
  return windowId;
}

const scorers = async (windowId: string, by = chair) => {
  const answer = await hub.api('GET', `/api/v1/windows/${windowId}/scorers`, { token: by.token });
  expect(answer.status).toBe(200);
  return answer.json();
};
const rowOf = (report: { scorers: { assessorId: string }[] }, user: TestUser) =>
  report.scorers.find((s) => s.assessorId === user.id) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read fields freely

const notices = async (user: TestUser) =>
  (await hub.api('GET', '/api/v1/assignments', { token: user.token })).json().notices as {
    windowId: string;
    message: string;
  }[];

describe('scorer quality', () => {
  it('gives each assessor agreement with second scorers, severity, scale use, time and flags beyond the policy', async () => {
    const windowId = await doubleScoredWindow();
    const report = await scorers(windowId);
    expect(report.limits).toEqual({ minExactAgreement: 0.8, maxAbsSeverity: 1, minScored: 2 });
    expect(report.scalePositions).toBe(4);
    const lenient = rowOf(report, assessor);
    expect(lenient).toMatchObject({
      username: 'assessor1',
      status: 'active',
      scored: 2,
      secondScoring: { packets: 2, n: 2, exact: 0, adjacent: 0, severity: 2 },
      validity: { packets: 0, exact: null },
      scaleUse: [0, 0, 0, 2],
      medianMinutes: 60, // the test records are opened at 09:00 and submitted at 10:00
    });
    // Per UTC day of the window (open now for two weeks): today holds both comparisons, the rest are gaps.
    const today = new Date(hub.running.hub.now()).toISOString().slice(0, 10);
    expect(lenient.daily.length).toBeGreaterThanOrEqual(14);
    expect(lenient.daily.filter((d: { exact: number | null }) => d.exact !== null)).toEqual([
      { day: today, exact: 0, n: 2 },
    ]);
    expect(lenient.flags.map((f: { kind: string; basis: string }) => [f.kind, f.basis])).toEqual([
      ['low-agreement', 'second-scoring'],
      ['lenient', 'second-scoring'],
    ]);
    expect(rowOf(report, other).flags.map((f: { kind: string }) => f.kind)).toEqual(['low-agreement', 'severe']);
  });

  it('a conflicted chair does not see the scorings of packets they are conflicted with', async () => {
    const windowId = await doubleScoredWindow('?district=North%20District');
    const conflicted = await addUser(hub, 'chair2', ['chair']);
    await hub.api('POST', '/api/v1/conflicts', { token: conflicted.token, json: { district: 'north district' } });
    expect(rowOf(await scorers(windowId), assessor).scored).toBe(2);
    const theirs = await scorers(windowId, conflicted);
    // Not even the assessors on those packets are listed: their rows would only hold the conflicted work.
    expect(theirs.scorers).toEqual([]);
  });

  it('a paused assessor gets no new packets and reads why in their queue, until a chair resumes them; all audited', async () => {
    const windowId = await openWindow(hub, admin);
    const pause = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${assessor.id}/pause`, {
      token: chair.token,
      json: { reason: 'Agreement fell below the policy; please reread the anchors.' },
    });
    expect(pause.status).toBe(200);
    expect(pause.json()).toMatchObject({ status: 'paused', pause: { recalibrate: false, pausedBy: 'chair1' } });
    expect(rowOf(await scorers(windowId), assessor).status).toBe('paused');

    const packetId = await uploadPacket(hub, admin);
    const manual = await hub.api('POST', '/api/v1/assignments', {
      token: admin.token,
      json: { windowId, packetId, assessorId: assessor.id },
    });
    expect(manual.status).toBe(409);
    expect(manual.json().error.code).toBe('assessor-paused');
    const auto = await hub.api('POST', '/api/v1/assignments/auto', {
      token: admin.token,
      json: { windowId, packetIds: [packetId] },
    });
    expect(auto.json().created.map((r: { assessorId: string }) => r.assessorId)).toEqual([other.id]);

    const [notice] = (await notices(assessor)).filter((n) => n.windowId === windowId);
    expect(notice!.message).toMatch(/You are paused in .*Agreement fell below the policy; please reread the anchors\./);
    expect((await notices(other)).filter((n) => n.windowId === windowId)).toEqual([]);

    const again = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${assessor.id}/pause`, {
      token: chair.token,
      json: { reason: 'twice' },
    });
    expect(again.status).toBe(409);
    expect(again.json().error.code).toBe('already-paused');

    const resume = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${assessor.id}/resume`, {
      token: chair.token,
      json: { reason: 'Reread the anchors with me.' },
    });
    expect(resume.json()).toEqual({ assessorId: assessor.id, status: 'active', pause: null });
    expect((await notices(assessor)).filter((n) => n.windowId === windowId)).toEqual([]);
    const resumeAgain = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${assessor.id}/resume`, {
      token: chair.token,
      json: { reason: 'again' },
    });
    expect(resumeAgain.json().error.code).toBe('not-paused');

    const audit = (await hub.api('GET', '/api/v1/audit', { token: admin.token })).json().entries as {
      action: string;
      actorId: string;
      subject: string;
      detail: Record<string, unknown>;
    }[];
    const trail = audit.filter((e) => e.subject === `user:${assessor.id}` && e.detail.windowId === windowId);
    expect(trail.map((e) => [e.action, e.actorId, e.detail.reason])).toEqual([
      ['scorer.pause', chair.id, 'Agreement fell below the policy; please reread the anchors.'],
      ['scorer.resume', chair.id, 'Reread the anchors with me.'],
    ]);
  });

  it('bad pauses are refused with the reason: no reason, not an assessor, recalibration without a required qualification', async () => {
    const windowId = await openWindow(hub, admin);
    const path = (user: TestUser) => `/api/v1/windows/${windowId}/scorers/${user.id}/pause`;
    expect((await hub.api('POST', path(assessor), { token: chair.token, json: { reason: ' ' } })).status).toBe(400);
    const notAssessor = await hub.api('POST', path(chair), { token: chair.token, json: { reason: 'x' } });
    expect(notAssessor.json().error.code).toBe('not-an-assessor');
    const recalibrate = await hub.api('POST', path(assessor), {
      token: chair.token,
      json: { reason: 'x', recalibrate: true },
    });
    expect(recalibrate.status).toBe(409);
    expect(recalibrate.json().error.code).toBe('no-required-qualification');
  });

  it('a recalibration pause lasts until the assessor passes a qualification recorded after it', async () => {
    const facilitator = await addUser(hub, 'facilitator1', ['facilitator']);
    const qualify = async () => {
      const { sessionId, packetIds } = await normingSession(hub, {
        staff: facilitator,
        uploader: admin,
        participants: [other],
        mode: 'qualification',
      });
      expect((await scoreAnchor(hub, sessionId, other, packetIds[0]!, 'l3')).status).toBe(201);
      for (const step of ['reveal', 'close'])
        expect(
          (await hub.api('POST', `/api/v1/norming/sessions/${sessionId}/${step}`, { token: facilitator.token })).status,
        ).toBe(200);
    };
    await qualify();
    const windowId = await openWindow(hub, admin, { requiredQualification: CREDENTIAL });
    const pause = await hub.api('POST', `/api/v1/windows/${windowId}/scorers/${other.id}/pause`, {
      token: chair.token,
      json: { reason: 'Severe against the masters.', recalibrate: true },
    });
    expect(pause.json()).toMatchObject({ status: 'recalibrating', pause: { recalibrate: true } });
    // Their earlier qualification still holds, yet they are held back until they pass again.
    const packetId = await uploadPacket(hub, admin);
    const refused = await hub.api('POST', '/api/v1/assignments', {
      token: admin.token,
      json: { windowId, packetId, assessorId: other.id },
    });
    expect(refused.json().error.code).toBe('assessor-paused');
    const [notice] = (await notices(other)).filter((n) => n.windowId === windowId);
    expect(notice!.message).toContain(`Take part in a qualification session in ${CREDENTIAL}`);

    hub.advance(1000); // the new qualification is recorded after the pause
    await qualify();
    expect(rowOf(await scorers(windowId), other)).toMatchObject({ status: 'active', pause: null });
    expect((await notices(other)).filter((n) => n.windowId === windowId)).toEqual([]);
    expect(
      (
        await hub.api('POST', '/api/v1/assignments', {
          token: admin.token,
          json: { windowId, packetId, assessorId: other.id },
        })
      ).status,
    ).toBe(201);
  });
});

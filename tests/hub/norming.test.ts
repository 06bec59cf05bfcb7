import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import { addUser, openWindow, signIn, startTestHub, uploadPacket, type TestHub, type TestUser } from './support/hub';
import { CRITERION, normingSession, scoreAnchor, type NormingFixture } from './support/norming';

/**
 * Norming on the hub: the blind rule for every route a participant can call, before and after
 * the reveal; late scores and reopening; consensus with master history; the statistics of the
 * report; qualification; anchors never assigned for live scoring.
 */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let facilitator: TestUser;
  let chair: TestUser;
  let p1: TestUser, p2: TestUser, p3: TestUser, outsider: TestUser;
  let session: NormingFixture;
  const MASTER_SECRET = 'MASTER-RATIONALE-never-before-the-reveal';
  const P2_SECRET = 'P2-RATIONALE-never-to-other-participants';

  const get = (user: TestUser, path: string) => hub.api('GET', path, { token: user.token });
  const sessionPath = () => `/api/v1/norming/sessions/${session.sessionId}`;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    admin = await addUser(hub, 'admin1', ['admin']);
    facilitator = await addUser(hub, 'facilitator1', ['facilitator']);
    chair = await addUser(hub, 'chair1', ['chair']);
    p1 = await addUser(hub, 'assessor1', ['assessor']);
    p2 = await addUser(hub, 'assessor2', ['assessor']);
    p3 = await addUser(hub, 'assessor3', ['assessor']);
    outsider = await addUser(hub, 'assessor4', ['assessor']);
    // Masters l3, l2, l4 on three anchors.
    session = await normingSession(hub, {
      staff: facilitator,
      uploader: admin,
      participants: [p1, p2, p3],
      masters: ['l3', 'l2', 'l4'],
      mode: 'qualification',
      rationale: MASTER_SECRET,
    });
    const [a, b, c] = session.packetIds as [string, string, string];
    // p1 matches every master; p2 is one level off on the second anchor.
    for (const [packetId, level] of [
      [a, 'l3'],
      [b, 'l2'],
      [c, 'l4'],
    ] as const) {
      expect((await scoreAnchor(hub, session.sessionId, p1, packetId, level)).status).toBe(201);
    }
    for (const [packetId, level] of [
      [a, 'l3'],
      [b, 'l3'],
      [c, 'l4'],
    ] as const) {
      expect((await scoreAnchor(hub, session.sessionId, p2, packetId, level, { rationale: P2_SECRET })).status).toBe(
        201,
      );
    }
  });
  afterAll(() => hub.close());

  /** Everything p1 can read about the session, as text. */
  async function whatP1Reads(): Promise<string> {
    const answers = await Promise.all([
      get(p1, '/api/v1/norming/sessions'),
      get(p1, sessionPath()),
      get(p1, `${sessionPath()}/scores`),
      get(p1, `${sessionPath()}/report`),
    ]);
    return answers.map((a) => `${a.status} ${a.body.toString()}`).join('\n');
  }

  describe('blind before the reveal', () => {
    it("a participant reads only their own scores: never the master, never another participant's level or name", async () => {
      const view = (await get(p1, sessionPath())).json();
      expect(view.role).toBe('participant');
      expect(view.anchors.every((a: object) => !('masters' in a) && !('distribution' in a))).toBe(true);
      expect(view.yourScores).toHaveLength(3);
      // Their own levels, for the reveal on any computer: p1 scored l3, l2, l4.
      const levelOf = (packetId: string) =>
        view.yourScores.find((s: { packetId: string }) => s.packetId === packetId).levels;
      expect(session.packetIds.map(levelOf)).toEqual(
        ['l3', 'l2', 'l4'].map((levelId) => [{ criterionId: CRITERION, levelId }]),
      );
      expect(view.participants).toBeUndefined();
      const scores = (await get(p1, `${sessionPath()}/scores`)).json().scores;
      expect(new Set(scores.map((s: { assessorId: string }) => s.assessorId))).toEqual(new Set([p1.id]));
      const everything = await whatP1Reads();
      for (const secret of [MASTER_SECRET, P2_SECRET, p2.id, 'assessor2', p3.id])
        expect(everything).not.toContain(secret);
      expect(everything).toMatch(/^403 /m); // the report is for facilitators
    });

    it('an error never confirms another participant’s score: replaying their score id as mine is 404, and its contents stay hidden', async () => {
      const theirs = (await get(facilitator, `${sessionPath()}/scores`))
        .json()
        .scores.find((s: { assessorId: string }) => s.assessorId === p2.id);
      const answer = await scoreAnchor(hub, session.sessionId, p1, theirs.packetId, 'l1');
      expect(answer.status).toBe(409); // p1 already scored that anchor: based on revision 0, latest is 1
      expect(answer.body.toString()).not.toContain(P2_SECRET);
      const replay = await hub.api('PUT', `${sessionPath()}/scores/${theirs.scoreId}`, {
        token: p1.token,
        json: { baseRevision: 0, record: { ...(await storedRecord(theirs.scoreId)), assessorId: 'assessor1' } },
      });
      expect([400, 404]).toContain(replay.status);
      expect(replay.body.toString()).not.toContain(P2_SECRET);
    });

    it('someone who takes no part gets 404 for the session and its scores; a chair too', async () => {
      for (const user of [outsider, chair]) {
        expect((await get(user, sessionPath())).status).toBe(404);
        expect((await get(user, `${sessionPath()}/scores`)).status).toBe(404);
        expect((await get(user, '/api/v1/norming/sessions')).json().sessions).toEqual([]);
      }
    });

    it('the facilitator sees names, masters (with rationale) and who has submitted', async () => {
      const view = (await get(facilitator, sessionPath())).json();
      expect(view.role).toBe('facilitator');
      expect(view.anchors[0].masters[0]).toMatchObject({ levelId: 'l3', rationale: MASTER_SECRET, revision: 1 });
      const byName = Object.fromEntries(
        view.participants.map((p: { username: string; submitted: string[] }) => [p.username, p.submitted.length]),
      );
      expect(byName).toEqual({ assessor1: 3, assessor2: 3, assessor3: 0 });
    });

    it('the event stream tells facilitators who submitted, and participants nothing of each other', async () => {
      const facilitatorEvents = listen(facilitator);
      const participantEvents = listen(p1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await scoreAnchor(hub, session.sessionId, p3, session.packetIds[0]!, 'l3')).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [seenByFacilitator, seenByParticipant] = await Promise.all([
        facilitatorEvents.stop(),
        participantEvents.stop(),
      ]);
      expect(seenByFacilitator).toContain('norming.scoreReceived');
      expect(seenByFacilitator).toContain(p3.id);
      expect(seenByFacilitator).not.toContain('"levelId"');
      expect(seenByParticipant).not.toContain('norming.scoreReceived');
      expect(seenByParticipant).not.toContain(p3.id);
    });

    it('consensus waits for the reveal; anchors are never assigned for live scoring', async () => {
      const early = await hub.api('PUT', `${sessionPath()}/consensus/${CRITERION}`, {
        token: facilitator.token,
        json: { rationale: 'Too early.' },
      });
      expect(early.status).toBe(409);
      const windowId = await openWindow(hub, admin);
      const assign = await hub.api('POST', '/api/v1/assignments', {
        token: admin.token,
        json: { windowId, packetId: session.packetIds[0], assessorId: outsider.id },
      });
      expect(assign.status).toBe(409);
      expect(assign.json().error.code).toBe('anchor-packet');
    });

    it('participants and facilitators read the anchor packet; someone who takes no part does not', async () => {
      const path = `/api/v1/packets/${session.packetIds[0]}`;
      expect((await get(p1, path)).status).toBe(200);
      expect((await get(facilitator, path)).status).toBe(200);
      expect((await get(outsider, path)).status).toBe(404);
    });
  });

  describe('after the reveal', () => {
    beforeAll(async () => {
      expect((await hub.api('POST', `${sessionPath()}/reveal`, { token: facilitator.token })).status).toBe(200);
    });

    it('participants see masters and the distribution without names, still only their own scores', async () => {
      const view = (await get(p1, sessionPath())).json();
      expect(view.status).toBe('revealed');
      expect(view.anchors[1].masters[0]).toMatchObject({ levelId: 'l2', rationale: MASTER_SECRET });
      // Anchor 2: p1 chose l2, p2 l3 (p3 did not score it).
      expect(view.anchors[1].distribution[0]).toEqual({
        criterionId: CRITERION,
        counts: { l1: 0, l2: 1, l3: 1, l4: 0 },
      });
      const everything = await whatP1Reads();
      for (const secret of [P2_SECRET, p2.id, 'assessor2', p3.id]) expect(everything).not.toContain(secret);
    });

    it('a score after the reveal is kept, marked late, left out, and the participant is told; reopening lets a revision count', async () => {
      const late = await scoreAnchor(hub, session.sessionId, p3, session.packetIds[1]!, 'l1');
      expect(late.status).toBe(201);
      expect(late.json()).toMatchObject({ late: true, message: expect.stringMatching(/after the reveal/) });
      let view = (await get(p1, sessionPath())).json();
      expect(view.anchors[1].distribution[0].counts.l1).toBe(0);
      expect((await get(p3, sessionPath())).json().yourStanding).toMatchObject({ lateScores: 1, reopened: false });

      const reopen = await hub.api('POST', `${sessionPath()}/participants/${p3.id}/reopen`, {
        token: facilitator.token,
      });
      expect(reopen.status).toBe(200);
      const counted = await scoreAnchor(hub, session.sessionId, p3, session.packetIds[1]!, 'l2', {
        revision: 2,
        baseRevision: 1,
      });
      expect(counted.status).toBe(201);
      expect(counted.json().late).toBe(false);
      view = (await get(p1, sessionPath())).json();
      expect(view.anchors[1].distribution[0].counts).toEqual({ l1: 0, l2: 2, l3: 1, l4: 0 });
    });

    it('consensus is recorded per criterion; a master change keeps its history and reason', async () => {
      // Another facilitator's board and the participants' reveal hear of it and read again.
      const secondFacilitator = listen(facilitator);
      const participant = listen(p1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const answer = await hub.api('PUT', `${sessionPath()}/consensus/${CRITERION}`, {
        token: facilitator.token,
        json: {
          notes: 'Most read anchor 2 as proficient on second look.',
          rationale: 'Checks are aligned but not adapted: proficient.',
          masterChanges: [
            { packetId: session.packetIds[1], levelId: 'l3', reason: 'The video shows the teacher adjusting.' },
          ],
        },
      });
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ criterionId: CRITERION, revision: 1 });
      const masters = (await get(facilitator, sessionPath())).json().anchors[1].masters;
      expect(masters.map((m: { levelId: string; revision: number }) => [m.levelId, m.revision])).toEqual([
        ['l2', 1],
        ['l3', 2],
      ]);
      expect(masters[1].reason).toBe('The video shows the teacher adjusting.');
      // Participants see only the current master.
      expect((await get(p1, sessionPath())).json().anchors[1].masters).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const heard of await Promise.all([secondFacilitator.stop(), participant.stop()])) {
        expect(heard).toContain('norming.sessionChanged');
        expect(heard).toContain(session.sessionId);
        expect(heard).not.toContain('proficient'); // the event names the session, never what was decided
      }
    });

    it('the report gives each assessor’s agreement with the masters and each criterion’s agreement, with the published statistics', async () => {
      const report = (await get(facilitator, `${sessionPath()}/report`)).json();
      const byName = Object.fromEntries(report.assessors.map((a: { username: string }) => [a.username, a]));
      // Masters now l3, l3, l4. p1: l3 l2 l4 → 2 of 3 exact, all adjacent, 1/3 level severe. p2: l3 l3 l4 → all exact.
      expect(byName.assessor1).toMatchObject({ compared: 3, anchorsScored: 3 });
      expect(byName.assessor1.exact).toBeCloseTo(2 / 3, 10);
      expect(byName.assessor1.adjacent).toBe(1);
      expect(byName.assessor1.meanSignedDifference).toBeCloseTo(-1 / 3, 10);
      expect(byName.assessor2).toMatchObject({ exact: 1, adjacent: 1, qualified: true, shortfalls: [] });
      expect(byName.assessor3.qualified).toBe(false);
      expect(byName.assessor3.shortfalls.join(' ')).toMatch(/1 anchor packet not scored/);
      const [criterion] = report.criteria;
      expect(criterion.criterionId).toBe(CRITERION);
      expect(criterion.anchors[1]).toMatchObject({ counts: { l1: 0, l2: 2, l3: 1, l4: 0 }, masterLevelId: 'l3' });
      expect(report.lateScores).toBe(0); // p3's late score was superseded by the counted revision
      const csv = await get(facilitator, `${sessionPath()}/report?format=csv`);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.body.toString()).toMatch(/^section,assessor,criterion/);
      expect(csv.body.toString()).toContain('assessor,assessor2,,3,1,1');
      const pdf = await get(facilitator, `${sessionPath()}/report?format=pdf`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = await pdfText(pdf.body);
      expect(text).toMatch(/Calibration report: Calibration: checking for understanding/);
      for (const name of ['assessor1', 'assessor2', 'assessor3']) expect(text).toContain(name);
      expect(text).toMatch(/Proficient \(master\)/);
    });

    it('closing a qualification session records each participant’s qualification with its expiry', async () => {
      const answer = await hub.api('POST', `${sessionPath()}/close`, { token: facilitator.token });
      expect(answer.status).toBe(200);
      const { qualifications } = answer.json();
      const byUser = Object.fromEntries(
        qualifications.map((q: { userId: string; qualified: boolean }) => [q.userId, q.qualified]),
      );
      expect(byUser).toEqual({ [p1.id]: false, [p2.id]: true, [p3.id]: false });
      const expiry = Date.parse(qualifications[0].expiresAt) - Date.parse(qualifications[0].recordedAt);
      expect(Math.round(expiry / 86_400_000)).toBe(365);
      expect((await hub.api('POST', `${sessionPath()}/reveal`, { token: facilitator.token })).status).toBe(409);
      const afterClose = await scoreAnchor(hub, session.sessionId, p3, session.packetIds[2]!, 'l4');
      expect(afterClose.json().late).toBe(true);
    });

    it('lists each person’s latest qualification: staff read everyone’s, an assessor only their own, and one past its date is expired', async () => {
      const list = async (who: TestUser, query = '') => {
        const answer = await get(who, `/api/v1/qualifications${query}`);
        return { status: answer.status, rows: answer.status === 200 ? answer.json().qualifications : [] };
      };
      const statuses = (rows: { username: string; status: string }[]) => rows.map((r) => [r.username, r.status]);
      const everyone = await list(facilitator, '?credentialId=cfu');
      expect(statuses(everyone.rows)).toEqual([
        ['assessor1', 'not-qualified'],
        ['assessor2', 'current'],
        ['assessor3', 'not-qualified'],
      ]);
      expect(everyone.rows[1]).toMatchObject({ sessionTitle: 'Calibration: checking for understanding', exact: 1 });
      expect((await list(facilitator, '?credentialId=other')).rows).toEqual([]);
      expect(statuses((await list(p2)).rows)).toEqual([['assessor2', 'current']]);
      expect((await list(p2, `?userId=${p1.id}`)).status).toBe(403);
      expect((await list(facilitator, '?userId=not-a-uuid')).status).toBe(400);
      hub.advance(366 * 86_400_000);
      try {
        // A year on, the morning's token has long expired: sign in again.
        const later = { ...p2, token: (await signIn(hub, 'assessor2')).accessToken };
        expect(statuses((await list(later)).rows)).toEqual([['assessor2', 'expired']]);
      } finally {
        hub.advance(-366 * 86_400_000);
      }
    });

    it('a window requiring the qualification refuses assessors without a current one, by hand and automatically', async () => {
      const windowId = await openWindow(hub, admin, { requiredQualification: 'cfu' });
      const livePacket = await uploadPacket(hub, admin);
      const assign = (assessor: TestUser) =>
        hub.api('POST', '/api/v1/assignments', {
          token: admin.token,
          json: { windowId, packetId: livePacket, assessorId: assessor.id },
        });
      const refused = await assign(p1);
      expect(refused.status).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'not-qualified',
        message: expect.stringMatching(/qualification session/),
      });
      expect((await assign(p2)).status).toBe(201);
      // p1's queue says why nothing comes from this window, and what to do; p2's has no such notice.
      const notices = (await get(p1, '/api/v1/assignments')).json().notices;
      expect(notices).toEqual([
        expect.objectContaining({
          windowId,
          credentialId: 'cfu',
          expiredAt: null,
          message: expect.stringMatching(/did not meet the thresholds.*qualification session/),
        }),
      ]);
      expect((await get(p2, '/api/v1/assignments')).json().notices).toEqual([]);
      const auto = await hub.api('POST', '/api/v1/assignments/auto', {
        token: admin.token,
        json: { windowId, packetIds: [await uploadPacket(hub, admin)], assessorsPerPacket: 2 },
      });
      expect(auto.json().created.map((a: { assessorId: string }) => a.assessorId)).toEqual([p2.id]);
      expect(auto.json().shortfalls[0].reason).toMatch(/without a current qualification in cfu/);
      // A qualification expires: a year on, p2 is refused too.
      hub.advance(366 * 86_400_000);
      admin = { ...admin, token: (await signIn(hub, 'admin1')).accessToken };
      const later = await openWindow(hub, admin, { requiredQualification: 'cfu' });
      const expired = await hub.api('POST', '/api/v1/assignments', {
        token: admin.token,
        json: { windowId: later, packetId: await uploadPacket(hub, admin), assessorId: p2.id },
      });
      expect(expired.json().error?.code).toBe('not-qualified');
      const p2Now = { ...p2, token: (await signIn(hub, 'assessor2')).accessToken };
      const [notice] = (await get(p2Now, '/api/v1/assignments'))
        .json()
        .notices.filter((n: { windowId: string }) => n.windowId === later);
      expect(notice.message).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    });
  });

  /** The PDF's text as pdf.js extracts it. */
  async function pdfText(bytes: Buffer): Promise<string> {
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    }
    return text;
  }

  async function storedRecord(scoreId: string): Promise<Record<string, unknown>> {
    const rows = await hub.running.hub.db.query<{ record: Record<string, unknown> }>(
      'select record from norming_scores where id = $1',
      [scoreId],
    );
    return rows[0]!.record;
  }

  /** Collects what arrives on a user's event stream until stopped. */
  function listen(user: TestUser) {
    const controller = new AbortController();
    let text = '';
    const done = (async () => {
      try {
        const response = await fetch(`${hub.running.url}/api/v1/events`, {
          headers: { Authorization: `Bearer ${user.token}` },
          signal: controller.signal,
        });
        const reader = response.body!.getReader();
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          text += Buffer.from(value).toString('utf8');
        }
      } catch {
        // aborted
      }
    })();
    return {
      async stop() {
        controller.abort();
        await done;
        return text;
      },
    };
  }
});

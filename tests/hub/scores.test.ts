import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import {
  staffHub,
  assign,
  openWindow,
  PASSWORD,
  scoreRecord,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let chair: TestUser;
  let assessor: TestUser;
  let other: TestUser;
  let windowId: string;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    ({ admin, chair, assessor, other, windowId } = await staffHub(hub));
  });
  afterAll(() => hub.close());

  /** A fresh packet assigned to the assessor, so each test starts without scores. */
  async function assignedPacket(to: TestUser = assessor): Promise<string> {
    const packetId = await uploadPacket(hub, admin);
    await assign(hub, admin, windowId, packetId, to);
    return packetId;
  }

  const put = (record: { id: string } & Record<string, unknown>, baseRevision: number, user: TestUser = assessor) =>
    hub.api('PUT', `/api/v1/scores/${record.id}`, { token: user.token, json: { baseRevision, record } });

  const rowsFor = (packetId: string) =>
    hub.running.hub.db.query<{ id: string; revision: number }>(
      'select id, revision from scores where packet_id = $1 order by revision',
      [packetId],
    );

  describe('PUT /scores/{scoreId}', () => {
    it('is idempotent: the same upload twice stores one row and returns the same receipt', async () => {
      const packetId = await assignedPacket();
      const record = scoreRecord(packetId, 'assessor1');
      const first = await put(record, 0);
      expect(first.status).toBe(201);
      const receipt = first.json();
      expect(receipt).toMatchObject({ scoreId: record.id, packetId, revision: 1 });
      const again = await put(record, 0);
      expect(again.status).toBe(200);
      expect(again.json()).toEqual(receipt);
      expect(await rowsFor(packetId)).toEqual([{ id: record.id, revision: 1 }]);
    });

    it('stores exactly one row when the same upload arrives many times at once', async () => {
      const packetId = await assignedPacket();
      const record = scoreRecord(packetId, 'assessor1');
      const answers = await Promise.all(Array.from({ length: 8 }, () => put(record, 0)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.toString())).size).toBe(1);
      expect(await rowsFor(packetId)).toHaveLength(1);
    });

    it('stores exactly one of several different first reviews arriving at once; the rest get 409', async () => {
      const packetId = await assignedPacket();
      // Six devices of one assessor each upload their own revision 1.
      const records = Array.from({ length: 6 }, () => scoreRecord(packetId, 'assessor1'));
      const answers = await Promise.all(records.map((record) => put(record, 0)));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const winner = records[answers.findIndex((a) => a.status === 201)]!;
      for (const answer of answers.filter((a) => a.status === 409)) {
        expect(answer.json().error.code).toBe('revision-conflict');
      }
      expect(await rowsFor(packetId)).toEqual([{ id: winner.id, revision: 1 }]);
    });

    it('answers a stale baseRevision with 409 and the hub version, and never overwrites', async () => {
      const packetId = await assignedPacket();
      const first = scoreRecord(packetId, 'assessor1');
      expect((await put(first, 0)).status).toBe(201);
      // Another device of the same assessor reopened revision 1 and uploaded revision 2.
      const elsewhere = scoreRecord(packetId, 'assessor1', { revision: 2, decision: { kind: 'not-yet' } });
      elsewhere.candidateFeedback = { overall: 'Needs stronger alignment.', byCriterion: [] };
      expect((await put(elsewhere, 1)).status).toBe(201);
      // This device still believes revision 1 is current.
      const stale = scoreRecord(packetId, 'assessor1', { revision: 2 });
      const conflict = await put(stale, 1);
      expect(conflict.status).toBe(409);
      const body = conflict.json();
      expect(body.error.code).toBe('revision-conflict');
      expect(body.error.message).toMatch(/based on revision 1, but the hub holds revision 2/);
      expect(body.server.receipt).toMatchObject({ scoreId: elsewhere.id, revision: 2 });
      expect(body.server.record).toEqual(elsewhere);
      // A first review uploaded when one already exists is stale too.
      const late = await put(scoreRecord(packetId, 'assessor1'), 0);
      expect(late.status).toBe(409);
      expect(late.json().server.receipt.revision).toBe(2);
      expect((await rowsFor(packetId)).map((r) => r.id)).toEqual([first.id, elsewhere.id]);

      // Resolved: based on the hub's revision 2, the upload goes through as revision 3.
      const resolved = scoreRecord(packetId, 'assessor1', { id: stale.id, revision: 3 });
      expect((await put(resolved, 2)).status).toBe(201);
    });

    it('answers 409 with the stored version when a known id arrives with different content', async () => {
      const packetId = await assignedPacket();
      const record = scoreRecord(packetId, 'assessor1');
      await put(record, 0);
      const changed = { ...record, candidateFeedback: { overall: 'Edited after upload.', byCriterion: [] } };
      const answer = await put(changed, 0);
      expect(answer.status).toBe(409);
      expect(answer.json().error.code).toBe('score-id-reused');
      expect(answer.json().server.record.candidateFeedback.overall).toBe('Clear, well-aligned checks.');
    });

    it('refuses records that do not belong to the URL, the caller or the packet', async () => {
      const packetId = await assignedPacket();
      const record = scoreRecord(packetId, 'assessor1');
      const wrongId = await hub.api('PUT', `/api/v1/scores/${randomUUID()}`, {
        token: assessor.token,
        json: { baseRevision: 0, record },
      });
      expect(wrongId.json().error.code).toBe('id-mismatch');
      expect((await put(scoreRecord(packetId, 'assessor2'), 0)).json().error.code).toBe('assessor-mismatch');
      expect((await put(scoreRecord(packetId, 'assessor1'), 1)).json().error.code).toBe('invalid-revision');

      const badLevel = scoreRecord(packetId, 'assessor1', {
        criteria: [{ criterionId: 'design', levelId: 'l9', rationale: '' }],
      });
      const invalid = await put(badLevel, 0);
      expect(invalid.status).toBe(400);
      expect(invalid.json().error).toMatchObject({
        code: 'invalid-score',
        problems: [{ path: 'body.record.criteria[0]', message: 'level "l9" is not a level of criterion "design"' }],
      });
      const incomplete = await put(scoreRecord(packetId, 'assessor1', { criteria: [] }), 0);
      expect(incomplete.json().error.problems).toEqual([
        { path: 'body.record.criteria', message: 'criterion "design" has no level' },
      ]);
      const malformed = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
        token: assessor.token,
        json: { baseRevision: 0, record: { ...record, decision: { kind: 'maybe' } } },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.json().error.problems[0].path).toBe('body.record.decision.kind');
      expect(await rowsFor(packetId)).toEqual([]);
    });

    it("is 404 for a packet assigned to someone else, and for another assessor's score id", async () => {
      const theirs = await assignedPacket(other);
      expect((await put(scoreRecord(theirs, 'assessor1'), 0)).status).toBe(404);
      const theirScore = scoreRecord(theirs, 'assessor2');
      expect((await put(theirScore, 0, other)).status).toBe(201);
      // Same packet assigned to both: assessor1 now tries to upload under assessor2's score id.
      await assign(hub, admin, windowId, theirs, assessor);
      const hijack = await put({ ...theirScore, assessorId: 'assessor1' }, 0);
      expect(hijack.status).toBe(404);
    });

    it('accepts no new score once the window closed, but still answers a replay with its receipt', async () => {
      const closing = await openWindow(hub, admin, {
        closesAt: new Date(hub.running.hub.now() + 60 * 60_000).toISOString(),
      });
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, closing, packetId, assessor);
      const record = scoreRecord(packetId, 'assessor1');
      const receipt = (await put(record, 0)).json();
      hub.advance(2 * 60 * 60_000);
      try {
        const fresh = await signInAgain(assessor);
        const replay = await put(record, 0, fresh);
        expect(replay.status).toBe(200);
        expect(replay.json()).toEqual(receipt);
        const next = await put(scoreRecord(packetId, 'assessor1', { revision: 2 }), 1, fresh);
        expect(next.status).toBe(403);
        expect(next.json().error.code).toBe('window-closed');
        // The closed window's packet also leaves the queue and can no longer be read.
        const queue = await hub.api('GET', '/api/v1/assignments', { token: fresh.token });
        expect(queue.json().assignments.map((a: { packetId: string }) => a.packetId)).not.toContain(packetId);
        expect((await hub.api('GET', `/api/v1/packets/${packetId}`, { token: fresh.token })).status).toBe(404);
      } finally {
        // Put the clock back so the other tests' tokens are valid again.
        hub.advance(-2 * 60 * 60_000);
      }
    });
  });

  describe('GET /scores/{scoreId}', () => {
    it('gives the author everything, a chair everything but the private notes, others 404', async () => {
      const packetId = await assignedPacket();
      const record = scoreRecord(packetId, 'assessor1');
      await put(record, 0);
      const own = await hub.api('GET', `/api/v1/scores/${record.id}`, { token: assessor.token });
      expect(own.status).toBe(200);
      expect(own.json().record).toEqual(record);
      const chairs = await hub.api('GET', `/api/v1/scores/${record.id}`, { token: chair.token });
      expect(chairs.json().record).toEqual({ ...record, privateNotes: '' });
      expect((await hub.api('GET', `/api/v1/scores/${record.id}`, { token: other.token })).status).toBe(404);
    });
  });

  describe('audit', () => {
    it('writes one audit row per stored score, in the same transaction, and none for replays or refusals', async () => {
      const packetId = await assignedPacket();
      const record = scoreRecord(packetId, 'assessor1');
      await put(record, 0);
      await put(record, 0);
      await put(scoreRecord(packetId, 'assessor1'), 0); // 409
      const rows = await hub.running.hub.db.query<{ actor: string; subject: string; detail: Record<string, unknown> }>(
        `select actor, subject, detail from audit_log where action = 'score.submit' and detail->>'packetId' = $1`,
        [packetId],
      );
      expect(rows).toEqual([
        {
          actor: assessor.id,
          subject: `score:${record.id}`,
          detail: { packetId, revision: 1, baseRevision: 0, decision: 'earned' },
        },
      ]);
    });
  });

  async function signInAgain(user: TestUser): Promise<TestUser> {
    const answer = await hub.api('POST', '/api/v1/session', { json: { username: user.username, password: PASSWORD } });
    return { ...user, token: answer.json().accessToken };
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/hub/auth/principal';
import type { Db } from '../../src/hub/db/db';
import type { ApiError } from '../../src/hub/http/errors';
import { putScore } from '../../src/hub/services/scores';
import type { ScoreRecord } from '../../src/shared/domain/score';
import { forEachBackend } from './support/backends';
import { staffHub, assign, scoreRecord, startTestHub, uploadPacket, type TestHub, type TestUser } from './support/hub';

/**
 * Group commit (services/scores.ts): uploads that reach the score service together are decided
 * and stored in one transaction, and must be answered exactly as if they had come one by one.
 * putScore is called directly so that "together" is certain: every call below is made in one turn.
 */
forEachBackend((backend) => {
  let hub: TestHub;
  let admin: TestUser;
  let windowId: string;
  let assessor: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    ({ admin, assessor, other, windowId } = await staffHub(hub));
  });
  afterAll(() => hub.close());

  async function principalOf(user: TestUser): Promise<Principal> {
    const principal = await hub.running.hub.tokens.authenticate(user.token);
    if (!principal) throw new Error(`${user.username} is not signed in`);
    return principal;
  }

  async function assignedPackets(count: number, to: TestUser): Promise<string[]> {
    const packets: string[] = [];
    for (let i = 0; i < count; i++) {
      const packetId = await uploadPacket(hub, admin);
      await assign(hub, admin, windowId, packetId, to);
      packets.push(packetId);
    }
    return packets;
  }

  /** Counts the database's transactions, and lets a test make the next one fail. */
  function watchTransactions(db: Db) {
    const original = db.transaction.bind(db);
    const watch = { count: 0, failNext: undefined as unknown };
    db.transaction = (fn) => {
      watch.count++;
      if (watch.failNext !== undefined) {
        const error = watch.failNext;
        watch.failNext = undefined;
        return Promise.reject(error);
      }
      return original(fn);
    };
    return { watch, restore: () => (db.transaction = original) };
  }

  const upload = (principal: Principal, record: ScoreRecord, baseRevision: number) =>
    putScore(hub.running.hub, principal, record.id, { record, baseRevision }).then(
      (outcome) => ({ status: outcome.status, receipt: outcome.receipt }),
      (error: ApiError) => ({ status: error.status, code: error.code }),
    );

  describe('score uploads arriving together', () => {
    it('are stored in one transaction and answered as if they had come one after another', async () => {
      const mine = await assignedPackets(3, assessor);
      const [theirs] = await assignedPackets(1, other);
      const me = await principalOf(assessor);
      const them = await principalOf(other);
      const firsts = mine.map((packetId) => scoreRecord(packetId, 'assessor1'));
      const rival = scoreRecord(mine[0]!, 'assessor1');
      const theirScore = scoreRecord(theirs!, 'assessor2');
      const { watch, restore } = watchTransactions(hub.running.hub.db);
      try {
        const answers = await Promise.all([
          ...firsts.map((record) => upload(me, record, 0)),
          // The same upload again (a retry racing the original): the original's receipt.
          upload(me, firsts[0]!, 0),
          // Another device's first review of the same packet: the first one now stands.
          upload(me, rival, 0),
          // A packet that is someone else's.
          upload(them, scoreRecord(mine[1]!, 'assessor2'), 0),
          upload(them, theirScore, 0),
          // A level the rubric does not have.
          upload(
            me,
            scoreRecord(mine[2]!, 'assessor1', { criteria: [{ criterionId: 'design', levelId: 'l9', rationale: '' }] }),
            0,
          ),
        ]);
        expect(watch.count).toBe(1);
        expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 200, 409, 404, 201, 400]);
        expect(answers[3]).toEqual({ ...answers[0], status: 200 });
        expect(answers[4]).toMatchObject({ code: 'revision-conflict' });
        expect(answers[5]).toMatchObject({ code: 'not-assigned' });
        expect(answers[7]).toMatchObject({ code: 'invalid-score' });
      } finally {
        restore();
      }
      const rows = await hub.running.hub.db.query<{ id: string }>(
        'select id from scores where packet_id = any($1::uuid[])',
        [[...mine, theirs]],
      );
      expect(rows.map((row) => row.id).sort()).toEqual([...firsts.map((record) => record.id), theirScore.id].sort());
      const audited = await hub.running.hub.db.query<{ subject: string }>(
        `select subject from audit_log where action = 'score.submit' and detail->>'packetId' = any($1::text[])`,
        [[...mine, theirs]],
      );
      expect(audited).toHaveLength(4);
    });

    it('are each tried alone when the shared transaction fails, so none pays for another', async () => {
      const packets = await assignedPackets(3, assessor);
      const me = await principalOf(assessor);
      const records = packets.map((packetId) => scoreRecord(packetId, 'assessor1'));
      const { watch, restore } = watchTransactions(hub.running.hub.db);
      // What another hub process storing the same revision first would cause.
      watch.failNext = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
      try {
        const answers = await Promise.all(records.map((record) => upload(me, record, 0)));
        expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
        expect(watch.count).toBe(1 + records.length);
      } finally {
        restore();
      }
    });

    it('answers a lone upload that trips the unique key with 409, and a database failure with the error', async () => {
      const [packetId] = await assignedPackets(1, assessor);
      const me = await principalOf(assessor);
      const { watch, restore } = watchTransactions(hub.running.hub.db);
      try {
        watch.failNext = Object.assign(new Error('duplicate key'), { code: '23505' });
        expect(await upload(me, scoreRecord(packetId!, 'assessor1'), 0)).toMatchObject({
          status: 409,
          code: 'revision-conflict',
        });
        watch.failNext = new Error('connection terminated');
        const record = scoreRecord(packetId!, 'assessor1');
        await expect(putScore(hub.running.hub, me, record.id, { record, baseRevision: 0 })).rejects.toThrow(
          'connection terminated',
        );
        // Nothing was stored by either attempt, so the upload still goes through.
        expect(await upload(me, record, 0)).toMatchObject({ status: 201 });
      } finally {
        restore();
      }
    });
  });
});

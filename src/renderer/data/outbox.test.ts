import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AssignmentView, ScoreView } from '../../shared/contract/hub-api';
import type { UploadOutcome } from '../../shared/contract/hub-bridge';
import type { ScoreRecord } from '../../shared/domain/score';
import { emptyDraft } from '../../shared/review/draft';
import { AnchorDatabase } from './db';
import { keepMine, retryDelayMs, retryNow, takeHubVersion, uploadDue, uploadsByPacket, type Upload } from './outbox';
import { latestSubmitted, submitReview } from './reviews';

const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const OTHER_PACKET = '1c7d4f4f-3b52-4d2f-8e6c-8f4b3f2d0c21';

function record(revision = 1, overrides: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    id: crypto.randomUUID(),
    packetId: PACKET,
    rubricId: 'r',
    rubricVersion: '1',
    assessorId: 'assessor1',
    revision,
    criteria: [],
    comments: [],
    decision: { kind: 'not-yet' },
    candidateFeedback: { overall: `revision ${revision}`, byCriterion: [] },
    privateNotes: '',
    createdAt: '2026-11-24T00:00:00Z',
    submittedAt: '2026-11-24T00:01:00Z',
    ...overrides,
  };
}

function assignment(packetId = PACKET): AssignmentView {
  return {
    assignmentId: crypto.randomUUID(),
    packetId,
    assignedAt: '2026-11-20T00:00:00Z',
    window: {
      id: crypto.randomUUID(),
      name: 'Autumn',
      closesAt: '2026-12-10T00:00:00Z',
      decisionsDueAt: '2026-12-30T00:00:00Z',
    },
    credential: { id: 'cfu', title: 'Checking for Understanding' },
    pseudonym: 'Candidate T-0001',
    attempt: 1,
    submittedAt: '2026-11-01T00:00:00Z',
    evidenceCount: 3,
    totalBytes: 1000,
  };
}

async function database(): Promise<AnchorDatabase> {
  const db = new AnchorDatabase(`outbox-${Math.random()}`);
  await db.assignments.put(assignment());
  return db;
}

async function submit(db: AnchorDatabase, rec: ScoreRecord): Promise<void> {
  await submitReview(emptyDraft(rec.packetId, rec.revision, '2026-11-24T00:00:00Z'), rec, db);
}

/** A fake hub answer per call, recording what was sent. */
function hubAnswering(...outcomes: UploadOutcome[]): Upload & { sent: { id: string; base: number }[] } {
  const sent: { id: string; base: number }[] = [];
  const upload = async (rec: ScoreRecord, base: number) => {
    sent.push({ id: rec.id, base });
    const next = outcomes.shift();
    if (!next) throw new Error('no more answers');
    return next;
  };
  return Object.assign(upload, { sent });
}

const stored = (rec: ScoreRecord): UploadOutcome => ({
  kind: 'stored',
  receipt: { scoreId: rec.id, packetId: rec.packetId, revision: rec.revision, receivedAt: '2026-11-24T00:02:00Z' },
});

describe('the upload outbox', () => {
  it('queues a submitted review only for packets a hub assigned, in the submit transaction', async () => {
    const db = await database();
    const mine = record();
    await submit(db, mine);
    await submit(db, record(1, { packetId: OTHER_PACKET }));
    expect((await db.outbox.toArray()).map((e) => [e.scoreId, e.baseRevision, e.status])).toEqual([
      [mine.id, 0, 'pending'],
    ]);
  });

  it('uploads, keeps the receipt and logs it; an uploaded entry is never sent again', async () => {
    const db = await database();
    const rec = record();
    await submit(db, rec);
    const hub = hubAnswering(stored(rec));
    expect(await uploadDue(hub, db)).toBe(1);
    expect(await db.outbox.get(rec.id)).toMatchObject({ status: 'uploaded', receipt: { revision: 1 }, attempts: 1 });
    expect((await db.history.toArray()).map((h) => h.event)).toContain('uploaded');
    expect(await uploadDue(hub, db)).toBe(0);
    expect(hub.sent).toHaveLength(1);
  });

  it('backs off through an outage (also when the bridge itself fails) and then gets through', async () => {
    const db = await database();
    const rec = record();
    await submit(db, rec);
    const hub = hubAnswering({ kind: 'retry', reason: 'The hub cannot be reached.' });
    const t0 = 1_000_000;
    await uploadDue(hub, db, t0);
    const waiting = (await db.outbox.get(rec.id))!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, reason: expect.stringMatching(/try again/) });
    expect(waiting.nextAttemptAt).toBeGreaterThan(t0);
    expect(await uploadDue(hub, db, t0 + 100)).toBe(0); // not due yet
    // The next attempt fails in the bridge (an exception, no answer at all).
    await uploadDue(hub, db, waiting.nextAttemptAt);
    const second = (await db.outbox.get(rec.id))!;
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    expect(second.nextAttemptAt - waiting.nextAttemptAt).toBeGreaterThan(waiting.nextAttemptAt - t0);
    await uploadDue(hubAnswering(stored(rec)), db, second.nextAttemptAt);
    expect((await db.outbox.get(rec.id))!.status).toBe('uploaded');
  });

  it('grows the delay exponentially with jitter, capped at five minutes', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, () => 1)).toBe(2_400);
  });

  it('sends a later revision only after the earlier one is on the hub', async () => {
    const db = await database();
    const first = record(1);
    const second = record(2);
    await submit(db, first);
    await submit(db, second);
    const hub = hubAnswering(stored(first), stored(second));
    await uploadDue(hub, db);
    expect(hub.sent).toEqual([{ id: first.id, base: 0 }]);
    await uploadDue(hub, db);
    expect(hub.sent.at(-1)).toEqual({ id: second.id, base: 1 });
  });

  it('waits while signed out, and marks a refusal failed with the reason until retried', async () => {
    const db = await database();
    const rec = record();
    await submit(db, rec);
    await uploadDue(hubAnswering({ kind: 'signed-out', reason: 'Sign in to the hub to upload.' }), db, 0);
    expect(await db.outbox.get(rec.id)).toMatchObject({ status: 'pending', reason: 'Sign in to the hub to upload.' });
    await retryNow(db);
    await uploadDue(hubAnswering({ kind: 'rejected', reason: 'The review window is not open.' }), db);
    expect(await db.outbox.get(rec.id)).toMatchObject({ status: 'failed', reason: 'The review window is not open.' });
    expect(uploadsByPacket(await db.outbox.toArray()).get(PACKET)).toMatchObject({ status: 'failed' });
    await retryNow(db);
    expect(await db.outbox.get(rec.id)).toMatchObject({ status: 'pending', nextAttemptAt: 0 });
  });

  describe('conflicts', () => {
    async function conflicted() {
      const db = await database();
      const mine = record(1, { candidateFeedback: { overall: 'mine', byCriterion: [] } });
      await submit(db, mine);
      const theirs = record(1, { candidateFeedback: { overall: 'from the other computer', byCriterion: [] } });
      const server: ScoreView = {
        receipt: { scoreId: theirs.id, packetId: PACKET, revision: 1, receivedAt: '2026-11-24T00:00:30Z' },
        record: theirs,
      };
      await uploadDue(hubAnswering({ kind: 'conflict', server, reason: 'The hub holds revision 1.' }), db);
      return { db, mine, theirs };
    }

    it('keeps the hub version and mine apart until the assessor chooses', async () => {
      const { db, mine } = await conflicted();
      expect(await db.outbox.get(mine.id)).toMatchObject({ status: 'conflict', server: { receipt: { revision: 1 } } });
      expect(await uploadDue(hubAnswering(), db)).toBe(0); // never retried on its own
      expect(uploadsByPacket(await db.outbox.toArray()).get(PACKET)).toMatchObject({
        status: 'conflict',
        scoreId: mine.id,
      });
    });

    it('"keep mine" uploads the same content as the next revision on top of the hub\'s', async () => {
      const { db, mine } = await conflicted();
      await db.drafts.put(emptyDraft(PACKET, 2, '2026-11-24T00:03:00Z')); // reopened meanwhile
      const next = await keepMine(mine.id, db);
      expect(next).toMatchObject({ revision: 2, candidateFeedback: { overall: 'mine' } });
      expect(next.id).not.toBe(mine.id);
      expect(await db.outbox.get(mine.id)).toMatchObject({ status: 'superseded' });
      expect(await db.outbox.get(next.id)).toMatchObject({ status: 'pending', baseRevision: 1, revision: 2 });
      expect((await latestSubmitted(PACKET, db))?.id).toBe(next.id);
      expect((await db.drafts.get(PACKET))?.revision).toBe(3);
      const hub = hubAnswering(stored(next));
      await uploadDue(hub, db);
      expect(hub.sent).toEqual([{ id: next.id, base: 1 }]);
    });

    it('"take the hub\'s" makes it the submitted review and keeps mine aside, never uploaded', async () => {
      const { db, mine, theirs } = await conflicted();
      await takeHubVersion(mine.id, db);
      const latest = await latestSubmitted(PACKET, db);
      expect(latest).toMatchObject({
        id: theirs.id,
        record: { candidateFeedback: { overall: 'from the other computer' } },
      });
      expect(await db.reviews.get(mine.id)).toBeUndefined();
      expect(await db.outbox.get(mine.id)).toMatchObject({ status: 'superseded', record: { id: mine.id } });
      expect(uploadsByPacket(await db.outbox.toArray()).get(PACKET)).toMatchObject({ status: 'uploaded' });
      expect(await uploadDue(hubAnswering(), db)).toBe(0);
      expect((await db.history.toArray()).at(-1)).toMatchObject({ event: 'conflict-resolved' });
    });
  });
});

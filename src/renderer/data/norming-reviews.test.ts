import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { UploadOutcome } from '../../shared/contract/hub-bridge';
import type { ScoreDestination } from '../../shared/contract/scores';
import type { ScoreRecord } from '../../shared/domain/score';
import { emptyDraft } from '../../shared/review/draft';
import { AnchorDatabase } from './db';
import { normingReviews, normingSubmissions, submitNormingReview } from './norming-reviews';
import { uploadDue, uploadLane, uploadsByPacket } from './outbox';
import { openReview, saveDraft, submitReview } from './reviews';

const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const SESSION = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';
const NOW = '2026-11-24T00:00:00Z';

function record(overrides: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    id: crypto.randomUUID(),
    packetId: PACKET,
    rubricId: 'r',
    rubricVersion: '1',
    assessorId: 'assessor1',
    revision: 1,
    criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'aligned' }],
    comments: [],
    decision: { kind: 'earned' },
    candidateFeedback: { overall: 'fine', byCriterion: [] },
    privateNotes: '',
    createdAt: NOW,
    submittedAt: NOW,
    ...overrides,
  };
}

const fresh = () => new AnchorDatabase(`norming-${Math.random()}`);

describe('norming drafts and scores beside live reviews of the same packet', () => {
  it('keeps a norming draft and a live draft of one packet apart', async () => {
    const db = fresh();
    const store = normingReviews(SESSION, () => db);
    await saveDraft({ ...emptyDraft(PACKET, 1, NOW), privateNotes: 'live' }, db);
    await store.save({ ...emptyDraft(PACKET, 1, NOW), privateNotes: 'norming' });
    const norming = await store.open(PACKET);
    const live = await openReview(PACKET, db);
    expect(norming.kind === 'draft' && norming.draft.privateNotes).toBe('norming');
    expect(live.kind === 'draft' && live.draft.privateNotes).toBe('live');
  });

  it('submits to the session: kept, queued with the session as destination, draft retired, once only', async () => {
    const db = fresh();
    const store = normingReviews(SESSION, () => db);
    const draft = emptyDraft(PACKET, 1, NOW);
    await store.save(draft);
    const score = record();
    await submitNormingReview(SESSION, draft, score, db);
    expect((await store.open(PACKET)).kind).toBe('submitted');
    expect(await store.save(draft)).toBe(false); // a late autosave never brings the draft back
    const [entry] = await db.outbox.toArray();
    expect(entry?.destination).toEqual({ kind: 'norming', sessionId: SESSION });
    expect((await normingSubmissions(SESSION, db)).get(PACKET)?.id).toBe(score.id);
    await expect(submitNormingReview(SESSION, draft, record(), db)).rejects.toThrow(/already submitted/);
    expect(await db.outbox.count()).toBe(1);
    // The live queue's view of the packet knows nothing of it.
    expect(uploadsByPacket(await db.outbox.toArray()).size).toBe(0);
    expect((await openReview(PACKET, db)).kind).toBe('draft');
  });

  it('uploads live and norming scores of one packet in separate lanes, each to its own destination', async () => {
    const db = fresh();
    await db.assignments.put({ assignmentId: crypto.randomUUID(), packetId: PACKET } as never);
    const live = record();
    await submitReview(emptyDraft(PACKET, 1, NOW), live, db);
    const norming = record();
    await submitNormingReview(SESSION, emptyDraft(PACKET, 1, NOW), norming, db);
    const sent: [string, ScoreDestination][] = [];
    const upload = async (r: ScoreRecord, _base: number, destination: ScoreDestination): Promise<UploadOutcome> => {
      sent.push([r.id, destination]);
      const receipt = { scoreId: r.id, packetId: r.packetId, revision: 1, receivedAt: NOW };
      return destination.kind === 'norming'
        ? { kind: 'stored', receipt, notice: 'Arrived after the reveal: kept, not counted.' }
        : { kind: 'stored', receipt };
    };
    expect(await uploadDue(upload, db)).toBe(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        [live.id, { kind: 'live' }],
        [norming.id, { kind: 'norming', sessionId: SESSION }],
      ]),
    );
    expect((await db.outbox.get(norming.id))?.notice).toBe('Arrived after the reveal: kept, not counted.');
    // Norming uploads stay out of the packet's live history.
    const history = await db.history.where('packetId').equals(PACKET).toArray();
    expect(history.filter((h) => h.event === 'uploaded')).toHaveLength(1);
    expect(await uploadDue(upload, db)).toBe(0); // never twice
  });

  it('names lanes by destination', () => {
    expect(uploadLane({ packetId: PACKET })).toBe(PACKET);
    expect(uploadLane({ packetId: PACKET, destination: { kind: 'norming', sessionId: SESSION } })).toBe(
      `norming/${SESSION}/${PACKET}`,
    );
  });
});

import type { ScoreRecord } from '../../shared/domain/score';
import { emptyDraft, type ReviewDraft } from '../../shared/review/draft';
import { db, normingKey, reviewOf, type AnchorDatabase, type SubmittedReview } from './db';
import { queueUpload } from './outbox';
import type { ReviewState, ReviewStore } from './reviews';

/**
 * A participant's norming scores on this computer: drafts and the submitted score per session and
 * anchor, apart from the live queue's (a packet scored live and in a session keeps two reviews).
 * One score per anchor: blind scoring offers no reopening, and the hub keeps what arrived first.
 */
export function normingReviews(sessionId: string, database: () => AnchorDatabase = () => db): ReviewStore {
  return {
    async open(packetId): Promise<ReviewState> {
      const key = normingKey(sessionId, packetId);
      const draft = await database().normingDrafts.get(key);
      if (draft) return { kind: 'draft', draft: draft.draft, saved: true };
      const submitted = await database().normingReviews.get(key);
      if (submitted) return { kind: 'submitted', review: submitted.review };
      return { kind: 'draft', draft: emptyDraft(packetId, 1, new Date().toISOString()), saved: false };
    },
    async save(draft) {
      const d = database();
      const key = normingKey(sessionId, draft.packetId);
      return d.transaction('rw', d.normingDrafts, d.normingReviews, async () => {
        if (await d.normingReviews.get(key)) return false;
        await d.normingDrafts.put({ key, sessionId, packetId: draft.packetId, draft });
        return true;
      });
    },
    reopen() {
      return Promise.reject(new Error('A norming score cannot be reopened.'));
    },
  };
}

/**
 * Keeps a finished norming score and queues it for the session, retiring the draft, in one
 * transaction: submitted means queued, exactly as for live reviews.
 */
export async function submitNormingReview(
  sessionId: string,
  draft: ReviewDraft,
  record: ScoreRecord,
  database: AnchorDatabase = db,
): Promise<SubmittedReview> {
  const review = reviewOf(record, record.submittedAt ?? new Date().toISOString());
  const key = normingKey(sessionId, draft.packetId);
  await database.transaction('rw', database.normingDrafts, database.normingReviews, database.outbox, async () => {
    if (await database.normingReviews.get(key)) throw new Error('This anchor was already submitted to the session.');
    await database.normingReviews.add({ key, sessionId, packetId: draft.packetId, review });
    await queueUpload(record, database, { kind: 'norming', sessionId });
    await database.normingDrafts.delete(key);
  });
  return review;
}

/** This computer's submitted scores for a session, by anchor packet. */
export async function normingSubmissions(
  sessionId: string,
  database: AnchorDatabase = db,
): Promise<Map<string, SubmittedReview>> {
  const rows = await database.normingReviews.where('sessionId').equals(sessionId).toArray();
  return new Map(rows.map((row) => [row.packetId, row.review]));
}

/** Packets with a norming draft in progress in a session. */
export async function normingDraftPackets(sessionId: string, database: AnchorDatabase = db): Promise<Set<string>> {
  const rows = await database.normingDrafts.where('sessionId').equals(sessionId).toArray();
  return new Set(rows.map((row) => row.packetId));
}

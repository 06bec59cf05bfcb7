import type { ScoreRecord } from '../../shared/domain/score';
import { emptyDraft, type ReviewDraft } from '../../shared/review/draft';
import { db, reviewOf, type AnchorDatabase, type SubmittedReview } from './db';
import { queueUpload } from './outbox';

/** What the review screen opens: the draft in progress, or the latest submitted revision. */
export type ReviewState =
  { kind: 'draft'; draft: ReviewDraft; saved: boolean } | { kind: 'submitted'; review: SubmittedReview };

/**
 * Where the scoring screen keeps a review while it is written: the live queue's drafts (keyed by
 * packet) or another place with keys of its own (norming: by session and packet).
 */
export interface ReviewStore {
  open(packetId: string): Promise<ReviewState>;
  /** False when the draft's revision was already submitted (a late save must not bring it back). */
  save(draft: ReviewDraft): Promise<boolean>;
  reopen(review: SubmittedReview, timeOnTaskMs: number): Promise<ReviewDraft>;
}

/** The assessor's own queue, in the current workspace's database (read at each call). */
export const liveReviews: ReviewStore = {
  open: (packetId) => openReview(packetId),
  save: (draft) => saveDraft(draft),
  reopen: (review, timeOnTaskMs) => reopenReview(review, timeOnTaskMs),
};

/** The latest submitted revision of a packet's review, if any. */
export async function latestSubmitted(
  packetId: string,
  database: AnchorDatabase = db,
): Promise<SubmittedReview | undefined> {
  const all = await database.reviews.where('packetId').equals(packetId).toArray();
  return all.sort((a, b) => b.revision - a.revision)[0];
}

/** Opens a packet's review: the saved draft, else the last submission, else a new unsaved draft. */
export async function openReview(packetId: string, database: AnchorDatabase = db): Promise<ReviewState> {
  const draft = await database.drafts.get(packetId);
  if (draft) return { kind: 'draft', draft, saved: true };
  const review = await latestSubmitted(packetId, database);
  if (review) return { kind: 'submitted', review };
  return { kind: 'draft', draft: emptyDraft(packetId, 1, new Date().toISOString()), saved: false };
}

/** Saves a draft durably and marks the packet in progress (one transaction); false when its revision was already submitted. */
export async function saveDraft(draft: ReviewDraft, database: AnchorDatabase = db): Promise<boolean> {
  const written: boolean | undefined = await database.transaction(
    'rw',
    database.drafts,
    database.reviews,
    database.progress,
    database.history,
    async () => {
      // A late save must never bring back a draft whose revision was already submitted.
      const submitted = await latestSubmitted(draft.packetId, database);
      if (submitted && submitted.revision >= draft.revision) return false;
      const first = !(await database.drafts.get(draft.packetId));
      await database.drafts.put(draft);
      await database.progress.put({
        packetId: draft.packetId,
        status: 'in-progress',
        timeSpentMs: draft.timeOnTaskMs,
        updatedAt: draft.updatedAt,
      });
      if (first) {
        await database.history.add({
          packetId: draft.packetId,
          at: draft.updatedAt,
          event: 'started',
          revision: draft.revision,
        });
      }
      return true;
    },
  );
  return written === true;
}

/**
 * Stores a submitted review, removes the draft and records it in the packet's history. A packet
 * a hub assigned also gets its upload queued, in the same transaction: submitted means queued.
 */
export async function submitReview(
  draft: ReviewDraft,
  record: ScoreRecord,
  database: AnchorDatabase = db,
): Promise<SubmittedReview> {
  const submittedAt = record.submittedAt ?? new Date().toISOString();
  const review = reviewOf(record, submittedAt);
  const tables = [
    database.drafts,
    database.reviews,
    database.progress,
    database.history,
    database.assignments,
    database.outbox,
  ];
  await database.transaction('rw', tables, async () => {
    await database.reviews.add(review);
    if ((await database.assignments.where('packetId').equals(record.packetId).count()) > 0) {
      await queueUpload(record, database);
    }
    await database.drafts.delete(draft.packetId);
    await database.progress.put({
      packetId: draft.packetId,
      status: 'submitted',
      timeSpentMs: draft.timeOnTaskMs,
      updatedAt: submittedAt,
    });
    await database.history.add({
      packetId: draft.packetId,
      at: submittedAt,
      event: 'submitted',
      revision: draft.revision,
    });
  });
  return review;
}

/**
 * Reopens a submitted review as the next revision. The submitted revision stays as it was
 * (read-only); the new draft starts from its content and the reopening is logged.
 */
export async function reopenReview(
  review: SubmittedReview,
  timeOnTaskMs: number,
  database: AnchorDatabase = db,
): Promise<ReviewDraft> {
  const now = new Date().toISOString();
  const { record } = review;
  const draft: ReviewDraft = { ...draftFromRecord(record, now), revision: record.revision + 1, timeOnTaskMs };
  await database.transaction('rw', database.drafts, database.progress, database.history, async () => {
    await database.drafts.put(draft);
    await database.progress.put({
      packetId: draft.packetId,
      status: 'in-progress',
      timeSpentMs: timeOnTaskMs,
      updatedAt: now,
    });
    await database.history.add({
      packetId: draft.packetId,
      at: now,
      event: 'reopened',
      revision: draft.revision,
      detail: `revision ${record.revision} reopened as revision ${draft.revision}`,
    });
  });
  return draft;
}

/** The draft a submitted record corresponds to (for read-only display and for reopening). */
export function draftFromRecord(record: ScoreRecord, now: string): ReviewDraft {
  return {
    ...emptyDraft(record.packetId, record.revision, now),
    levels: Object.fromEntries(record.criteria.map((c) => [c.criterionId, c.levelId])),
    rationales: Object.fromEntries(record.criteria.map((c) => [c.criterionId, c.rationale])),
    comments: record.comments,
    decision:
      record.decision.kind === 'unscorable'
        ? { kind: 'unscorable', conditionCode: record.decision.conditionCode, explanation: record.decision.explanation }
        : { kind: record.decision.kind, explanation: '' },
    decisionJustification: record.decisionJustification ?? '',
    feedback: {
      overall: record.candidateFeedback.overall,
      byCriterion: Object.fromEntries(record.candidateFeedback.byCriterion.map((f) => [f.criterionId, f.text])),
    },
    privateNotes: record.privateNotes,
  };
}

/** Marks reviews as exported (a flag beside "submitted", and the history). */
export async function markExported(
  reviews: SubmittedReview[],
  what: string,
  database: AnchorDatabase = db,
): Promise<void> {
  const now = new Date().toISOString();
  await database.transaction('rw', database.reviews, database.progress, database.history, async () => {
    for (const review of reviews) {
      await database.reviews.update(review.id, { exportedAt: now });
      await database.progress.update(review.packetId, { exportedAt: now, updatedAt: now });
      await database.history.add({
        packetId: review.packetId,
        at: now,
        event: 'exported',
        revision: review.revision,
        detail: what,
      });
    }
  });
}

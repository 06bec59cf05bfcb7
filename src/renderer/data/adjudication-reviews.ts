import { emptyDraft, type ReviewDraft } from '../../shared/review/draft';
import { db, type AnchorDatabase, type SubmittedReview } from './db';
import type { ReviewState, ReviewStore } from './reviews';

/** What the hub already knows of an adjudication when its scoring screen opens. */
export interface AdjudicationStart {
  /** The hub's resolution as a read-only review, once there is one: it wins over any draft here. */
  resolved?: SubmittedReview;
  /** The draft to begin from when there is none yet (e.g. the levels both scorers agree on). */
  fresh?(packetId: string): ReviewDraft;
}

/**
 * An adjudicator's resolution in progress on this computer, keyed by the adjudication and apart
 * from the live queue's and norming's drafts. The hub keeps the resolution itself (there is no
 * outbox: a resolution is recorded once, online), so the only submitted state is the hub's.
 */
export function adjudicationReviews(
  adjudicationId: string,
  start: AdjudicationStart = {},
  database: () => AnchorDatabase = () => db,
): ReviewStore {
  return {
    async open(packetId): Promise<ReviewState> {
      if (start.resolved) return { kind: 'submitted', review: start.resolved };
      const row = await database().adjudicationDrafts.get(adjudicationId);
      if (row?.draft) return { kind: 'draft', draft: row.draft, saved: true };
      const draft = start.fresh?.(packetId) ?? emptyDraft(packetId, 1, new Date().toISOString());
      return { kind: 'draft', draft, saved: false };
    },
    async save(draft) {
      const d = database();
      return d.transaction('rw', d.adjudicationDrafts, async () => {
        if ((await d.adjudicationDrafts.get(adjudicationId))?.resolvedAt) return false;
        await d.adjudicationDrafts.put({ adjudicationId, packetId: draft.packetId, draft, resolvedAt: null });
        return true;
      });
    },
    reopen() {
      return Promise.reject(new Error('A resolution is recorded once; it cannot be reopened.'));
    },
  };
}

/** Retires the draft once the hub has the resolution: a late autosave can no longer bring it back. */
export async function retireAdjudicationDraft(
  adjudicationId: string,
  packetId: string,
  resolvedAt: string,
  database: AnchorDatabase = db,
): Promise<void> {
  await database.adjudicationDrafts.put({ adjudicationId, packetId, draft: null, resolvedAt });
}

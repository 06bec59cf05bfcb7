import type { Rubric } from '../../../shared/domain/rubric';
import { toScoreRecord } from '../../../shared/review/completeness';
import type { ReviewDraft } from '../../../shared/review/draft';
import { wakeOutbox } from '../../app/outbox';
import { submitReview } from '../../data/reviews';
import type { SubmitTarget } from './scoring';

/**
 * The assessor's own queue: the review is kept on this computer and, for a hub assignment, queued
 * in the outbox (one transaction), then the outbox is woken to upload it. The record's fresh id is
 * the upload's idempotency key.
 */
export function outboxTarget(assessorId: string): SubmitTarget {
  return {
    submitLabel: 'Check and submit',
    destination: 'A submitted review is read-only. You can reopen it as a new revision until it leaves this computer.',
    async submit(draft: ReviewDraft, rubric: Rubric) {
      const record = toScoreRecord(draft, {
        reviewId: crypto.randomUUID(),
        assessorId,
        rubric,
        submittedAt: new Date().toISOString(),
      });
      const review = await submitReview(draft, record);
      wakeOutbox();
      return review;
    },
  };
}

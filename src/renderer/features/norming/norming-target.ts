import type { Rubric } from '../../../shared/domain/rubric';
import { toScoreRecord } from '../../../shared/review/completeness';
import type { ReviewDraft } from '../../../shared/review/draft';
import { wakeOutbox } from '../../app/outbox';
import { normingReviews, submitNormingReview } from '../../data/norming-reviews';
import type { SubmitTarget } from '../review/scoring';

/**
 * A norming session as the scoring screen's destination: the score is kept on this computer
 * under the session and anchor, queued in the one outbox with the session as its destination,
 * and the outbox woken. Drafts live apart from the live queue's (data/norming-reviews.ts).
 */
export function normingTarget(sessionId: string, sessionTitle: string, assessorId: string): SubmitTarget {
  return {
    submitLabel: `Submit to session “${sessionTitle}”`,
    destination:
      'Your score goes to the norming session only. Nobody sees it before the reveal, and you will not see anyone else’s until then. It cannot be reopened.',
    drafts: normingReviews(sessionId),
    async submit(draft: ReviewDraft, rubric: Rubric) {
      const record = toScoreRecord(draft, {
        reviewId: crypto.randomUUID(),
        assessorId,
        rubric,
        submittedAt: new Date().toISOString(),
      });
      const review = await submitNormingReview(sessionId, draft, record);
      wakeOutbox();
      return review;
    },
  };
}

import type { Rubric } from '../../../shared/domain/rubric';
import type { ScoreRecord } from '../../../shared/domain/score';
import { toScoreRecord } from '../../../shared/review/completeness';
import type { ReviewDraft } from '../../../shared/review/draft';

/** Turns a complete draft into a score record (its id is the idempotency key for upload) and submits it. */
export async function submitDraft(
  draft: ReviewDraft,
  { rubric, assessorId, submit }: { rubric: Rubric; assessorId: string; submit(record: ScoreRecord): Promise<void> },
): Promise<void> {
  const record = toScoreRecord(draft, {
    reviewId: crypto.randomUUID(),
    assessorId,
    rubric,
    submittedAt: new Date().toISOString(),
  });
  await submit(record);
}

import type { AdjudicationDetail, ResolveAdjudicationRequest } from '../../../shared/contract/decisions';
import type { Rubric } from '../../../shared/domain/rubric';
import type { ScoreRecord } from '../../../shared/domain/score';
import type { PacketManifest } from '../../../shared/packet/manifest';
import {
  IncompleteReviewError,
  reviewIssues,
  targetKey,
  toScoreRecord,
  type ReviewIssue,
} from '../../../shared/review/completeness';
import { emptyDraft, type ReviewDraft } from '../../../shared/review/draft';
import { anchorLabel } from '../../../shared/review/export/anchor-label';
import { reviewOf, type SubmittedReview } from '../../data/db';
import { criterionTitle } from './labels';

// An adjudication resolved in the scoring screen (issue 12, part 4): what the scoring screen's draft
// becomes on the hub (ResolveAdjudicationRequest: a level and a rationale per criterion, the
// decision, a note), and the hub's resolution shown back as a read-only review.

/**
 * What a resolution needs beyond a complete review: the hub keeps a rationale for every resolved
 * level (a third reading says why, whatever the level), not only below the feedback threshold.
 * Criteria the review's own checks already name are left to them.
 */
export function resolutionIssues(rubric: Rubric, draft: ReviewDraft): ReviewIssue[] {
  if (draft.decision?.kind === 'unscorable') return [];
  const named = new Set(reviewIssues(rubric, draft).map((issue) => targetKey(issue.target)));
  return rubric.criteria
    .filter((criterion) => draft.levels[criterion.id] !== undefined && !draft.rationales[criterion.id]?.trim())
    .map((criterion): ReviewIssue => ({
      target: { kind: 'rationale', criterionId: criterion.id },
      message: `Give a rationale for “${criterion.title}”: a resolution says why for every criterion.`,
    }))
    .filter((issue) => !named.has(targetKey(issue.target)));
}

/**
 * The resolution the hub records from a finished draft: the resolved level and rationale per
 * criterion (none for Unscorable), the decision, and as the note everything else the adjudicator
 * wrote for the committee, so nothing typed is lost: the private notes first, then the decision's
 * justification, the feedback for the candidate and the evidence comments, each labelled.
 * Throws IncompleteReviewError when the draft is not ready.
 */
export function resolutionRequest(
  draft: ReviewDraft,
  rubric: Rubric,
  manifest: PacketManifest,
  adjudicationId: string,
): ResolveAdjudicationRequest {
  const issues = resolutionIssues(rubric, draft);
  if (issues.length > 0) throw new IncompleteReviewError(issues);
  const record = toScoreRecord(draft, {
    reviewId: adjudicationId,
    assessorId: 'adjudicator',
    rubric,
    submittedAt: new Date().toISOString(),
  });
  return {
    criteria: record.criteria.map(({ criterionId, levelId, rationale }) => ({ criterionId, levelId, rationale })),
    decision: record.decision,
    note: resolutionNote(record, rubric, manifest),
  };
}

function resolutionNote(record: ScoreRecord, rubric: Rubric, manifest: PacketManifest): string {
  const titled = (criterionId: string | undefined) =>
    criterionId ? ` on “${criterionTitle(rubric, criterionId)}”` : '';
  return [
    record.privateNotes.trim(),
    record.decisionJustification ? `Why this decision: ${record.decisionJustification}` : '',
    record.candidateFeedback.overall ? `Overall feedback for the candidate: ${record.candidateFeedback.overall}` : '',
    ...record.candidateFeedback.byCriterion.map(
      (feedback) => `Feedback for the candidate${titled(feedback.criterionId)}: ${feedback.text}`,
    ),
    ...record.comments.map(
      (comment) =>
        `Evidence comment${titled(comment.criterionId)} (${anchorLabel(comment.anchor, manifest)}): ${comment.text}`,
    ),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The hub's resolution as a read-only review for the scoring screen; undefined while there is none. */
export function resolutionAsReview(detail: AdjudicationDetail): SubmittedReview | undefined {
  const resolution = detail.resolution;
  if (!resolution) return undefined;
  return reviewOf(
    {
      id: detail.id,
      packetId: detail.packetId,
      rubricId: detail.rubric.id,
      rubricVersion: detail.rubric.version,
      assessorId: resolution.resolvedByUsername,
      revision: 1,
      criteria: resolution.criteria,
      comments: [],
      decision: resolution.decision,
      candidateFeedback: { overall: '', byCriterion: [] },
      // The note is for the committee, as the scoring screen's private notes are.
      privateNotes: resolution.note,
      createdAt: resolution.resolvedAt,
      submittedAt: resolution.resolvedAt,
    },
    resolution.resolvedAt,
  );
}

/** A new resolution starts from the levels both scorers agree on; the discrepant ones are the adjudicator's to pick. */
export function agreedStart(detail: AdjudicationDetail, packetId: string, now: string): ReviewDraft {
  const [first, second] = detail.scorings;
  const levels: Record<string, string> = {};
  for (const criterion of first?.record.criteria ?? []) {
    const other = second?.record.criteria.find((c) => c.criterionId === criterion.criterionId);
    if (other?.levelId === criterion.levelId) levels[criterion.criterionId] = criterion.levelId;
  }
  return { ...emptyDraft(packetId, 1, now), levels };
}

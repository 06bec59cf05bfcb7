import { z } from 'zod';
import { IsoDateTime, LocalId, NonEmptyText, Uuid } from '../../domain/common';
import { Decision } from '../../domain/decision';
import { EvidenceAnchor } from '../../domain/score';
import { describeRule } from '../decision-rules';
import { anchorLabel } from './anchor-label';
import { resolveReview, type ExportInput, type ResolvedReview } from './resolve';

/**
 * 2: the assessor's decision is named recommendedDecision (it was decision in 1): an assessor's
 * export is their recommendation to the committee, never the committee's decision.
 */
export const REVIEW_EXPORT_FORMAT_VERSION = 2;

/** Who the export is for; it decides which fields may appear at all. */
export type ExportAudience = 'assessor' | 'candidate';

const ExportedCriterion = z.strictObject({
  criterionId: LocalId,
  title: z.string(),
  levelId: LocalId,
  levelLabel: z.string(),
  score: z.number(),
  /** The rubric's descriptor of the level reached. */
  descriptor: z.string(),
  /** Candidate feedback on this criterion; '' when none was written. */
  feedback: z.string(),
});

const ExportedComment = z.strictObject({
  criterionId: LocalId.optional(),
  text: z.string(),
  anchor: EvidenceAnchor,
  /** The anchor in words: "Lesson plan, page 2", "Classroom video, 1:14". */
  where: z.string(),
});

/** What a candidate may see of a review. Strict: a private field here fails the export. */
export const CandidateReview = z.strictObject({
  reviewId: Uuid,
  packetId: Uuid,
  revision: z.number().int().min(1),
  credential: z.strictObject({ id: LocalId, title: z.string() }),
  rubric: z.strictObject({ id: LocalId, version: z.string() }),
  candidate: z.strictObject({ pseudonym: NonEmptyText }),
  attempt: z.number().int().min(1),
  criteria: z.array(ExportedCriterion),
  /**
   * The assessor's recommendation to the review committee, not a decision: only the committee
   * decides, and only its released decision reaches the candidate as one.
   */
  recommendedDecision: Decision,
  /** What the rubric's rule implies from the levels; null when unscorable (nothing was scored). */
  impliedDecision: z.enum(['earned', 'not-yet']).nullable(),
  /** The decision rule in plain words. */
  decisionRule: z.string(),
  comments: z.array(ExportedComment),
  candidateFeedback: z.strictObject({
    overall: z.string(),
    byCriterion: z.array(z.strictObject({ criterionId: LocalId, text: z.string() })),
  }),
  submittedAt: IsoDateTime.optional(),
});
export type CandidateReview = z.infer<typeof CandidateReview>;

/** The assessor-side view adds identity, rationales, the justification and private notes. */
export const AssessorReview = CandidateReview.extend({
  assessorId: NonEmptyText,
  criteria: z.array(ExportedCriterion.extend({ rationale: z.string() })),
  decisionJustification: z.string().optional(),
  privateNotes: z.string(),
});
export type AssessorReview = z.infer<typeof AssessorReview>;

const envelope = { formatVersion: z.literal(REVIEW_EXPORT_FORMAT_VERSION), exportedAt: IsoDateTime };

/** The JSON review export, for either audience (docs/review-export.md). */
export const ReviewExport = z.discriminatedUnion('audience', [
  z.strictObject({ ...envelope, audience: z.literal('candidate'), reviews: z.array(CandidateReview) }),
  z.strictObject({ ...envelope, audience: z.literal('assessor'), reviews: z.array(AssessorReview) }),
]);
export type ReviewExport = z.infer<typeof ReviewExport>;

/**
 * Builds the JSON export of submitted reviews. The candidate audience gets no assessor identity,
 * rationales, justification or private notes; the result is checked against the strict schema so
 * a field added by mistake fails here rather than leaking.
 */
export function reviewExport(reviews: ExportInput[], audience: ExportAudience, exportedAt: string): ReviewExport {
  const resolved = reviews.map(resolveReview);
  return ReviewExport.parse({
    formatVersion: REVIEW_EXPORT_FORMAT_VERSION,
    audience,
    exportedAt,
    reviews: resolved.map(audience === 'candidate' ? candidateView : assessorView),
  });
}

function assessorView(review: ResolvedReview): AssessorReview {
  const { record } = review;
  const base = candidateView(review);
  return {
    ...base,
    assessorId: record.assessorId,
    criteria: base.criteria.map((c, i) => ({ ...c, rationale: review.criteria[i]?.rationale ?? '' })),
    ...(record.decisionJustification ? { decisionJustification: record.decisionJustification } : {}),
    privateNotes: record.privateNotes,
  };
}

function candidateView(resolved: ResolvedReview): CandidateReview {
  const { record, manifest } = resolved;
  return {
    reviewId: record.id,
    packetId: record.packetId,
    revision: record.revision,
    credential: { id: manifest.credential.id, title: manifest.credential.title },
    rubric: { id: record.rubricId, version: record.rubricVersion },
    candidate: { pseudonym: manifest.candidate.pseudonym },
    attempt: manifest.attempt.number,
    criteria: resolved.criteria.map(({ criterion, level, feedback }) => ({
      criterionId: criterion.id,
      title: criterion.title,
      levelId: level.id,
      levelLabel: level.label,
      score: level.score,
      descriptor: level.descriptor,
      feedback,
    })),
    recommendedDecision: record.decision,
    impliedDecision: record.decision.kind === 'unscorable' ? null : (resolved.impliedDecision ?? null),
    decisionRule: describeRule(resolved.rubric),
    comments: record.comments.map((comment) => ({
      ...(comment.criterionId ? { criterionId: comment.criterionId } : {}),
      text: comment.text,
      anchor: comment.anchor,
      where: anchorLabel(comment.anchor, manifest),
    })),
    candidateFeedback: {
      overall: record.candidateFeedback.overall,
      byCriterion: record.candidateFeedback.byCriterion.map(({ criterionId, text }) => ({ criterionId, text })),
    },
    ...(record.submittedAt ? { submittedAt: record.submittedAt } : {}),
  };
}

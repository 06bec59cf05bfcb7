import { z } from 'zod';
import { IsoDateTime, LocalId, NonEmptyText, Uuid } from './common';
import { Decision } from './decision';

/** Where in the evidence a comment points. */
export const EvidenceAnchor = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pdf'),
    itemId: LocalId,
    page: z.number().int().min(1),
    /** Region in PDF points from the page's top-left corner, when the assessor drew a box. */
    rect: z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).optional(),
    quote: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('media'), itemId: LocalId, seconds: z.number().min(0) }),
  z.strictObject({ kind: z.literal('item'), itemId: LocalId }),
]);
export type EvidenceAnchor = z.infer<typeof EvidenceAnchor>;

export const CriterionScore = z.strictObject({
  criterionId: LocalId,
  levelId: LocalId,
  rationale: z.string().default(''),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const EvidenceComment = z.strictObject({
  id: Uuid,
  criterionId: LocalId.optional(),
  text: NonEmptyText,
  anchor: EvidenceAnchor,
});
export type EvidenceComment = z.infer<typeof EvidenceComment>;

/** One assessor's review of one packet; the review loop fills it in. */
export const ScoreRecord = z.strictObject({
  id: Uuid,
  packetId: Uuid,
  rubricId: LocalId,
  rubricVersion: z.string(),
  assessorId: NonEmptyText,
  revision: z.number().int().min(1),
  criteria: z.array(CriterionScore),
  comments: z.array(EvidenceComment).default([]),
  decision: Decision,
  /** Justification when the decision differs from the one the rubric rule implies. */
  decisionJustification: z.string().optional(),
  candidateFeedback: z.strictObject({
    /** Feedback on the packet as a whole. */
    overall: z.string().default(''),
    /** Feedback tied to one criterion; every criterion below the threshold needs one on "Not yet". */
    byCriterion: z.array(z.strictObject({ criterionId: LocalId, text: z.string() })).default([]),
  }),
  /** Never leaves the assessor's side: excluded from every candidate-facing output. */
  privateNotes: z.string().default(''),
  createdAt: IsoDateTime,
  submittedAt: IsoDateTime.optional(),
});
export type ScoreRecord = z.infer<typeof ScoreRecord>;

import { z } from 'zod';
import { IsoDateTime, LocalId, NonEmptyText, Uuid } from './common';
import { Decision } from './decision';

/** 1, 2, 3…: rows and columns are counted as people count them. */
const Ordinal = z.number().int().min(1);
const Fraction = z.number().min(0).max(1);
const FractionBox = z
  .strictObject({ x: Fraction, y: Fraction, width: Fraction, height: Fraction })
  .refine((b) => b.width > 0 && b.height > 0 && b.x + b.width <= 1 + 1e-9 && b.y + b.height <= 1 + 1e-9, {
    error: 'the box must have a size and lie inside the image',
  });

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
  /** A stretch of video or audio, marked in and out; the moment ('media') stays for single points. */
  z
    .strictObject({ kind: z.literal('media-range'), itemId: LocalId, start: z.number().min(0), end: z.number().min(0) })
    .refine((a) => a.end > a.start, { error: 'end must come after start', path: ['end'] }),
  /**
   * A box on an image, as fractions (0–1) of the image's own width and height from its top-left
   * corner, so the box stays on the same pixels whatever the zoom or the screen.
   */
  z.strictObject({ kind: z.literal('image'), itemId: LocalId, region: FractionBox }),
  /** One cell of a table: data row (1-based, in file order, header not counted) and column (1-based). */
  z.strictObject({ kind: z.literal('table-cell'), itemId: LocalId, row: Ordinal, column: Ordinal }),
  /** Whole data rows of a table, first to last inclusive, 1-based in file order (sorting never moves them). */
  z
    .strictObject({ kind: z.literal('table-rows'), itemId: LocalId, from: Ordinal, to: Ordinal })
    .refine((a) => a.to >= a.from, { error: 'to must not come before from', path: ['to'] }),
  /**
   * A passage of a written response (promptId) or of a text evidence item (itemId): character
   * offsets into the text as the packet holds it, plus the quoted words so the passage can be found
   * again, and read, even if offsets drift.
   */
  z
    .strictObject({
      kind: z.literal('passage'),
      itemId: LocalId.optional(),
      promptId: LocalId.optional(),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      quote: z.string().min(1),
    })
    .refine((a) => (a.itemId === undefined) !== (a.promptId === undefined), {
      error: 'a passage names either an itemId or a promptId',
    })
    .refine((a) => a.end > a.start, { error: 'end must come after start', path: ['end'] }),
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

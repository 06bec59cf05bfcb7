import { z } from 'zod';
import { IsoDateTime, LocalId, NonEmptyText, Uuid } from '../domain/common';
import { ConditionCode, Decision } from '../domain/decision';
import { CriterionScore, ScoreRecord } from '../domain/score';
import { DecisionOutcome, DecisionType } from '../committee/decision-types';
import { AdjudicationView, DiscrepancyView } from './committee';
import { ErrorBody } from './hub-errors';

// A review committee's decisions (issue 12, parts 4, 5, 6 and 11), as the hub serves them: the
// adjudicator's resolution, the per-packet thread, the chair's decision with the candidate's
// feedback, the window's release, what the issuing platform reads, and the identity reveal.

// ── adjudication ──────────────────────────────────────────────────────────────────────────
/** One of the two scorings an adjudicator compares, with who wrote it. */
export const ScoringView = z.strictObject({
  scoreId: Uuid,
  assessorId: Uuid,
  assessorUsername: z.string(),
  receivedAt: IsoDateTime,
  record: ScoreRecord,
});
export type ScoringView = z.infer<typeof ScoringView>;

export const ResolutionView = z.strictObject({
  criteria: z.array(CriterionScore),
  decision: Decision,
  note: z.string(),
  resolvedBy: Uuid,
  resolvedByUsername: z.string(),
  resolvedAt: IsoDateTime,
});
export type ResolutionView = z.infer<typeof ResolutionView>;

export const AdjudicationDetail = AdjudicationView.extend({
  windowId: Uuid,
  /** Open the evidence and the rubric with these. */
  rubric: z.strictObject({ id: LocalId, version: z.string() }),
  scorings: z.array(ScoringView),
  resolution: ResolutionView.nullable(),
});
export type AdjudicationDetail = z.infer<typeof AdjudicationDetail>;

/**
 * The adjudicator's resolved scoring: a level (and its rationale) for every criterion of the
 * rubric, and the resolved decision. The two scorings stay as they were.
 */
export const ResolveAdjudicationRequest = z.strictObject({
  /** Every criterion of the rubric, or none when the resolved decision is unscorable. */
  criteria: z.array(z.strictObject({ criterionId: LocalId, levelId: LocalId, rationale: NonEmptyText })),
  decision: Decision,
  note: z.string().default(''),
});
export type ResolveAdjudicationRequest = z.input<typeof ResolveAdjudicationRequest>;

// ── thread ────────────────────────────────────────────────────────────────────────────────
export const ThreadMessage = z.strictObject({
  id: Uuid,
  authorId: Uuid,
  authorUsername: z.string(),
  body: z.string(),
  postedAt: IsoDateTime,
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;
export const PacketThread = z.strictObject({ messages: z.array(ThreadMessage) });
export type PacketThread = z.infer<typeof PacketThread>;
export const PostThreadMessageRequest = z.strictObject({
  body: NonEmptyText.max(10_000, { error: 'must be at most 10,000 characters' }),
});

// ── decisions ─────────────────────────────────────────────────────────────────────────────
export const CandidateFeedback = z.strictObject({
  overall: z.string().default(''),
  byCriterion: z.array(z.strictObject({ criterionId: LocalId, text: z.string() })).default([]),
});
export type CandidateFeedback = z.output<typeof CandidateFeedback>;

/**
 * The chair's decision on one packet in one window. criteria: the final level per criterion; when
 * left out the hub takes the adjudicator's resolution, or the levels every scoring agrees on (400
 * naming the criteria where they differ). condition: for a type whose outcome is unscorable, why;
 * when left out, the resolution's or a scoring's unscorable condition.
 */
export const DecideRequest = z.strictObject({
  decisionTypeId: LocalId,
  candidateFeedback: CandidateFeedback,
  criteria: z.array(CriterionScore).optional(),
  condition: z
    .strictObject({
      conditionCode: ConditionCode,
      explanation: NonEmptyText,
    })
    .optional(),
  reason: NonEmptyText,
});
export type DecideRequest = z.input<typeof DecideRequest>;

export const DecisionView = z.strictObject({
  id: Uuid,
  windowId: Uuid,
  packetId: Uuid,
  /** 1 for the first decision; each re-decision before release adds one, keeping the earlier ones. */
  revision: z.number().int().min(1),
  decisionType: DecisionType,
  decision: Decision,
  criteria: z.array(CriterionScore),
  candidateFeedback: CandidateFeedback,
  reason: z.string(),
  decidedBy: Uuid.nullable(),
  decidedByUsername: z.string().nullable(),
  decidedAt: IsoDateTime,
  /** Set once the decision is released; a released decision never changes. */
  release: z.strictObject({ releaseId: Uuid, releasedAt: IsoDateTime }).nullable(),
});
export type DecisionView = z.infer<typeof DecisionView>;

const FeedbackPiece = z.strictObject({
  text: z.string(),
  sources: z.array(z.strictObject({ scoreId: Uuid, assessorUsername: z.string() })),
});
export const SuggestedFeedback = z.strictObject({
  overall: z.array(FeedbackPiece),
  byCriterion: z.array(z.strictObject({ criterionId: LocalId, pieces: z.array(FeedbackPiece) })),
  suggested: CandidateFeedback,
});

export const CandidateIdentity = z.strictObject({
  name: NonEmptyText,
  email: z.string().trim().email({ error: 'must be an email address' }).nullable().default(null),
  externalId: NonEmptyText.nullable().default(null),
});
export type CandidateIdentity = z.output<typeof CandidateIdentity>;

export const IdentityReveal = z.strictObject({
  packetId: Uuid,
  windowId: Uuid,
  identity: CandidateIdentity,
  reason: z.string(),
  revealedBy: Uuid,
  revealedByUsername: z.string(),
  revealedAt: IsoDateTime,
});
export type IdentityReveal = z.infer<typeof IdentityReveal>;

/** Everything a chair needs to decide one packet, in one answer. */
export const DecisionWorkspace = z.strictObject({
  windowId: Uuid,
  packetId: Uuid,
  pseudonym: z.string(),
  credentialTitle: z.string(),
  rubric: z.strictObject({ id: LocalId, version: z.string() }),
  decisionTypes: z.array(DecisionType),
  /** Assessors on the packet in the window, and whether each has submitted. */
  assessors: z.array(z.strictObject({ assessorId: Uuid, username: z.string(), submitted: z.boolean() })),
  scorings: z.array(ScoringView),
  discrepancies: z.array(DiscrepancyView),
  adjudication: z
    .strictObject({ id: Uuid, status: z.enum(['open', 'resolved']), resolution: ResolutionView.nullable() })
    .nullable(),
  /** Why no decision can be recorded yet; empty when the chair may decide. */
  blockers: z.array(z.enum(['scoring-incomplete', 'adjudication-open', 'released'])),
  thread: z.array(ThreadMessage),
  decision: DecisionView.nullable(),
  /** Earlier revisions of the decision, oldest first. */
  history: z.array(DecisionView),
  suggestedFeedback: SuggestedFeedback,
  /** The candidate's identity, once revealed; only chairs, admins and leads see it. */
  identity: IdentityReveal.nullable(),
});
export type DecisionWorkspace = z.infer<typeof DecisionWorkspace>;

export const BatchDecideRequest = z.strictObject({
  packetIds: z.array(Uuid).min(1, { error: 'list at least one packet' }).max(5000),
  reason: NonEmptyText.default('Scorings agree: decided in a batch.'),
});
export type BatchDecideRequest = z.input<typeof BatchDecideRequest>;
export const BatchSkipReason = z.enum([
  'not-found',
  'scoring-incomplete',
  'adjudication-open',
  'discrepancy',
  'decisions-differ',
  'levels-differ',
  'already-decided',
  'released',
  'no-decision-type',
  'validity-packet',
]);
export const BatchDecideResponse = z.strictObject({
  results: z.array(
    z.discriminatedUnion('outcome', [
      z.strictObject({ packetId: Uuid, outcome: z.literal('decided'), decisionId: Uuid }),
      z.strictObject({ packetId: Uuid, outcome: z.literal('skipped'), reason: BatchSkipReason, detail: z.string() }),
    ]),
  ),
  decided: z.number().int(),
  skipped: z.number().int(),
});
export type BatchDecideResponse = z.infer<typeof BatchDecideResponse>;

// ── release ───────────────────────────────────────────────────────────────────────────────
export const ReleaseRequest = z.strictObject({
  /** Absent: every decided, unreleased packet of the window the caller may act on. */
  packetIds: z.array(Uuid).min(1).max(20_000).optional(),
});
export const ReleaseView = z.strictObject({
  releaseId: Uuid,
  windowId: Uuid,
  releasedAt: IsoDateTime,
  packetIds: z.array(Uuid),
});
export type ReleaseView = z.infer<typeof ReleaseView>;
/** 409 body: every packet that stopped the release, and why; nothing was released. */
export const ReleaseRefusal = ErrorBody.extend({
  refused: z.array(
    z.strictObject({ packetId: Uuid, reason: z.enum(['not-found', 'not-decided', 'already-released']) }),
  ),
});

/** One released outcome as the issuing platform reads it. */
export const ReleasedOutcome = z.strictObject({
  releaseId: Uuid,
  releasedAt: IsoDateTime,
  windowId: Uuid,
  packetId: Uuid,
  pseudonym: z.string(),
  credentialId: z.string(),
  decisionType: DecisionType,
  outcome: DecisionOutcome,
  decision: Decision,
  criteria: z.array(z.strictObject({ criterionId: LocalId, levelId: LocalId, levelLabel: z.string() })),
  candidateFeedback: CandidateFeedback,
});
export type ReleasedOutcome = z.infer<typeof ReleasedOutcome>;
export const ReleasedOutcomeList = z.strictObject({ outcomes: z.array(ReleasedOutcome) });

// ── identity ──────────────────────────────────────────────────────────────────────────────
export const PutIdentityRequest = CandidateIdentity;
export const IdentityRecorded = z.strictObject({ packetId: Uuid, setAt: IsoDateTime });
export const RevealIdentityRequest = z.strictObject({ reason: NonEmptyText });

import { z } from 'zod';
import { IsoDateTime, LocalId, NonEmptyText, Uuid } from '../domain/common';
import { PutScoreRequest } from './scores';

// Norming (calibration) sessions on the hub: anchor packets with master scores, scored blind by
// the participants, revealed, discussed and settled by a facilitator. What a participant may see
// depends on the session's status; the hub decides (services/norming.ts), never the page.

export const NormingMode = z.enum(['calibration', 'qualification']);
export type NormingMode = z.infer<typeof NormingMode>;
/** open: participants score blind; revealed: masters and distributions shown, discussion; closed: settled. */
export const NormingStatus = z.enum(['open', 'revealed', 'closed']);
export type NormingStatus = z.infer<typeof NormingStatus>;

/** What a participant must reach against the master scores to qualify. */
export const QualificationThresholds = z.strictObject({
  /** Share of criterion scores equal to the master's, 0..1. */
  minExact: z.number().min(0).max(1).default(0.7),
  /** Share within one level of the master's, 0..1. */
  minAdjacent: z.number().min(0).max(1).default(0.95),
  /** An Unscorable decision on an anchor (every anchor is scorable) fails qualification. */
  unscorableFails: z.boolean().default(true),
  /** How long a qualification stays current. */
  validDays: z.number().int().min(1).max(3650).default(365),
});
export type QualificationThresholds = z.infer<typeof QualificationThresholds>;

export const MasterScoreInput = z.strictObject({ criterionId: LocalId, levelId: LocalId, rationale: NonEmptyText });

export const CreateNormingSessionRequest = z.strictObject({
  title: NonEmptyText.max(200),
  credentialId: NonEmptyText,
  mode: NormingMode,
  /** The anchor packets in the order they are scored, each with a master level and rationale per criterion. */
  anchors: z
    .array(z.strictObject({ packetId: Uuid, masters: z.array(MasterScoreInput).min(1) }))
    .min(1)
    .max(50),
  participantIds: z.array(Uuid).min(1).max(500),
  thresholds: QualificationThresholds.default(QualificationThresholds.parse({})),
});

export const MasterScore = z.strictObject({
  criterionId: LocalId,
  levelId: LocalId,
  rationale: z.string(),
  /** 1 for the level set with the session; each change with a reason adds one. */
  revision: z.number().int().min(1),
  reason: z.string().nullable(),
  setAt: IsoDateTime,
});
export type MasterScore = z.infer<typeof MasterScore>;

/** How many (non-late) participants chose each level of one criterion on one anchor. */
export const LevelDistribution = z.strictObject({
  criterionId: LocalId,
  counts: z.record(LocalId, z.number().int().min(0)),
});

export const NormingAnchorView = z.strictObject({
  packetId: Uuid,
  position: z.number().int().min(1),
  pseudonym: z.string(),
  /** Facilitators always; participants only after the reveal. */
  masters: z.array(MasterScore).optional(),
  /** After the reveal only, and without names. */
  distribution: z.array(LevelDistribution).optional(),
});

export const NormingParticipantView = z.strictObject({
  userId: Uuid,
  username: z.string(),
  /** Anchors with a counted score (not late). */
  submitted: z.array(Uuid),
  /** Anchors whose score arrived after the reveal and is left out of the statistics. */
  late: z.array(Uuid),
  reopened: z.boolean(),
});

export const NormingScoreSummary = z.strictObject({
  scoreId: Uuid,
  packetId: Uuid,
  revision: z.number().int(),
  receivedAt: IsoDateTime,
  late: z.boolean(),
});

export const NormingSessionSummary = z.strictObject({
  id: Uuid,
  title: z.string(),
  credentialId: z.string(),
  mode: NormingMode,
  status: NormingStatus,
  anchorCount: z.number().int(),
  participantCount: z.number().int(),
  createdAt: IsoDateTime,
  revealedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  /** How the caller takes part: running it, or scoring in it. */
  role: z.enum(['facilitator', 'participant']),
});
export type NormingSessionSummary = z.infer<typeof NormingSessionSummary>;

export const NormingSessionList = z.strictObject({ sessions: z.array(NormingSessionSummary) });

export const NormingSessionView = NormingSessionSummary.extend({
  thresholds: QualificationThresholds,
  anchors: z.array(NormingAnchorView),
  /** Facilitators only: who takes part and what each has submitted. */
  participants: z.array(NormingParticipantView).optional(),
  /**
   * Participants only: their own scores, with the levels they gave — so the reveal can set their
   * own level beside the master's on any computer, not only the one they scored on.
   */
  yourScores: z
    .array(
      NormingScoreSummary.extend({
        levels: z.array(z.strictObject({ criterionId: LocalId, levelId: LocalId })),
      }),
    )
    .optional(),
  /** Participants only, after the reveal: whether the caller's scores count (a late score does not). */
  yourStanding: z
    .strictObject({ reopened: z.boolean(), lateScores: z.number().int(), message: z.string().nullable() })
    .optional(),
});
export type NormingSessionView = z.infer<typeof NormingSessionView>;

/** A participant's score for one anchor: the scoring screen's record, idempotent by its id as live scores are. */
export const PutNormingScoreRequest = PutScoreRequest;

export const NormingScoreReceipt = NormingScoreSummary.extend({
  sessionId: Uuid,
  /** Set for a late score: why it does not count and what to do. */
  message: z.string().nullable(),
});
export type NormingScoreReceipt = z.infer<typeof NormingScoreReceipt>;

export const NormingScoreView = NormingScoreSummary.extend({
  /** The participant's id and name: facilitators only; a participant only ever sees their own. */
  assessorId: Uuid,
  username: z.string(),
  criteria: z.array(z.strictObject({ criterionId: LocalId, levelId: LocalId, rationale: z.string() })),
  decision: z.string(),
});
export const NormingScoreList = z.strictObject({ scores: z.array(NormingScoreView) });

export const PutConsensusRequest = z.strictObject({
  /** The discussion's notes, as the facilitator records them. */
  notes: z.string().max(20_000).default(''),
  /** Why the settled level is right, against the descriptors. */
  rationale: NonEmptyText.max(20_000),
  /** Master levels changed by the discussion, each with its reason (history kept). */
  masterChanges: z
    .array(z.strictObject({ packetId: Uuid, levelId: LocalId, reason: NonEmptyText.max(2000) }))
    .default([]),
});

export const ConsensusView = z.strictObject({
  criterionId: LocalId,
  notes: z.string(),
  rationale: z.string(),
  revision: z.number().int(),
  decidedAt: IsoDateTime,
});
export type ConsensusView = z.infer<typeof ConsensusView>;

/** One participant against the masters. */
export const AssessorResult = z.strictObject({
  userId: Uuid,
  username: z.string(),
  /** Criterion scores compared with a master. */
  compared: z.number().int(),
  exact: z.number().nullable(),
  adjacent: z.number().nullable(),
  quadraticWeightedKappa: z.number().nullable(),
  /** Mean of (participant − master) in levels: above 0 lenient, below 0 severe. */
  meanSignedDifference: z.number().nullable(),
  anchorsScored: z.number().int(),
  unscorableOnScorable: z.number().int(),
  qualified: z.boolean(),
  /** Why not qualified, in words. */
  shortfalls: z.array(z.string()),
});
export type AssessorResult = z.infer<typeof AssessorResult>;

export const CriterionResult = z.strictObject({
  criterionId: LocalId,
  title: z.string(),
  /** The criterion's levels, lowest first, for charts and tables. */
  levels: z.array(z.strictObject({ id: LocalId, label: z.string() })),
  exactAgreement: z.number().nullable(),
  adjacentAgreement: z.number().nullable(),
  gwetAC1: z.number().nullable(),
  fleissKappa: z.number().nullable(),
  krippendorffAlphaOrdinal: z.number().nullable(),
  /** α below 0.667: a candidate for rubric revision. */
  flagged: z.boolean(),
  /** Per anchor: the level counts and the master. */
  anchors: z.array(
    z.strictObject({
      packetId: Uuid,
      pseudonym: z.string(),
      counts: z.record(LocalId, z.number().int()),
      masterLevelId: LocalId.nullable(),
    }),
  ),
  consensus: ConsensusView.nullable(),
  notes: z.array(z.string()),
});
export type CriterionResult = z.infer<typeof CriterionResult>;

export const NormingReport = z.strictObject({
  session: NormingSessionSummary.omit({ role: true }),
  thresholds: QualificationThresholds,
  generatedAt: IsoDateTime,
  assessors: z.array(AssessorResult),
  criteria: z.array(CriterionResult),
  /** Scores left out because they arrived after the reveal. */
  lateScores: z.number().int(),
});
export type NormingReport = z.infer<typeof NormingReport>;

export const Qualification = z.strictObject({
  userId: Uuid,
  credentialId: z.string(),
  sessionId: Uuid,
  qualified: z.boolean(),
  recordedAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type Qualification = z.infer<typeof Qualification>;

/**
 * A person's latest qualification in a credential, as the hub holds it: current (qualified, not yet
 * expired), expired (qualified once, past its date: recalibrate), or not-qualified (the latest
 * qualification session did not qualify them).
 */
export const QualificationStatus = z.enum(['current', 'expired', 'not-qualified']);
export type QualificationStatus = z.infer<typeof QualificationStatus>;
export const QualificationRecord = z.strictObject({
  userId: Uuid,
  username: z.string(),
  credentialId: z.string(),
  status: QualificationStatus,
  /** Agreement with the masters in the session that recorded it (fractions). */
  exact: z.number().nullable(),
  adjacent: z.number().nullable(),
  sessionId: Uuid,
  sessionTitle: z.string(),
  recordedAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type QualificationRecord = z.infer<typeof QualificationRecord>;
export const QualificationList = z.strictObject({ qualifications: z.array(QualificationRecord) });
export type QualificationList = z.infer<typeof QualificationList>;
export const CloseNormingResponse = z.strictObject({
  session: NormingSessionSummary,
  qualifications: z.array(Qualification),
});

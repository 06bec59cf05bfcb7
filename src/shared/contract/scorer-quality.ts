import { z } from 'zod';
import { PacketList, PacketListFilter } from './packet-list';
import { IsoDateTime, LocalId, NonEmptyText, Uuid } from '../domain/common';

// Validity packets and scorer quality (issue 12, parts 8 and 9): what the hub answers a chair
// about each assessor of a window, how a packet becomes a validity packet, and how a chair pauses
// an assessor. Assessors never read anything here.

// ── validity packets ─────────────────────────────────────────────────────────────────────
export const MasterLevel = z.strictObject({ criterionId: LocalId, levelId: LocalId });

/** Marks (or re-marks, with corrected masters) a packet as a validity packet of the window. */
export const MarkValidityRequest = z.strictObject({
  /** One master level per criterion of the packet's rubric. */
  masters: z.array(MasterLevel).min(1).max(100),
  /** The decision the masters' levels stand for. */
  decision: z.enum(['earned', 'not-yet']),
});
export type MarkValidityRequest = z.infer<typeof MarkValidityRequest>;

export const ValidityPacketView = z.strictObject({
  packetId: Uuid,
  pseudonym: z.string(),
  credentialTitle: z.string(),
  masters: z.array(MasterLevel),
  decision: z.enum(['earned', 'not-yet']),
  markedAt: IsoDateTime,
  markedBy: z.string().nullable(),
  /** Assessors it is in the queue of, and how many of them have scored it. */
  assigned: z.number().int(),
  scored: z.number().int(),
});
export type ValidityPacketView = z.infer<typeof ValidityPacketView>;

export const ValidityList = z.strictObject({
  /** The window policy's seeding rate (0: automatic assignment seeds none). */
  rate: z.number(),
  packets: z.array(ValidityPacketView),
});
export type ValidityList = z.infer<typeof ValidityList>;

// ── scorer quality ───────────────────────────────────────────────────────────────────────
const Share = z.number().nullable();

export const ScorerPause = z.strictObject({
  recalibrate: z.boolean(),
  reason: z.string(),
  pausedAt: IsoDateTime,
  pausedBy: z.string().nullable(),
});
export type ScorerPause = z.infer<typeof ScorerPause>;

export const ScorerQualityRow = z.strictObject({
  assessorId: Uuid,
  username: z.string(),
  /** active; paused by a chair; or paused until they requalify (recalibrating). */
  status: z.enum(['active', 'paused', 'recalibrating']),
  pause: ScorerPause.nullable(),
  /** Live packets scored in the window. */
  scored: z.number().int(),
  validity: z.strictObject({
    packets: z.number().int(),
    n: z.number().int(),
    exact: Share,
    adjacent: Share,
    quadraticWeightedKappa: Share,
    severity: Share,
  }),
  secondScoring: z.strictObject({
    packets: z.number().int(),
    n: z.number().int(),
    exact: Share,
    adjacent: Share,
    quadraticWeightedKappa: Share,
    ac1: Share,
    severity: Share,
  }),
  /** Chosen levels per scale position, position 1 (lowest) first. */
  scaleUse: z.array(z.number().int()),
  medianMinutes: z.number().nullable(),
  /**
   * Exact agreement per UTC day of the window (YYYY-MM-DD), oldest first; exact is null on a day
   * with no compared scoring (a gap in the chart, not 0).
   */
  daily: z.array(
    z.strictObject({
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      exact: z.number().nullable(),
      n: z.number().int(),
    }),
  ),
  flags: z.array(
    z.strictObject({
      kind: z.enum(['low-agreement', 'severe', 'lenient']),
      basis: z.enum(['validity', 'second-scoring']),
      value: z.number(),
      limit: z.number(),
      message: z.string(),
    }),
  ),
});
export type ScorerQualityRow = z.infer<typeof ScorerQualityRow>;

export const ScorerQuality = z.strictObject({
  window: z.strictObject({ id: Uuid, name: z.string(), requiredQualification: z.string().nullable() }),
  limits: z.strictObject({
    minExactAgreement: z.number(),
    maxAbsSeverity: z.number(),
    minScored: z.number().int(),
  }),
  /** Positions on the longest criterion scale of the window's packets. */
  scalePositions: z.number().int(),
  scorers: z.array(ScorerQualityRow),
});
export type ScorerQuality = z.infer<typeof ScorerQuality>;

export const PauseScorerRequest = z.strictObject({
  /** Shown to the assessor in their app, and kept in the audit log. */
  reason: NonEmptyText.max(500),
  /** Paused until they pass the window's required qualification again. */
  recalibrate: z.boolean().default(false),
});
export const ResumeScorerRequest = z.strictObject({ reason: NonEmptyText.max(500) });
export const ScorerPauseState = z.strictObject({
  assessorId: Uuid,
  status: z.enum(['active', 'paused', 'recalibrating']),
  pause: ScorerPause.nullable(),
});
export type ScorerPauseState = z.infer<typeof ScorerPauseState>;

// ── bridge ───────────────────────────────────────────────────────────────────────────────
// The chair's channels: each is one hub route; the hub decides who may call it.
export const SCORER_QUALITY_CHANNELS = {
  'quality.scorers': { input: z.strictObject({ windowId: Uuid }), output: ScorerQuality },
  'quality.pause': {
    input: z.strictObject({
      windowId: Uuid,
      assessorId: Uuid,
      reason: NonEmptyText.max(500),
      recalibrate: z.boolean(),
    }),
    output: ScorerPauseState,
  },
  'quality.resume': {
    input: z.strictObject({ windowId: Uuid, assessorId: Uuid, reason: NonEmptyText.max(500) }),
    output: ScorerPauseState,
  },
  'quality.validity': { input: z.strictObject({ windowId: Uuid }), output: ValidityList },
  'quality.markValidity': {
    input: MarkValidityRequest.extend({ windowId: Uuid, packetId: Uuid }),
    output: ValidityPacketView,
  },
  /**
   * Packets a chair may mark as the window's validity packets: live work not assigned in the window
   * (the hub refuses anchors and packets assigned live), newest first, narrowed by a search.
   */
  'quality.validityCandidates': {
    input: z.strictObject({ windowId: Uuid, q: PacketListFilter.shape.q }),
    output: PacketList,
  },
  /** A packet's rubric, to choose its master levels from. */
  'quality.packetRubric': {
    input: z.strictObject({ packetId: Uuid }),
    output: z.strictObject({
      packetId: Uuid,
      pseudonym: z.string(),
      credentialTitle: z.string(),
      criteria: z.array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          levels: z.array(z.strictObject({ id: z.string(), label: z.string() })),
        }),
      ),
    }),
  },
} as const;

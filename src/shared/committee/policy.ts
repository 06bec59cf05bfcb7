import { z } from 'zod';
import type { Rubric } from '../domain/rubric';
import type { ScoreRecord } from '../domain/score';
import { rubricTotal, type ChosenLevels } from '../review/decision-rules';

// A review window's scoring-quality policy (issue 12): which packets get a second, blind,
// independent scoring, and when two scorings disagree enough to need an adjudicator. Pure rules,
// so the hub applies them and the chair's screens explain them from the same code.

export const ScoringPolicy = z.strictObject({
  secondScoring: z
    .strictObject({
      /** Share of packets drawn at random for a second scoring, 0..1. */
      randomShare: z.number().min(0).max(1).default(0.1),
      /** Every resubmission (attempt 2 or later) is scored twice. */
      resubmissions: z.boolean().default(true),
      /**
       * Score points from the decision rule's cut within which a first score is double-scored
       * (0: off). For "all-at-least", how far the weakest criterion sits above the cut, or how many
       * points below it in all; for "total-at-least", the distance of the total from the cut.
       */
      nearCutMargin: z.number().min(0).default(1),
    })
    .default({ randomShare: 0.1, resubmissions: true, nearCutMargin: 1 }),
  discrepancy: z
    .strictObject({
      /** The two recommended decisions differ (earned / not yet / unscorable). */
      decisionDiffers: z.boolean().default(true),
      /** A criterion's levels are this many positions apart or more. */
      criterionLevelGap: z.number().int().min(1).default(2),
      /** The weighted totals differ by more than this (null: not used). */
      totalGap: z.number().min(0).nullable().default(null),
    })
    .default({ decisionDiffers: true, criterionLevelGap: 2, totalGap: null }),
  validity: z
    .strictObject({
      /**
       * Share of each assessor's assignments in the window that are validity packets (known master
       * scores, seeded invisibly into every queue that grows: services/validity.ts). At
       * most one half: a queue that is mostly validity packets would scarcely score live work.
       */
      rate: z.number().min(0).max(0.5).default(0),
    })
    .default({ rate: 0 }),
  quality: z
    .strictObject({
      /** An assessor whose exact agreement (with the masters, else with second scorers) falls below this is flagged. */
      minExactAgreement: z.number().min(0).max(1).default(0.6),
      /** An assessor whose mean signed level difference lies further from 0 than this is flagged severe or lenient. */
      maxAbsSeverity: z.number().min(0).default(0.5),
      /** Flags wait until an assessor has this many compared scorings: a few packets say little. */
      minScored: z.number().int().min(1).default(5),
    })
    .default({ minExactAgreement: 0.6, maxAbsSeverity: 0.5, minScored: 5 }),
});
export type ScoringPolicy = z.infer<typeof ScoringPolicy>;

export type SecondScoringReason = 'random-share' | 'resubmission' | 'near-cut';

/**
 * A packet's draw for the random share: a number in [0, 1) fixed by the window and packet (FNV-1a),
 * so routing can be repeated and audited, and no one can steer which packets are drawn.
 */
export function shareDraw(windowId: string, packetId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${windowId}/${packetId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

function levelsOf(record: ScoreRecord): ChosenLevels {
  return Object.fromEntries(record.criteria.map((c) => [c.criterionId, c.levelId]));
}

/**
 * How far a complete scoring lies from the rule's cut, in score points, and on which side; undefined
 * for an unscorable decision or a scoring that leaves a criterion out.
 */
export function distanceFromCut(
  rubric: Rubric,
  record: ScoreRecord,
): { side: 'earned' | 'not-yet'; points: number } | undefined {
  if (record.decision.kind === 'unscorable') return undefined;
  const levels = levelsOf(record);
  const scores = rubric.criteria.map((criterion) => criterion.levels.find((l) => l.id === levels[criterion.id])?.score);
  if (scores.some((score) => score === undefined)) return undefined;
  const rule = rubric.decisionRule;
  if (rule.kind === 'all-at-least') {
    const below = (scores as number[]).filter((score) => score < rule.minLevelScore);
    if (below.length === 0) return { side: 'earned', points: Math.min(...(scores as number[])) - rule.minLevelScore };
    return { side: 'not-yet', points: below.reduce((sum, score) => sum + (rule.minLevelScore - score), 0) };
  }
  const total = rubricTotal(rubric, levels);
  return total >= rule.minTotal
    ? { side: 'earned', points: total - rule.minTotal }
    : { side: 'not-yet', points: rule.minTotal - total };
}

/**
 * Why a packet gets a second scoring under the policy (empty: it does not). Recorded with the
 * routing, so a chair can see which rule selected each packet.
 */
export function secondScoringReasons(
  policy: ScoringPolicy,
  input: { windowId: string; packetId: string; attempt: number; rubric: Rubric; first: ScoreRecord },
): SecondScoringReason[] {
  const { secondScoring } = policy;
  const reasons: SecondScoringReason[] = [];
  if (shareDraw(input.windowId, input.packetId) < secondScoring.randomShare) reasons.push('random-share');
  if (secondScoring.resubmissions && input.attempt > 1) reasons.push('resubmission');
  if (secondScoring.nearCutMargin > 0) {
    const distance = distanceFromCut(input.rubric, input.first);
    const near =
      distance !== undefined &&
      (distance.side === 'earned'
        ? distance.points < secondScoring.nearCutMargin
        : distance.points <= secondScoring.nearCutMargin);
    if (near) reasons.push('near-cut');
  }
  return reasons;
}

export type Discrepancy =
  | { kind: 'decision'; first: string; second: string }
  | { kind: 'criterion'; criterionId: string; gap: number }
  | { kind: 'total'; gap: number }
  /** Not found by comparing scorings: a back-reader (lead, chair, admin) sent the packet, saying why. */
  | { kind: 'back-read'; reason: string };

/**
 * Where two scorings of one packet disagree beyond the policy; any discrepancy sends the packet to
 * an adjudicator. Level gaps are counted in positions on the criterion's scale.
 */
export function discrepancies(
  policy: ScoringPolicy,
  rubric: Rubric,
  first: ScoreRecord,
  second: ScoreRecord,
): Discrepancy[] {
  const rules = policy.discrepancy;
  const found: Discrepancy[] = [];
  if (rules.decisionDiffers && first.decision.kind !== second.decision.kind) {
    found.push({ kind: 'decision', first: first.decision.kind, second: second.decision.kind });
  }
  const a = levelsOf(first);
  const b = levelsOf(second);
  for (const criterion of rubric.criteria) {
    const ids = criterion.levels.map((l) => l.id);
    const [i, j] = [ids.indexOf(a[criterion.id] ?? ''), ids.indexOf(b[criterion.id] ?? '')];
    if (i < 0 || j < 0) continue;
    const gap = Math.abs(i - j);
    if (gap >= rules.criterionLevelGap) found.push({ kind: 'criterion', criterionId: criterion.id, gap });
  }
  if (rules.totalGap !== null && first.decision.kind !== 'unscorable' && second.decision.kind !== 'unscorable') {
    const gap = Math.abs(rubricTotal(rubric, a) - rubricTotal(rubric, b));
    if (gap > rules.totalGap) found.push({ kind: 'total', gap });
  }
  return found;
}

import { agreementWithMaster, cohenKappa, gwetAC, type RatingTable } from '../agreement';
import type { ScoringPolicy } from './policy';
import { DAY_MS, utcDay } from '../domain/days';

// Scorer quality (issue 12, part 9): per assessor, agreement with validity masters and with the
// other scorers of double-scored packets, severity, use of the scale, time per packet and a trend,
// and the flags a window's policy raises. Pure, so the hub computes it and tests pin it by table.

/** One criterion's scale on a packet's rubric: its level ids, lowest first. */
export interface CriterionScale {
  criterionId: string;
  levelIds: readonly string[];
}

/** One assessor's latest scoring of one packet in the window. */
export interface ScoringFacts {
  packetId: string;
  assessorId: string;
  /** criterionId → chosen level id. */
  levels: Readonly<Record<string, string>>;
  /** When the hub received it (ms). */
  receivedAt: number;
  /** Minutes spent on it, when known. */
  minutes: number | null;
  /** Scored as a validity packet: compared with masters, never with other scorers. */
  validity: boolean;
}

export interface MasterAgreementStats {
  /** Validity packets compared. */
  packets: number;
  /** Criterion levels compared. */
  n: number;
  exact: number | null;
  adjacent: number | null;
  quadraticWeightedKappa: number | null;
  /** Mean (assessor − master) in level positions: below 0 severe, above 0 lenient. */
  severity: number | null;
}

export interface PairAgreementStats {
  /** Double-scored packets compared. */
  packets: number;
  /** Criterion level pairs compared (one per other scorer and criterion). */
  n: number;
  exact: number | null;
  adjacent: number | null;
  quadraticWeightedKappa: number | null;
  ac1: number | null;
  /** Mean (assessor − other scorer) in level positions. */
  severity: number | null;
}

/** One UTC day of the window: the exact agreement of the scorings compared that day. */
export interface DayPoint {
  /** The UTC calendar day, YYYY-MM-DD (pages label it in words; the hub never uses its own zone). */
  day: string;
  /** Share of the day's compared criterion levels that matched exactly; null on a day with none (a gap, not 0). */
  exact: number | null;
  /** Criterion levels compared that day. */
  n: number;
}

export interface ScorerStats {
  assessorId: string;
  /** Scorings of live packets. */
  scored: number;
  validity: MasterAgreementStats;
  secondScoring: PairAgreementStats;
  /** How many chosen levels fell on each position of the scale (position 1 first). */
  scaleUse: number[];
  medianMinutes: number | null;
  /** Every UTC day of the window (and any day outside it with a compared scoring), oldest first. */
  daily: DayPoint[];
}

export type QualityLimits = ScoringPolicy['quality'];

export interface QualityFlag {
  kind: 'low-agreement' | 'severe' | 'lenient';
  /** What the flag was measured against: validity masters when there are enough, else second scorers. */
  basis: 'validity' | 'second-scoring';
  value: number;
  limit: number;
  message: string;
}

/** Positions on the window's common scale: the longest criterion's number of levels (at least 2). */
export function scalePositions(scales: ReadonlyMap<string, readonly CriterionScale[]>): number {
  return Math.max(2, ...[...scales.values()].flatMap((criteria) => criteria.map((c) => c.levelIds.length)));
}

const positionOf = (scale: CriterionScale | undefined, levelId: string | undefined) => {
  if (!scale || levelId === undefined) return undefined;
  const i = scale.levelIds.indexOf(levelId);
  return i < 0 ? undefined : i;
};

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Every assessor's statistics in one pass. `scales` gives each packet's criteria; `masters` each
 * validity packet's master levels (criterionId → level id). Levels are compared by position on
 * their criterion's scale, on one scale of the longest criterion's length.
 */
export function scorerStatistics(input: {
  scales: ReadonlyMap<string, readonly CriterionScale[]>;
  scorings: readonly ScoringFacts[];
  masters: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Whose statistics to give, in this order (those who scored nothing get empty ones); by default everyone who scored. */
  assessorIds?: readonly string[];
  /** The window's span (ms, closesAt exclusive), for the days of `daily`; without it, the days scored. */
  window?: { opensAt: number; closesAt: number };
}): ScorerStats[] {
  const q = scalePositions(input.scales);
  const byPacket = new Map<string, ScoringFacts[]>();
  for (const scoring of input.scorings) {
    const list = byPacket.get(scoring.packetId) ?? [];
    list.push(scoring);
    byPacket.set(scoring.packetId, list);
  }
  const assessors = input.assessorIds ?? [...new Set(input.scorings.map((s) => s.assessorId))].sort();
  return assessors.map((assessorId) => {
    const own = input.scorings.filter((s) => s.assessorId === assessorId).sort((a, b) => a.receivedAt - b.receivedAt);
    const rater: number[] = [];
    const master: number[] = [];
    const self: number[] = [];
    const other: number[] = [];
    const scaleUse = new Array<number>(q).fill(0);
    let validityPackets = 0;
    const pairedPackets = new Set<string>();
    const comparedScorings: { exact: number; n: number; at: number }[] = [];
    for (const scoring of own) {
      const criteria = input.scales.get(scoring.packetId) ?? [];
      for (const criterion of criteria) {
        const p = positionOf(criterion, scoring.levels[criterion.criterionId]);
        if (p !== undefined) scaleUse[p]! += 1;
      }
      const compared = { exact: 0, n: 0, at: scoring.receivedAt };
      const compare = (mine: number, theirs: number, into: [number[], number[]]) => {
        into[0].push(mine);
        into[1].push(theirs);
        compared.n += 1;
        if (mine === theirs) compared.exact += 1;
      };
      if (scoring.validity) {
        const masterLevels = input.masters.get(scoring.packetId);
        if (masterLevels) {
          const before = compared.n;
          for (const criterion of criteria) {
            const [mine, theirs] = [
              positionOf(criterion, scoring.levels[criterion.criterionId]),
              positionOf(criterion, masterLevels[criterion.criterionId]),
            ];
            if (mine !== undefined && theirs !== undefined) compare(mine, theirs, [rater, master]);
          }
          if (compared.n > before) validityPackets += 1;
        }
      } else {
        for (const partner of byPacket.get(scoring.packetId) ?? []) {
          if (partner.assessorId === assessorId || partner.validity) continue;
          for (const criterion of criteria) {
            const [mine, theirs] = [
              positionOf(criterion, scoring.levels[criterion.criterionId]),
              positionOf(criterion, partner.levels[criterion.criterionId]),
            ];
            if (mine === undefined || theirs === undefined) continue;
            compare(mine, theirs, [self, other]);
            pairedPackets.add(scoring.packetId);
          }
        }
      }
      if (compared.n > 0) comparedScorings.push(compared);
    }
    const withMaster = agreementWithMaster(rater, master, q);
    return {
      assessorId,
      scored: own.filter((s) => !s.validity).length,
      validity: {
        packets: validityPackets,
        n: withMaster.n,
        exact: withMaster.exact,
        adjacent: withMaster.adjacent,
        quadraticWeightedKappa: withMaster.quadraticWeightedKappa.value,
        severity: withMaster.meanSignedDifference,
      },
      secondScoring: pairStats(self, other, q, pairedPackets.size),
      scaleUse,
      medianMinutes: median(own.flatMap((s) => (s.minutes === null ? [] : [s.minutes]))),
      daily: dailyTrend(comparedScorings, input.window),
    };
  });
}

function pairStats(self: number[], other: number[], q: number, packets: number): PairAgreementStats {
  const n = self.length;
  if (n === 0)
    return { packets, n, exact: null, adjacent: null, quadraticWeightedKappa: null, ac1: null, severity: null };
  let exact = 0;
  let adjacent = 0;
  let difference = 0;
  self.forEach((a, i) => {
    const b = other[i]!;
    if (a === b) exact += 1;
    if (Math.abs(a - b) <= 1) adjacent += 1;
    difference += a - b;
  });
  // AC1 over (packet, criterion, partner) units, each rated by "this assessor" and "the other".
  const table: RatingTable = {
    units: self.map((_, i) => String(i)),
    raters: ['self', 'other'],
    levels: Array.from({ length: q }, (_, i) => i),
    cells: self.map((a, i) => [a, other[i]]),
  };
  return {
    packets,
    n,
    exact: exact / n,
    adjacent: adjacent / n,
    quadraticWeightedKappa: cohenKappa(self, other, q, 'quadratic').value,
    ac1: gwetAC(table, 'identity').value,
    severity: difference / n,
  };
}

/**
 * Exact agreement per UTC day: one point for every day from the window's opening day to the day
 * before it closes (widened to any day a comparison fell outside it), each pooling the criterion
 * levels compared that day. A day without comparisons has exact null, never 0: no scoring is not
 * disagreement. UTC, so the hub gives every viewer the same days whatever its own time zone.
 */
export function dailyTrend(
  compared: readonly { exact: number; n: number; at: number }[],
  window?: { opensAt: number; closesAt: number },
): DayPoint[] {
  let first = window ? Math.floor(window.opensAt / DAY_MS) : Infinity;
  let last = window ? Math.floor(Math.max(window.opensAt, window.closesAt - 1) / DAY_MS) : -Infinity;
  const byDay = new Map<number, { exact: number; n: number }>();
  for (const c of compared) {
    const day = Math.floor(c.at / DAY_MS);
    first = Math.min(first, day);
    last = Math.max(last, day);
    const sum = byDay.get(day) ?? { exact: 0, n: 0 };
    sum.exact += c.exact;
    sum.n += c.n;
    byDay.set(day, sum);
  }
  const days: DayPoint[] = [];
  for (let day = first; day <= last; day++) {
    const sum = byDay.get(day);
    days.push({ day: utcDay(day * DAY_MS), exact: sum && sum.n > 0 ? sum.exact / sum.n : null, n: sum?.n ?? 0 });
  }
  return days;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(2)}`;

/**
 * The policy's flags for one assessor. Measured against validity masters once the assessor has
 * scored `minScored` validity packets (they know the right answer), else against second scorers
 * once `minScored` of their packets were double-scored; with fewer, nothing is flagged yet.
 */
export function qualityFlags(
  limits: QualityLimits,
  stats: Pick<ScorerStats, 'validity' | 'secondScoring'>,
): QualityFlag[] {
  const basis =
    stats.validity.packets >= limits.minScored
      ? ({ kind: 'validity', exact: stats.validity.exact, severity: stats.validity.severity } as const)
      : stats.secondScoring.packets >= limits.minScored
        ? ({
            kind: 'second-scoring',
            exact: stats.secondScoring.exact,
            severity: stats.secondScoring.severity,
          } as const)
        : undefined;
  if (!basis) return [];
  const against = basis.kind === 'validity' ? 'the validity masters' : 'second scorers';
  const flags: QualityFlag[] = [];
  if (basis.exact !== null && basis.exact < limits.minExactAgreement) {
    flags.push({
      kind: 'low-agreement',
      basis: basis.kind,
      value: basis.exact,
      limit: limits.minExactAgreement,
      message: `Exact agreement with ${against} is ${percent(basis.exact)}, below the policy's ${percent(limits.minExactAgreement)}.`,
    });
  }
  if (basis.severity !== null && Math.abs(basis.severity) > limits.maxAbsSeverity) {
    const severe = basis.severity < 0;
    flags.push({
      kind: severe ? 'severe' : 'lenient',
      basis: basis.kind,
      value: basis.severity,
      limit: limits.maxAbsSeverity,
      message:
        `Scores ${severe ? 'below' : 'above'} ${against} by ${signed(basis.severity)} levels on average ` +
        `(the policy allows ±${limits.maxAbsSeverity}).`,
    });
  }
  return flags;
}

/**
 * How many validity packets to add to an assessor's queue so they make up `rate` of it: t such that
 * t / (live + t) comes nearest `rate`, less those already there. Rounded down, so a queue never holds
 * more than its share (a small queue may hold none: one validity packet among two would be a tell).
 */
export function validityNeeded(rate: number, live: number, validity: number): number {
  if (rate <= 0 || live <= 0) return 0;
  const target = Math.floor((rate * live) / (1 - rate) + 1e-9);
  return Math.max(0, target - validity);
}

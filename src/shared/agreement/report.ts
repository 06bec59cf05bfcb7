import { jointCounts, kappaFromJoint, marginsOf } from './cohen';
import { fleissKappa } from './fleiss';
import { brennanPrediger, gwetAC } from './gwet';
import { krippendorffAlpha, type AlphaMetric } from './krippendorff';
import { agreeingShare, allRatersAgreement } from './percent';
import {
  notDefined,
  ratingTable,
  raterColumns,
  value,
  type Rating,
  type RatingTable,
  type Score,
  type Statistic,
} from './ratings';
import { weightMatrix } from './weights';

export interface PairAgreement {
  raterA: string;
  raterB: string;
  /** Units both scored. */
  n: number;
  cohenKappa: number | null;
  linearWeightedKappa: number | null;
  quadraticWeightedKappa: number | null;
}

/** Every statistic for one set of ratings; agreement as a fraction 0..1; null where undefined, with a note saying why. */
export interface AgreementSummary {
  units: number;
  raters: number;
  /** All raters agree exactly, over the units every rater scored. */
  exactAgreement: number | null;
  /** All raters within one level of each other, over the units every rater scored. */
  adjacentAgreement: number | null;
  /** Mean over rater pairs of the share of their common units scored identically. */
  pairwiseExactAgreement: number | null;
  /** Mean over rater pairs of the share of their common units scored within one level. */
  pairwiseAdjacentAgreement: number | null;
  fleissKappa: number | null;
  gwetAC1: number | null;
  brennanPrediger: number | null;
  krippendorffAlpha: Record<AlphaMetric, number | null>;
  /** Raters in order of first appearance. */
  pairwise: PairAgreement[];
  notes: string[];
}

export interface AgreementReport extends AgreementSummary {
  levels: Score[];
  /** Per criterion, when the ratings name criteria. */
  criteria?: Record<string, AgreementSummary>;
}

export interface CriterionRating extends Rating {
  criterion?: string;
}

/** How far kappa may fall below AC1 before the report explains the kappa paradox. */
const PARADOX_GAP = 0.2;

/** The whole report: over every rating (a unit is then unit × criterion) and, when criteria are named, per criterion. */
export function agreementReport(ratings: readonly CriterionRating[], levels?: readonly Score[]): AgreementReport {
  const hasCriteria = ratings.some((r) => r.criterion !== undefined && r.criterion !== '');
  const overall = ratingTable(
    hasCriteria ? ratings.map((r) => ({ ...r, unit: `${r.unit}\u0000${r.criterion ?? ''}` })) : ratings,
    levels,
  );
  const report: AgreementReport = { ...summarise(overall), levels: overall.levels };
  if (!hasCriteria) return report;
  const byCriterion = new Map<string, CriterionRating[]>();
  for (const rating of ratings) {
    const name = rating.criterion ?? '';
    const group = byCriterion.get(name);
    if (group) group.push(rating);
    else byCriterion.set(name, [rating]);
  }
  report.criteria = Object.fromEntries(
    [...byCriterion].map(([name, group]) => [name, summarise(ratingTable(group, overall.levels))]),
  );
  return report;
}

/** Every statistic for one table. */
export function summarise(table: RatingTable): AgreementSummary {
  const notes: string[] = [];
  const read = (label: string, statistic: Statistic): number | null => {
    if (statistic.value === null) notes.push(`${label}: not defined, ${statistic.reason}.`);
    return statistic.value;
  };
  const { pairs, exact, adjacent } = pairwise(table, notes);
  const fleiss = read('Fleiss’ kappa', fleissKappa(table));
  const ac1 = read('Gwet’s AC1', gwetAC(table));
  const summary: AgreementSummary = {
    units: table.units.length,
    raters: table.raters.length,
    exactAgreement: read('Exact agreement (all raters)', allRatersAgreement(table, 0)),
    adjacentAgreement: read('Adjacent agreement (all raters)', allRatersAgreement(table, 1)),
    pairwiseExactAgreement: read('Exact agreement (mean over pairs)', exact),
    pairwiseAdjacentAgreement: read('Adjacent agreement (mean over pairs)', adjacent),
    fleissKappa: fleiss,
    gwetAC1: ac1,
    brennanPrediger: read('Brennan–Prediger', brennanPrediger(table)),
    krippendorffAlpha: {
      nominal: read('Krippendorff’s alpha (nominal)', krippendorffAlpha(table, 'nominal')),
      ordinal: read('Krippendorff’s alpha (ordinal)', krippendorffAlpha(table, 'ordinal')),
      interval: read('Krippendorff’s alpha (interval)', krippendorffAlpha(table, 'interval')),
      ratio: read('Krippendorff’s alpha (ratio)', krippendorffAlpha(table, 'ratio')),
    },
    pairwise: pairs,
    notes,
  };
  if (fleiss !== null && ac1 !== null && ac1 - fleiss >= PARADOX_GAP) {
    notes.push(
      `Fleiss’ kappa (${fleiss.toFixed(2)}) is far below Gwet’s AC1 (${ac1.toFixed(2)}) because most ratings sit on one level: kappa treats agreement on a common level as chance (the kappa paradox), AC1 does not, so read AC1 for how well these raters agree.`,
    );
  }
  return summary;
}

/**
 * Cohen's kappas for every pair of raters, and the pairwise percent agreement, from one joint
 * table per pair counted into one reused buffer (4,950 pairs for 100 assessors). Undefined kappas
 * are counted in one note per reason, not one per pair.
 */
function pairwise(table: RatingTable, notes: string[]) {
  const q = table.levels.length;
  const columns = raterColumns(table);
  const weights = (['identity', 'linear', 'quadratic'] as const).map((w) => weightMatrix(q, w));
  const buffer = new Float64Array(q * q);
  const scratch = { rows: new Float64Array(q), columns: new Float64Array(q) };
  const pairs: PairAgreement[] = [];
  const undefinedPairs = new Map<string, string[]>();
  const exactShares: number[] = [];
  const adjacentShares: number[] = [];
  for (let a = 0; a < columns.length; a++) {
    for (let b = a + 1; b < columns.length; b++) {
      const joint = jointCounts(columns[a]!, columns[b]!, q, buffer);
      if (joint.n > 0) {
        exactShares.push(agreeingShare(joint, 0));
        adjacentShares.push(agreeingShare(joint, 1));
      }
      const margins = joint.n > 0 ? marginsOf(joint, scratch) : undefined;
      const [unweighted, linear, quadratic] = weights.map((w) => kappaFromJoint(joint, w, margins)) as [
        Statistic,
        Statistic,
        Statistic,
      ];
      for (const statistic of [unweighted, linear, quadratic]) {
        if (statistic.value !== null) continue;
        const names = undefinedPairs.get(statistic.reason) ?? [];
        const pair = `${table.raters[a]}–${table.raters[b]}`;
        if (!names.includes(pair)) names.push(pair);
        undefinedPairs.set(statistic.reason, names);
      }
      pairs.push({
        raterA: table.raters[a]!,
        raterB: table.raters[b]!,
        n: joint.n,
        cohenKappa: unweighted.value,
        linearWeightedKappa: linear.value,
        quadraticWeightedKappa: quadratic.value,
      });
    }
  }
  for (const [reason, names] of undefinedPairs) {
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
    notes.push(
      `Cohen’s kappa: not defined for ${names.length === 1 ? 'the pair' : `${names.length} pairs`} ${shown}, ${reason}.`,
    );
  }
  const mean = (shares: number[]): Statistic =>
    shares.length
      ? value(shares.reduce((s, x) => s + x, 0) / shares.length)
      : notDefined('no two raters scored a unit in common');
  return { pairs, exact: mean(exactShares), adjacent: mean(adjacentShares) };
}

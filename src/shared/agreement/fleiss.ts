import { levelCounts, notDefined, value, type RatingTable, type Statistic } from './ratings';

/**
 * Fleiss' kappa (Fleiss 1971) over the complete units, those every rater scored:
 * κ = (P̄ − P̄ₑ) / (1 − P̄ₑ), P̄ the mean share of agreeing rater pairs per unit and P̄ₑ = Σ pⱼ².
 */
export function fleissKappa(table: RatingTable): Statistic {
  const m = table.raters.length;
  if (m < 2) return notDefined('Fleiss’ kappa needs at least two raters');
  const counts = levelCounts(table).filter((row) => row.reduce((s, x) => s + x, 0) === m);
  if (counts.length === 0) return notDefined('no unit was scored by every rater');
  const n = counts.length;
  let agreement = 0;
  const share = new Array<number>(table.levels.length).fill(0);
  for (const row of counts) {
    agreement += (row.reduce((s, x) => s + x * x, 0) - m) / (m * (m - 1));
    row.forEach((x, j) => (share[j]! += x / (n * m)));
  }
  const observed = agreement / n;
  const expected = share.reduce((s, p) => s + p * p, 0);
  if (expected >= 1 - 1e-12) return notDefined('every rating is on one level, so chance agreement is 1');
  return value((observed - expected) / (1 - expected));
}

import { levelCounts, levelValues, notDefined, value, type RatingTable, type Statistic } from './ratings';

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): missing ratings allowed, units with fewer than two ratings left out.
 * α = 1 − (n − 1) Σ oₖₗ δ²ₖₗ / Σ nₖ nₗ δ²ₖₗ. Interval and ratio use the levels' numeric values
 * (their positions when the levels are not numbers); ordinal uses ranks from the marginals.
 */
export function krippendorffAlpha(table: RatingTable, metric: AlphaMetric): Statistic {
  const q = table.levels.length;
  const coincidences = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  // Each unit adds its ordered pairs of ratings from different raters, weighted 1 / (m − 1):
  // from the unit's level counts that is cₖ cₗ pairs off the diagonal and cₖ (cₖ − 1) on it.
  for (const counts of levelCounts(table)) {
    const m = counts.reduce((sum, c) => sum + c, 0);
    if (m < 2) continue;
    for (let k = 0; k < q; k++) {
      if (counts[k] === 0) continue;
      for (let l = 0; l < q; l++) {
        const pairs = k === l ? counts[k]! * (counts[k]! - 1) : counts[k]! * counts[l]!;
        coincidences[k]![l]! += pairs / (m - 1);
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  if (n <= 1) return notDefined('no unit has two or more ratings');
  const delta = distance(metric, marginals, levelValues(table.levels));
  let disagreement = 0;
  let expected = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const d = delta(k, l);
      disagreement += coincidences[k]![l]! * d;
      expected += marginals[k]! * marginals[l]! * d;
    }
  }
  if (expected === 0) return notDefined('all pairable ratings are on one level, so there is no variation to agree on');
  return value(1 - ((n - 1) * disagreement) / expected);
}

/** δ²ₖₗ for each metric. */
function distance(metric: AlphaMetric, marginals: number[], values: number[]): (k: number, l: number) => number {
  switch (metric) {
    case 'nominal':
      return (k, l) => (k === l ? 0 : 1);
    case 'ordinal':
      return (k, l) => {
        const [low, high] = k < l ? [k, l] : [l, k];
        let between = 0;
        for (let g = low; g <= high; g++) between += marginals[g]!;
        const d = between - (marginals[k]! + marginals[l]!) / 2;
        return d * d;
      };
    case 'interval':
      return (k, l) => (values[k]! - values[l]!) ** 2;
    case 'ratio':
      return (k, l) => {
        const sum = values[k]! + values[l]!;
        return sum === 0 ? 0 : ((values[k]! - values[l]!) / sum) ** 2;
      };
  }
}

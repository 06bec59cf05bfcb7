import { levelCounts, notDefined, value, type RatingTable, type Statistic } from './ratings';
import { weightMatrix, type Weighting } from './weights';

/**
 * Gwet's AC1 (identity weights) and AC2 (linear or quadratic), and the Brennan–Prediger
 * coefficient, with missing ratings handled as in Gwet (2014) and his irrCAC package: observed
 * agreement over units with at least two ratings, level shares πₖ averaged over units with any.
 */
function observedAndShares(table: RatingTable, w: number[][]) {
  const q = table.levels.length;
  const counts = levelCounts(table).filter((row) => row.some((x) => x > 0));
  let agreement = 0;
  let pairable = 0;
  const share = new Array<number>(q).fill(0);
  for (const row of counts) {
    const r = row.reduce((s, x) => s + x, 0);
    row.forEach((x, k) => (share[k]! += x / r / counts.length));
    if (r < 2) continue;
    pairable += 1;
    let sum = 0;
    for (let k = 0; k < q; k++) {
      const weighted = row.reduce((s, x, l) => s + w[k]![l]! * x, 0);
      sum += row[k]! * (weighted - 1);
    }
    agreement += sum / (r * (r - 1));
  }
  return { pairable, observed: pairable ? agreement / pairable : 0, share };
}

const weightSum = (w: number[][]) => w.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);

export function gwetAC(table: RatingTable, weighting: Weighting = 'identity'): Statistic {
  const q = table.levels.length;
  if (q < 2) return notDefined('the scale has a single level');
  const w = weightMatrix(q, weighting);
  const { pairable, observed, share } = observedAndShares(table, w);
  if (pairable === 0) return notDefined('no unit has two or more ratings');
  const expected = (weightSum(w) / (q * (q - 1))) * share.reduce((s, p) => s + p * (1 - p), 0);
  return value((observed - expected) / (1 - expected));
}

export function brennanPrediger(table: RatingTable, weighting: Weighting = 'identity'): Statistic {
  const q = table.levels.length;
  if (q < 2) return notDefined('the scale has a single level');
  const w = weightMatrix(q, weighting);
  const { pairable, observed } = observedAndShares(table, w);
  if (pairable === 0) return notDefined('no unit has two or more ratings');
  const expected = weightSum(w) / (q * q);
  return value((observed - expected) / (1 - expected));
}

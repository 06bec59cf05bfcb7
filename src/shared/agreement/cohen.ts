import { notDefined, value, type Statistic } from './ratings';
import { weightMatrix, type Weighting } from './weights';

/** The two raters' joint distribution over the units both scored: counts[i * q + j]. */
export interface JointCounts {
  q: number;
  n: number;
  counts: Float64Array;
}

/**
 * `a[u]` and `b[u]` are positions on a scale of `q` levels; undefined or −1 where missing.
 * `into` lets a caller walking thousands of pairs reuse one buffer.
 */
export function jointCounts(
  a: ArrayLike<number | undefined>,
  b: ArrayLike<number | undefined>,
  q: number,
  into?: Float64Array,
): JointCounts {
  const counts = into ? into.fill(0) : new Float64Array(q * q);
  let n = 0;
  for (let u = 0; u < a.length; u++) {
    const i = a[u];
    const j = b[u];
    if (i === undefined || j === undefined || i < 0 || j < 0) continue;
    counts[i * q + j]! += 1;
    n += 1;
  }
  return { q, n, counts };
}

/**
 * Cohen's kappa, unweighted or weighted on level positions: κ = (pₒ − pₑ) / (1 − pₑ) with
 * pₒ = Σ wᵢⱼ pᵢⱼ and pₑ = Σ wᵢⱼ pᵢ. p.ⱼ (Cohen 1960, 1968).
 */
export function kappaFromJoint(joint: JointCounts, w: number[][], margins = marginsOf(joint)): Statistic {
  const { q, n, counts } = joint;
  if (n === 0) return notDefined('the two raters scored no unit in common');
  const { rows, columns } = margins;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < q; i++) {
    const weights = w[i]!;
    for (let j = 0; j < q; j++) {
      observed += (weights[j]! * counts[i * q + j]!) / n;
      expected += weights[j]! * rows[i]! * columns[j]!;
    }
  }
  if (expected >= 1 - 1e-12) return notDefined('chance agreement is 1: both raters used a single level throughout');
  return value((observed - expected) / (1 - expected));
}

/**
 * Each rater's share of units on each level; `into` lets a caller walking thousands of pairs reuse
 * two buffers instead of allocating them per pair.
 */
export function marginsOf(
  { q, n, counts }: JointCounts,
  into?: { rows: Float64Array; columns: Float64Array },
): { rows: Float64Array; columns: Float64Array } {
  const rows = into ? into.rows.fill(0) : new Float64Array(q);
  const columns = into ? into.columns.fill(0) : new Float64Array(q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      rows[i]! += counts[i * q + j]! / n;
      columns[j]! += counts[i * q + j]! / n;
    }
  }
  return { rows, columns };
}

/** Cohen's kappa for two raters over the units both scored. */
export function cohenKappa(
  a: readonly (number | undefined)[],
  b: readonly (number | undefined)[],
  q: number,
  weighting: Weighting = 'identity',
): Statistic & { n: number } {
  const joint = jointCounts(a, b, q);
  return { ...kappaFromJoint(joint, weightMatrix(q, weighting)), n: joint.n };
}

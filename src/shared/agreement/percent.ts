import { jointCounts, type JointCounts } from './cohen';
import { notDefined, raterColumns, value, type RatingTable, type Statistic } from './ratings';

/**
 * Percent agreement, in the two definitions scoring programs use, each labelled where shown:
 * - over complete units: the share of units every rater scored on which all of them agree
 *   (exactly, or within `tolerance` levels of each other: 1 = adjacent);
 * - over rater pairs: for each pair, the share of the units both scored on which they agree,
 *   averaged over the pairs that share a unit.
 */
export function allRatersAgreement(table: RatingTable, tolerance: number): Statistic {
  let complete = 0;
  let agreeing = 0;
  for (const row of table.cells) {
    if (row.some((cell) => cell === undefined)) continue;
    const cells = row as number[];
    complete += 1;
    if (Math.max(...cells) - Math.min(...cells) <= tolerance) agreeing += 1;
  }
  if (table.raters.length < 2) return notDefined('agreement needs at least two raters');
  if (complete === 0) return notDefined('no unit was scored by every rater');
  return value(agreeing / complete);
}

export function pairwiseAgreement(table: RatingTable, tolerance: number): Statistic {
  return meanPairAgreement(pairJoints(table), tolerance);
}

/** The same from joint tables already counted (the report counts them once for kappas and agreement). */
export function meanPairAgreement(joints: readonly JointCounts[], tolerance: number): Statistic {
  let total = 0;
  let pairs = 0;
  for (const joint of joints) {
    if (joint.n === 0) continue;
    total += agreeingShare(joint, tolerance);
    pairs += 1;
  }
  if (pairs === 0) return notDefined('no two raters scored a unit in common');
  return value(total / pairs);
}

/** The share of a pair's common units on which they are within `tolerance` levels. */
export function agreeingShare({ q, n, counts }: JointCounts, tolerance: number): number {
  let agreeing = 0;
  for (let i = 0; i < q; i++) {
    for (let j = Math.max(0, i - tolerance); j <= Math.min(q - 1, i + tolerance); j++) agreeing += counts[i * q + j]!;
  }
  return agreeing / n;
}

/** Joint tables for every pair of raters, in order (a, b) with a before b. */
export function pairJoints(table: RatingTable): JointCounts[] {
  const columns = raterColumns(table);
  const q = table.levels.length;
  const joints: JointCounts[] = [];
  for (let a = 0; a < columns.length; a++) {
    for (let b = a + 1; b < columns.length; b++) joints.push(jointCounts(columns[a]!, columns[b]!, q));
  }
  return joints;
}

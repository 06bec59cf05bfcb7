/**
 * Published data sets with known agreement values, for the reference tests. Sources:
 * - Fleiss (1971), 30 patients × 6 psychiatrists, as in R `irr::diagnoses` and statsmodels' tests;
 * - Wikipedia's Fleiss' kappa example (10 units × 14 raters, given as counts), statsmodels' test;
 * - R `irr::anxiety` (20 units × 3 raters), statsmodels' `test_cohens_kappa_irr`;
 * - Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 observers × 12 units with
 *   missing values; Gwet (2014) uses the same table (irrCAC `raw_4raters`);
 * - Gwet's irrCAC data sets `raw_5observers`, `raw_g1g2`, `raw_gender`, `raw_ben_gerry`.
 */
import type { Rating, Score } from './ratings';

type Column = (Score | null)[];

/** Rows are units; columns are raters; null is a missing rating. */
export function fromColumns(columns: Record<string, Column>): Rating[] {
  const ratings: Rating[] = [];
  const names = Object.keys(columns);
  const units = columns[names[0]!]!.length;
  for (let u = 0; u < units; u++) {
    for (const rater of names) {
      const score = columns[rater]![u];
      if (score !== null && score !== undefined) ratings.push({ unit: `u${u + 1}`, rater, score });
    }
  }
  return ratings;
}

/** Rows are units, columns raters (no missing values). */
export function fromRows(rows: Score[][]): Rating[] {
  return rows.flatMap((row, u) => row.map((score, r) => ({ unit: `u${u + 1}`, rater: `r${r + 1}`, score })));
}

/** A count table (units × levels, every unit with the same number of ratings) as ratings by anonymous raters. */
export function fromCounts(counts: number[][], levels: Score[]): Rating[] {
  return counts.flatMap((row, u) => {
    const scores = row.flatMap((count, level) => Array<Score>(count).fill(levels[level]!));
    return scores.map((score, r) => ({ unit: `u${u + 1}`, rater: `r${r + 1}`, score }));
  });
}

export const FLEISS_1971_DIAGNOSES: number[][] = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
];

export const WIKIPEDIA_FLEISS_COUNTS: number[][] = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

/** irr::anxiety, column by column (R's column-major order). */
const ANXIETY = [
  3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3, 3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3,
  4, 2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2,
];
export const ANXIETY_RATER2 = ANXIETY.slice(20, 40);
export const ANXIETY_RATER3 = ANXIETY.slice(40, 60);

export const KRIPPENDORFF_2011 = {
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
};

export const GWET_5_OBSERVERS = {
  o1: [1, 1, 2, null, 0, 0, 1, 1, 2, 2, null, 0, 1, 3, 1],
  o2: [1, 1, 3, 0, 0, 0, 0, null, 2, 1, 1, 0, 2, 3, 1],
  o3: [2, 0, 3, 0, 0, 0, 2, 2, 2, 1, 0, 0, 2, 2, 1],
  o4: [null, 1, 3, null, null, null, null, 0, null, 1, 0, 0, 2, 2, null],
  o5: [2, null, null, 0, 0, 0, 1, null, 2, null, null, null, null, 3, 1],
};

export const GWET_G1G2 = {
  r1: ['a', 'b', 'c', 'c', 'b', 'a', 'd', 'a', 'b', null, null, null, 'b', 'b'],
  r2: ['a', 'b', 'c', 'c', 'b', 'b', 'd', 'a', 'b', 'e', null, null, 'b', 'a'],
  r3: [null, 'c', 'c', 'c', 'b', 'c', 'd', 'b', 'b', 'e', 'a', 'c', 'c', 'c'],
  r4: ['a', 'b', 'c', 'c', 'b', 'd', 'd', 'a', 'b', 'e', 'a', null, 'b', 'b'],
};

export const GWET_GENDER = {
  r1: 'a a a a a b b b c a a a a a b'.split(' '),
  r2: 'a a a a b a b c c a a a a b a'.split(' '),
  r3: 'a b b c a a b b c a b b c a a'.split(' '),
  r4: 'c c c c a a b b c c c c c a a'.split(' '),
};

export const GWET_BEN_GERRY = {
  ben: ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
  gerry: ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', null, 'd', 'd'],
};

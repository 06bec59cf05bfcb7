/**
 * Ratings as the agreement statistics see them: units (anchor packets, or packet × criterion)
 * scored by raters on an ordered list of levels. Scores become positions in that list, so every
 * statistic works on small integers and weights are computed on positions, as in R `irr` and
 * scikit-learn.
 */
export type Score = string | number;

export interface Rating {
  unit: string;
  rater: string;
  score: Score;
}

export interface RatingTable {
  /** Units in order of first appearance. */
  units: string[];
  /** Raters in order of first appearance. */
  raters: string[];
  /** The ordered scale; `cells` hold positions in it. */
  levels: Score[];
  /** cells[unit][rater]: a position in `levels`, or undefined where the rater did not score the unit. */
  cells: (number | undefined)[][];
}

/** A statistic, or why the data cannot give it (never a silent 0 or NaN). */
export type Statistic = { value: number } | { value: null; reason: string };

export const value = (x: number): Statistic => ({ value: x });
export const notDefined = (reason: string): Statistic => ({ value: null, reason });

const isNumeric = (score: Score) => typeof score === 'number' || /^-?\d+(\.\d+)?$/.test(score.trim());
const asNumber = (score: Score) => (typeof score === 'number' ? score : Number(score.trim()));

/** The distinct observed scores in order: numeric order when every score is a number, text order otherwise. */
export function observedLevels(scores: Iterable<Score>): Score[] {
  const distinct = [...new Set([...scores].map((s) => (isNumeric(s) ? asNumber(s) : s)))];
  if (distinct.every((s) => typeof s === 'number')) return (distinct as number[]).sort((a, b) => a - b);
  return distinct.map(String).sort();
}

/** The numeric value of each level for interval and ratio metrics: the score itself when numeric, else its 1-based position. */
export function levelValues(levels: readonly Score[]): number[] {
  return levels.every(isNumeric) ? levels.map(asNumber) : levels.map((_, i) => i + 1);
}

/**
 * Builds the table. `levels` is the full scale (from the rubric or `--levels`); without it the
 * scale is the distinct observed scores. A score outside a given scale, or a rater scoring a unit
 * twice, is an error: the caller names the line.
 */
export function ratingTable(ratings: readonly Rating[], levels?: readonly Score[]): RatingTable {
  const scale = levels ? [...levels] : observedLevels(ratings.map((r) => r.score));
  const position = new Map(scale.map((level, i) => [String(isNumeric(level) ? asNumber(level) : level), i]));
  const unitIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  const cells: (number | undefined)[][] = [];
  for (const rating of ratings) {
    if (!unitIndex.has(rating.unit)) {
      unitIndex.set(rating.unit, unitIndex.size);
      cells.push([]);
    }
    if (!raterIndex.has(rating.rater)) raterIndex.set(rating.rater, raterIndex.size);
  }
  // Scores repeat (a handful of levels over thousands of ratings): normalise each distinct one once.
  const positionOf = new Map<Score, number | undefined>();
  for (const rating of ratings) {
    let at = positionOf.get(rating.score);
    if (!positionOf.has(rating.score)) {
      at = position.get(String(isNumeric(rating.score) ? asNumber(rating.score) : rating.score));
      positionOf.set(rating.score, at);
    }
    if (at === undefined)
      throw new Error(`score ${JSON.stringify(rating.score)} is not one of the levels ${scale.join(', ')}`);
    const row = cells[unitIndex.get(rating.unit)!]!;
    const column = raterIndex.get(rating.rater)!;
    if (row[column] !== undefined) throw new Error(`rater ${rating.rater} scored unit ${rating.unit} twice`);
    row[column] = at;
  }
  // Dense rows: array methods skip holes, and a missing rating must be seen as one.
  const dense = cells.map((row) => Array.from({ length: raterIndex.size }, (_, r) => row[r]));
  return { units: [...unitIndex.keys()], raters: [...raterIndex.keys()], levels: scale, cells: dense };
}

const columnCache = new WeakMap<RatingTable, Int16Array[]>();

/**
 * Each rater's positions unit by unit, −1 where missing, as typed arrays: the pairwise statistics
 * walk every pair of raters (4,950 for 100 assessors), and reading plain nested arrays of
 * `number | undefined` made that the slowest part of a report.
 */
export function raterColumns(table: RatingTable): Int16Array[] {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const columns = table.raters.map((_, r) => Int16Array.from(table.cells, (row) => row[r] ?? -1));
  columnCache.set(table, columns);
  return columns;
}

/** How many raters put each unit on each level: counts[unit][level]. */
export function levelCounts(table: RatingTable): number[][] {
  return table.cells.map((row) => {
    const counts = new Array<number>(table.levels.length).fill(0);
    for (const cell of row) if (cell !== undefined) counts[cell]! += 1;
    return counts;
  });
}

import { parseCsv } from '../csv/parse-csv';
import type { CriterionRating } from './report';
import type { Score } from './ratings';

/** A problem in a ratings file, naming its line (1-based; the header is line 1). */
export class RatingsFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Reads `unit,rater,score[,criterion]` CSV (columns in any order, names case-insensitive). A
 * missing rating is an absent row or an empty score. Refuses, naming the line: no header, a
 * non-numeric score where the levels are numeric, a score off the given levels, and a rater
 * scoring a unit (and criterion) twice.
 */
export function readRatingsCsv(text: string, levels?: readonly Score[]): CriterionRating[] {
  const records = parseCsv(text);
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const [unitAt, raterAt, scoreAt, criterionAt] = ['unit', 'rater', 'score', 'criterion'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  if (unitAt < 0 || raterAt < 0 || scoreAt < 0) {
    throw new RatingsFileError(
      1,
      `expected a header naming the columns unit, rater and score (and optionally criterion); found "${(records[0] ?? []).join(',')}"`,
    );
  }
  const rows = records
    .map((record, index) => ({ record, line: index + 1 }))
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  const scored = rows.filter(({ record }) => (record[scoreAt] ?? '').trim() !== '');
  const numeric = levels
    ? levels.every((l) => NUMBER.test(String(l)))
    : scored.some(({ record }) => NUMBER.test(record[scoreAt]!.trim()));
  const allowed = levels ? new Set(levels.map((l) => String(numeric ? Number(l) : l))) : undefined;
  const seen = new Map<string, number>();
  const ratings: CriterionRating[] = [];
  for (const { record, line } of scored) {
    const cell = (at: number) => (record[at] ?? '').trim();
    const [unit, rater, raw] = [cell(unitAt), cell(raterAt), cell(scoreAt)];
    const criterion = criterionAt >= 0 ? cell(criterionAt) : undefined;
    if (!unit || !rater) throw new RatingsFileError(line, 'a rating needs both a unit and a rater');
    if (numeric && !NUMBER.test(raw))
      throw new RatingsFileError(line, `score "${raw}" is not a number, but the levels are numeric`);
    const score: Score = numeric ? Number(raw) : raw;
    if (allowed && !allowed.has(String(score))) {
      throw new RatingsFileError(line, `score ${raw} is not one of the levels ${levels!.join(', ')}`);
    }
    const key = JSON.stringify([unit, rater, criterion ?? '']);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new RatingsFileError(
        line,
        `rater ${rater} already scored unit ${unit}${criterion ? ` on ${criterion}` : ''} (line ${earlier})`,
      );
    }
    seen.set(key, line);
    ratings.push({ unit, rater, score, ...(criterion !== undefined ? { criterion } : {}) });
  }
  return ratings;
}

/** `--levels 1,2,3,4` → [1, 2, 3, 4]; non-numeric names stay text. */
export function parseLevels(text: string): Score[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new Error('--levels needs a comma-separated list, e.g. --levels 1,2,3,4');
  if (new Set(names).size !== names.length) throw new Error(`--levels lists a level twice: ${text}`);
  return names.every((n) => NUMBER.test(n)) ? names.map(Number) : names;
}

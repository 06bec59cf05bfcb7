import type { Rubric, RubricCriterion, RubricLevel } from '../domain/rubric';

/** The outcome a rubric's decision rule implies from the chosen levels. */
export type ImpliedDecision = 'earned' | 'not-yet';

/** criterionId → levelId, as the review draft keeps them. */
export type ChosenLevels = Readonly<Record<string, string>>;

/**
 * The level chosen for a criterion, or undefined when none is chosen or the chosen id is not one
 * of the criterion's levels (a draft saved against another rubric version): both mean "unscored".
 */
export function chosenLevel(criterion: RubricCriterion, levels: ChosenLevels): RubricLevel | undefined {
  const levelId = levels[criterion.id];
  return levelId === undefined ? undefined : criterion.levels.find((level) => level.id === levelId);
}

/** The weighted total (Σ score × weight, weight 1 when unset) of the criteria scored so far. */
export function rubricTotal(rubric: Rubric, levels: ChosenLevels): number {
  let total = 0;
  for (const criterion of rubric.criteria) {
    const level = chosenLevel(criterion, levels);
    if (level) total += level.score * (criterion.weight ?? 1);
  }
  return total;
}

/** The highest weighted total the rubric allows: every criterion at its top level. */
export function rubricMaxTotal(rubric: Rubric): number {
  return rubric.criteria.reduce((sum, c) => sum + (c.levels[c.levels.length - 1]?.score ?? 0) * (c.weight ?? 1), 0);
}

/** The decision the rubric's rule implies, or undefined while any criterion is unscored. */
export function impliedDecision(rubric: Rubric, levels: ChosenLevels): ImpliedDecision | undefined {
  const chosen = rubric.criteria.map((criterion) => chosenLevel(criterion, levels));
  if (chosen.some((level) => level === undefined)) return undefined;
  const rule = rubric.decisionRule;
  const earned =
    rule.kind === 'all-at-least'
      ? chosen.every((level) => level !== undefined && level.score >= rule.minLevelScore)
      : rubricTotal(rubric, levels) >= rule.minTotal;
  return earned ? 'earned' : 'not-yet';
}

/**
 * A score in words: "Proficient (3)" when every criterion that has a level with this score calls
 * it the same thing, else just the number (criteria may name their levels differently).
 */
export function scoreInWords(rubric: Rubric, score: number): string {
  const labels = new Set<string>();
  for (const criterion of rubric.criteria) {
    const level = criterion.levels.find((l) => l.score === score);
    if (!level) return formatNumber(score);
    labels.add(level.label);
  }
  const [label] = labels;
  return labels.size === 1 && label !== undefined ? `${label} (${formatNumber(score)})` : formatNumber(score);
}

/**
 * The decision rule in plain words, for the review screen and exports. Built from the rule itself
 * (not rule.description) so the words can never disagree with what impliedDecision computes.
 */
export function describeRule(rubric: Rubric): string {
  const rule = rubric.decisionRule;
  if (rule.kind === 'all-at-least') {
    const named = scoreInWords(rubric, rule.minLevelScore);
    const bar = named === formatNumber(rule.minLevelScore) ? `a level scoring ${named}` : named;
    return `Earned when every criterion is at ${bar} or above`;
  }
  const weighted = rubric.criteria.some((c) => c.weight !== undefined && c.weight !== 1);
  const total = weighted ? 'weighted total (each level score × its criterion weight)' : 'total of the level scores';
  return `Earned when the ${total} is ${formatNumber(rule.minTotal)} or more, out of a possible ${formatNumber(rubricMaxTotal(rubric))}`;
}

/**
 * The level score below which a criterion needs a written rationale and, on "Not yet", feedback
 * to the candidate. In order of preference:
 * 1. rubric.rationaleRequiredBelowScore, when the rubric's author set one;
 * 2. the rule's minLevelScore for "all-at-least": exactly the levels that stop the packet earning;
 * 3. for "total-at-least" there is no per-criterion bar, so the score of the first criterion's
 *    second-highest level: the conventional "meets the standard" level of a 3- or 4-level rubric,
 *    so anything short of it is explained and given feedback.
 */
export function feedbackThreshold(rubric: Rubric): number {
  if (rubric.rationaleRequiredBelowScore !== undefined) return rubric.rationaleRequiredBelowScore;
  if (rubric.decisionRule.kind === 'all-at-least') return rubric.decisionRule.minLevelScore;
  const levels = rubric.criteria[0]?.levels ?? [];
  // The schema guarantees at least two levels, ordered lowest first.
  return levels[levels.length - 2]?.score ?? Number.NEGATIVE_INFINITY;
}

/** True when the chosen level scores below the rubric's feedback threshold. */
export function isBelowThreshold(rubric: Rubric, level: RubricLevel): boolean {
  return level.score < feedbackThreshold(rubric);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

import type { Rubric } from '../../../shared/domain/rubric';
import type { Decision } from '../../../shared/domain/decision';
import type { ScoreRecord } from '../../../shared/domain/score';
import { DECISION_LABEL } from '../review/DecisionSection';

/**
 * Two scorings of one packet, line by line: what the conflict screen, an adjudication and the
 * norming reveal all show. Pure, so the marking (agree / adjacent / discrepant) is tested apart
 * from its look.
 */

/**
 * How two levels of a criterion relate, by their position in the rubric's ordered levels (scores
 * need not be consecutive): the same level, one step apart, further apart, or one side unscored.
 */
export type Agreement = 'exact' | 'adjacent' | 'discrepant' | 'missing';

/** One side of a criterion: the level chosen and the words that go with it. */
export interface CriterionSide {
  /** The level's label, or its id when the rubric does not know it; undefined when unscored. */
  level?: string;
  score?: number;
  rationale: string;
  feedback: string;
}

export interface CriterionRow {
  criterionId: string;
  title: string;
  left: CriterionSide;
  right: CriterionSide;
  agreement: Agreement;
  /** How many levels apart the two are (0 for exact); undefined when a side is unscored. */
  steps?: number;
}

/** A field of the whole review (decision, overall feedback…), both sides as text. */
export interface FieldRow {
  label: string;
  left: string;
  right: string;
  same: boolean;
}

export interface ScoringComparisonRows {
  criteria: CriterionRow[];
  fields: FieldRow[];
  counts: Record<Agreement, number>;
}

export interface CompareOptions {
  /**
   * Private notes are the assessor's own: shown when one person compares two versions of their
   * own review (a conflict), never at a norming reveal.
   */
  privateNotes: boolean;
}

function decisionText(decision: Decision): string {
  return decision.kind === 'unscorable'
    ? `${DECISION_LABEL.unscorable} (${decision.conditionCode}): ${decision.explanation}`
    : DECISION_LABEL[decision.kind];
}

function side(
  rubric: Rubric | undefined,
  record: ScoreRecord,
  criterionId: string,
): CriterionSide & { index?: number } {
  const scored = record.criteria.find((c) => c.criterionId === criterionId);
  const levels = rubric?.criteria.find((c) => c.id === criterionId)?.levels ?? [];
  const index = levels.findIndex((l) => l.id === scored?.levelId);
  const level = levels[index];
  return {
    level: level?.label ?? scored?.levelId,
    score: level?.score,
    index: index >= 0 ? index : undefined,
    rationale: scored?.rationale ?? '',
    feedback: record.candidateFeedback.byCriterion.find((f) => f.criterionId === criterionId)?.text ?? '',
  };
}

/** Agreement of two level positions. */
export function agreementOf(left: number | undefined, right: number | undefined): Agreement {
  if (left === undefined || right === undefined) return 'missing';
  const steps = Math.abs(left - right);
  return steps === 0 ? 'exact' : steps === 1 ? 'adjacent' : 'discrepant';
}

/** The comparison of two scorings, in the rubric's criterion order (the records' own order without one). */
export function compareScorings(
  rubric: Rubric | undefined,
  left: ScoreRecord,
  right: ScoreRecord,
  options: CompareOptions,
): ScoringComparisonRows {
  const criteria =
    rubric?.criteria.map((c) => ({ id: c.id, title: c.title })) ??
    [...new Set([...left.criteria, ...right.criteria].map((c) => c.criterionId))].map((id) => ({ id, title: id }));
  const rows: CriterionRow[] = criteria.map(({ id, title }) => {
    const { index: a, ...l } = side(rubric, left, id);
    const { index: b, ...r } = side(rubric, right, id);
    // Without the rubric the levels cannot be ordered: equal ids still agree, others are unknown.
    const agreement = rubric
      ? agreementOf(a, b)
      : l.level && r.level
        ? l.level === r.level
          ? 'exact'
          : 'discrepant'
        : 'missing';
    const steps = a !== undefined && b !== undefined ? Math.abs(a - b) : agreement === 'exact' ? 0 : undefined;
    return { criterionId: id, title, left: l, right: r, agreement, steps };
  });
  const field = (label: string, l: string, r: string): FieldRow => ({ label, left: l, right: r, same: l === r });
  const fields = [
    field('Decision', decisionText(left.decision), decisionText(right.decision)),
    field('Overall feedback', left.candidateFeedback.overall, right.candidateFeedback.overall),
    field('Decision justification', left.decisionJustification ?? '', right.decisionJustification ?? ''),
    field('Evidence comments', String(left.comments.length), String(right.comments.length)),
    ...(options.privateNotes ? [field('Private notes', left.privateNotes, right.privateNotes)] : []),
  ].filter((row) => row.left || row.right);
  const counts: Record<Agreement, number> = { exact: 0, adjacent: 0, discrepant: 0, missing: 0 };
  for (const row of rows) counts[row.agreement] += 1;
  return { criteria: rows, fields, counts };
}

/** The agreement in words (never only a colour): "Same level", "Adjacent (1 level apart)"… */
export function agreementWords(row: Pick<CriterionRow, 'agreement' | 'steps'>): string {
  switch (row.agreement) {
    case 'exact':
      return 'Same level';
    case 'adjacent':
      return 'Adjacent (1 level apart)';
    case 'discrepant':
      return row.steps === undefined ? 'Different levels' : `Discrepant (${row.steps} levels apart)`;
    case 'missing':
      return 'Not scored on both sides';
  }
}

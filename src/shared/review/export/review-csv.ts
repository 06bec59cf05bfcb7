import { csvDocument, type CsvValue } from './csv';
import { resolveReview, type ExportInput, type ResolvedReview } from './resolve';

/** The columns of the review CSV, in order (docs/review-export.md explains each). */
export const REVIEW_CSV_COLUMNS = [
  'review_id',
  'packet_id',
  'revision',
  'credential_id',
  'credential_title',
  'candidate_pseudonym',
  'assessor_id',
  'row_type',
  'criterion_id',
  'criterion_title',
  'level_id',
  'level_label',
  'score',
  'rationale',
  'decision',
  'condition_code',
  'implied_decision',
  'justification',
  'submitted_at',
] as const;
type Column = (typeof REVIEW_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, CsvValue>>;

/**
 * The assessor-side CSV of submitted reviews: per review, one "criterion" row per scored criterion
 * (rubric order) then one "decision" row. On the decision row, score is the rubric total and
 * rationale holds the explanation of an Unscorable decision.
 */
export function reviewCsv(reviews: ExportInput[]): string {
  const rows = reviews.map(resolveReview).flatMap(reviewRows);
  return csvDocument([REVIEW_CSV_COLUMNS, ...rows.map((row) => REVIEW_CSV_COLUMNS.map((column) => row[column]))]);
}

function reviewRows(review: ResolvedReview): Row[] {
  const { record, manifest } = review;
  const common: Row = {
    review_id: record.id,
    packet_id: record.packetId,
    revision: record.revision,
    credential_id: manifest.credential.id,
    credential_title: manifest.credential.title,
    candidate_pseudonym: manifest.candidate.pseudonym,
    assessor_id: record.assessorId,
    submitted_at: record.submittedAt,
  };
  const criterionRows = review.criteria.map(({ criterion, level, rationale }): Row => ({
    ...common,
    row_type: 'criterion',
    criterion_id: criterion.id,
    criterion_title: criterion.title,
    level_id: level.id,
    level_label: level.label,
    score: level.score,
    rationale,
  }));
  const decision = record.decision;
  const scored = decision.kind !== 'unscorable';
  const decisionRow: Row = {
    ...common,
    row_type: 'decision',
    // An unscorable packet has no total: leaving it blank keeps it from reading as a zero score.
    score: scored ? review.total : undefined,
    rationale: scored ? undefined : decision.explanation,
    decision: decision.kind,
    condition_code: scored ? undefined : decision.conditionCode,
    implied_decision: scored ? review.impliedDecision : undefined,
    justification: record.decisionJustification,
  };
  return [...criterionRows, decisionRow];
}

import type { Decision } from '../domain/decision';
import type { Rubric, RubricCriterion } from '../domain/rubric';
import { ScoreRecord } from '../domain/score';
import { chosenLevel, feedbackThreshold, impliedDecision, scoreInWords, type ImpliedDecision } from './decision-rules';
import type { DraftDecision, ReviewDraft } from './draft';

/** The form field a review issue is about, so the UI can link the message to it. */
export type ReviewTarget =
  | { kind: 'level'; criterionId: string }
  | { kind: 'rationale'; criterionId: string }
  | { kind: 'decision' }
  | { kind: 'condition-code' }
  | { kind: 'unscorable-explanation' }
  | { kind: 'justification' }
  | { kind: 'feedback-overall' }
  | { kind: 'feedback-criterion'; criterionId: string };

/** One thing that stops a draft being submitted, in plain words. */
export interface ReviewIssue {
  target: ReviewTarget;
  message: string;
}

const DECISION_WORDS: Record<ImpliedDecision, string> = { earned: 'Earned', 'not-yet': 'Not yet' };

/**
 * Everything that stops the draft being submitted, in form order (criteria in rubric order, then
 * the decision, then feedback). An empty list means the draft can become a ScoreRecord.
 */
export function reviewIssues(rubric: Rubric, draft: ReviewDraft): ReviewIssue[] {
  const issues: ReviewIssue[] = [];
  const decision = draft.decision;

  // Unscorable is a condition, never a low score: no levels are asked for, and any already chosen
  // are left out of the record (see toScoreRecord) so they cannot be read as a score.
  if (decision?.kind !== 'unscorable') issues.push(...criterionIssues(rubric, draft));

  if (!decision) {
    issues.push({ target: { kind: 'decision' }, message: 'Choose a decision: Earned, Not yet or Unscorable.' });
    return issues;
  }

  if (decision.kind === 'unscorable') {
    if (!decision.conditionCode) {
      issues.push({
        target: { kind: 'condition-code' },
        message: 'Choose a condition code saying why the packet cannot be scored.',
      });
    }
    if (blank(decision.explanation)) {
      issues.push({
        target: { kind: 'unscorable-explanation' },
        message: 'Explain why the packet cannot be scored.',
      });
    }
    return issues;
  }

  const implied = impliedDecision(rubric, draft.levels);
  if (implied !== undefined && implied !== decision.kind && blank(draft.decisionJustification)) {
    issues.push({
      target: { kind: 'justification' },
      message: `Justify recommending ${DECISION_WORDS[decision.kind]}: the rubric rule implies ${DECISION_WORDS[implied]}.`,
    });
  }

  if (decision.kind === 'not-yet') {
    if (blank(draft.feedback.overall)) {
      issues.push({ target: { kind: 'feedback-overall' }, message: 'Write overall feedback for the candidate.' });
    }
    for (const criterion of belowThresholdWithoutFeedback(rubric, draft)) {
      issues.push({
        target: { kind: 'feedback-criterion', criterionId: criterion.id },
        message: `Write feedback for the candidate on “${criterion.title}”.`,
      });
    }
  }
  return issues;
}

/**
 * Ids of the criteria scored below the feedback threshold that have no candidate feedback yet, in
 * rubric order: the live "still unaddressed" list. Shown whatever the decision so far (feedback is
 * only enforced on Not yet), and empty for Unscorable, which asks for no scoring at all.
 */
export function unaddressedCriteria(rubric: Rubric, draft: ReviewDraft): string[] {
  if (draft.decision?.kind === 'unscorable') return [];
  return belowThresholdWithoutFeedback(rubric, draft).map((criterion) => criterion.id);
}

/**
 * A stable key for a target that is safe as a DOM id and in a CSS selector, e.g. "level-design".
 * Characters a criterion id may hold beyond [A-Za-z0-9-] ("." and "_") are hex-escaped as _2e/_5f
 * so that two different ids can never map to the same key.
 */
export function targetKey(target: ReviewTarget): string {
  return 'criterionId' in target ? `${target.kind}-${escapeId(target.criterionId)}` : target.kind;
}

/** Raised by toScoreRecord when the draft is not ready to submit; carries the issues to show. */
export class IncompleteReviewError extends Error {
  constructor(readonly issues: ReviewIssue[]) {
    super(`The review is not complete: ${issues.map((issue) => issue.message).join(' ')}`);
    this.name = 'IncompleteReviewError';
  }
}

/**
 * Turns a complete draft into the ScoreRecord that is submitted. Throws IncompleteReviewError when
 * reviewIssues finds anything, and a zod error if the identifiers or dates are malformed.
 */
export function toScoreRecord(
  draft: ReviewDraft,
  context: { reviewId: string; assessorId: string; rubric: Rubric; submittedAt: string },
): ScoreRecord {
  const { rubric } = context;
  const issues = reviewIssues(rubric, draft);
  if (issues.length > 0) throw new IncompleteReviewError(issues);
  const decision = draft.decision && recordDecision(draft.decision);
  // reviewIssues has already required a decision and its condition code; this narrows the type.
  if (!decision) throw new IncompleteReviewError([]);
  const scored = decision.kind !== 'unscorable';
  const implied = scored ? impliedDecision(rubric, draft.levels) : undefined;
  // A justification only means something while the decision departs from the rule; a stale one
  // left over from earlier levels would mislead whoever reads the record.
  const justification = implied !== undefined && implied !== decision.kind ? draft.decisionJustification.trim() : '';

  const criteria = scored
    ? rubric.criteria.flatMap((criterion) => {
        const level = chosenLevel(criterion, draft.levels);
        return level
          ? [{ criterionId: criterion.id, levelId: level.id, rationale: (draft.rationales[criterion.id] ?? '').trim() }]
          : [];
      })
    : [];
  // Criterion feedback presupposes scoring too, so Unscorable keeps only the overall feedback.
  const byCriterion = scored
    ? rubric.criteria.flatMap((criterion) => {
        const text = (draft.feedback.byCriterion[criterion.id] ?? '').trim();
        return text ? [{ criterionId: criterion.id, text }] : [];
      })
    : [];

  return ScoreRecord.parse({
    id: context.reviewId,
    packetId: draft.packetId,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    assessorId: context.assessorId,
    revision: draft.revision,
    criteria,
    comments: draft.comments,
    decision,
    ...(justification ? { decisionJustification: justification } : {}),
    candidateFeedback: { overall: draft.feedback.overall.trim(), byCriterion },
    privateNotes: draft.privateNotes,
    createdAt: draft.startedAt,
    submittedAt: context.submittedAt,
  });
}

function recordDecision(draft: DraftDecision): Decision | undefined {
  if (draft.kind !== 'unscorable') return { kind: draft.kind };
  if (!draft.conditionCode) return undefined;
  return { kind: 'unscorable', conditionCode: draft.conditionCode, explanation: draft.explanation.trim() };
}

function criterionIssues(rubric: Rubric, draft: ReviewDraft): ReviewIssue[] {
  const threshold = feedbackThreshold(rubric);
  const issues: ReviewIssue[] = [];
  for (const criterion of rubric.criteria) {
    const level = chosenLevel(criterion, draft.levels);
    if (!level) {
      const stale = draft.levels[criterion.id] !== undefined;
      issues.push({
        target: { kind: 'level', criterionId: criterion.id },
        message: stale
          ? `The level chosen for “${criterion.title}” is not in this rubric; choose it again.`
          : `Choose a level for “${criterion.title}”.`,
      });
    } else if (level.score < threshold && blank(draft.rationales[criterion.id])) {
      issues.push({
        target: { kind: 'rationale', criterionId: criterion.id },
        message: `Give a rationale for “${criterion.title}”: levels below ${scoreInWords(rubric, threshold)} need one.`,
      });
    }
  }
  return issues;
}

function belowThresholdWithoutFeedback(rubric: Rubric, draft: ReviewDraft): RubricCriterion[] {
  const threshold = feedbackThreshold(rubric);
  return rubric.criteria.filter((criterion) => {
    const level = chosenLevel(criterion, draft.levels);
    return level !== undefined && level.score < threshold && blank(draft.feedback.byCriterion[criterion.id]);
  });
}

function blank(text: string | undefined): boolean {
  return (text ?? '').trim() === '';
}

function escapeId(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, (char) => `_${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

import type { BackReadingScoring } from '../../../shared/contract/back-reading';
import type { Rubric } from '../../../shared/domain/rubric';
import { anchorItemId } from '../../../shared/review/anchors';
import { dateTimeFormat } from '../../app/format';
import { DECISION_LABEL } from '../review/DecisionSection';

/** How a scoring is headed wherever it appears: who, which revision, when it arrived. */
export function scoringHeading(scoring: BackReadingScoring): string {
  return `${scoring.assessorUsername} (revision ${scoring.revision}, received ${dateTimeFormat.format(new Date(scoring.receivedAt))})`;
}

/**
 * One scoring read on its own, when there is no second to compare it with: the decision, each
 * criterion's level with its rationale and feedback, and the overall feedback.
 */
export function ScoringReadout({ scoring, rubric }: { scoring: BackReadingScoring; rubric: Rubric | null }) {
  const { record } = scoring;
  const decision = record.decision;
  const criteria =
    rubric?.criteria ?? record.criteria.map((c) => ({ id: c.criterionId, title: c.criterionId, levels: [] }));
  return (
    <dl className="scoring-readout" aria-label={`Scoring by ${scoring.assessorUsername}`}>
      <dt>Decision</dt>
      <dd>
        {DECISION_LABEL[decision.kind]}
        {decision.kind === 'unscorable' ? ` (${decision.conditionCode}): ${decision.explanation}` : ''}
      </dd>
      {criteria.map((criterion) => {
        const scored = record.criteria.find((c) => c.criterionId === criterion.id);
        const level = criterion.levels.find((l) => l.id === scored?.levelId);
        const feedback = record.candidateFeedback.byCriterion.find((f) => f.criterionId === criterion.id)?.text;
        return (
          <div key={criterion.id}>
            <dt>{criterion.title}</dt>
            <dd>
              <strong>{level?.label ?? scored?.levelId ?? 'Not scored'}</strong>
              {level ? <span className="muted"> ({level.score})</span> : null}
              {scored?.rationale ? <p className="small">Rationale: {scored.rationale}</p> : null}
              {feedback ? <p className="small">Feedback: {feedback}</p> : null}
            </dd>
          </div>
        );
      })}
      {record.candidateFeedback.overall ? (
        <>
          <dt>Overall feedback</dt>
          <dd>{record.candidateFeedback.overall}</dd>
        </>
      ) : null}
      {record.decisionJustification ? (
        <>
          <dt>Decision justification</dt>
          <dd>{record.decisionJustification}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * A scoring's evidence comments, each with where it points in words; with `onOpen`, that place is
 * a button opening the evidence at the comment's item.
 */
export function ScoringComments({
  scoring,
  anchorLabels,
  rubric,
  onOpen,
  opening = false,
}: {
  scoring: BackReadingScoring;
  anchorLabels: Record<string, string>;
  rubric: Rubric | null;
  onOpen?(itemId: string | undefined): void;
  opening?: boolean;
}) {
  const { comments } = scoring.record;
  const title = (criterionId: string | undefined) =>
    criterionId ? (rubric?.criteria.find((c) => c.id === criterionId)?.title ?? criterionId) : undefined;
  return (
    <section aria-label={`Evidence comments by ${scoring.assessorUsername}`}>
      <h3>Evidence comments by {scoring.assessorUsername}</h3>
      {comments.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="back-read-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              {onOpen ? (
                <button
                  type="button"
                  className="link-button"
                  disabled={opening}
                  aria-label={`Open the evidence at ${anchorLabels[comment.id] ?? comment.anchor.kind}`}
                  onClick={() => onOpen(anchorItemId(comment.anchor))}
                >
                  {anchorLabels[comment.id] ?? comment.anchor.kind}
                </button>
              ) : (
                <span className="muted">{anchorLabels[comment.id] ?? comment.anchor.kind}</span>
              )}
              {title(comment.criterionId) ? <span className="muted"> · {title(comment.criterionId)}</span> : null}:{' '}
              {comment.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

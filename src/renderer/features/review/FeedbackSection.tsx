import type { Rubric } from '../../../shared/domain/rubric';
import { targetKey } from '../../../shared/review/completeness';

/**
 * Feedback the candidate will read, the criteria it still has to address, and the assessor's
 * private notes, kept visibly apart because they never leave the assessor's side.
 */
export function FeedbackSection({
  rubric,
  overall,
  notes,
  unaddressed,
  required,
  readOnly,
  onOverall,
  onNotes,
  onJumpToCriterion,
  onOpenBank,
  onOverallFocus,
}: {
  rubric: Rubric;
  overall: string;
  notes: string;
  unaddressed: string[];
  required: boolean;
  readOnly: boolean;
  onOverall(text: string): void;
  onNotes(text: string): void;
  onJumpToCriterion(criterionId: string): void;
  /** "Insert from bank" beside the overall feedback. */
  onOpenBank(): void;
  /** The overall feedback got the focus: the bank's Alt+B inserts there. */
  onOverallFocus(): void;
}) {
  return (
    <>
      <section className="feedback" aria-labelledby="feedback-title">
        <h3 id="feedback-title">Feedback to the candidate</h3>
        <label className="field">
          <span>Overall feedback{required ? <span className="required"> (required for “Not yet”)</span> : null}</span>
          <textarea
            id={targetKey({ kind: 'feedback-overall' })}
            aria-label="Overall feedback to the candidate"
            aria-required={required}
            value={overall}
            readOnly={readOnly}
            rows={4}
            placeholder="What to keep doing, and the next concrete step for the resubmission…"
            onFocus={onOverallFocus}
            onChange={(e) => onOverall(e.target.value)}
          />
        </label>
        {!readOnly && (
          <button type="button" className="link bank-open" aria-keyshortcuts="Alt+B" onClick={onOpenBank}>
            Insert from bank<span className="visually-hidden"> into the overall feedback</span>
          </button>
        )}
        {required && (
          <div role="status" className={unaddressed.length ? 'unaddressed' : 'addressed'}>
            {unaddressed.length === 0 ? (
              'Every criterion below the threshold has feedback.'
            ) : (
              <>
                Still unaddressed:{' '}
                {unaddressed.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <button type="button" className="link" onClick={() => onJumpToCriterion(id)}>
                      {rubric.criteria.find((c) => c.id === id)?.title ?? id}
                    </button>
                  </span>
                ))}
              </>
            )}
          </div>
        )}
      </section>
      <section className="private-notes" aria-labelledby="notes-title">
        <h3 id="notes-title">Private notes</h3>
        <p className="muted small">
          Only for you and the committee. Never included in anything the candidate receives.
        </p>
        <textarea
          aria-labelledby="notes-title"
          value={notes}
          readOnly={readOnly}
          rows={3}
          onChange={(e) => onNotes(e.target.value)}
        />
      </section>
    </>
  );
}

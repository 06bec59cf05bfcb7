import type { Rubric } from '../../../shared/domain/rubric';
import { TimeOnTask } from './TimeOnTask';
import type { SaveStatus } from './useReviewDraft';

const SAVE_WORDS: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  unsaved: 'Saving…',
  failed: 'Could not save!',
};

/** The rubric side's head: progress, time on task, save state and the view tools. */
export function RubricHeader({
  rubric,
  scored,
  activeMs,
  readOnly,
  saveStatus,
  compact,
  onCompact,
  onShortcuts,
  onCommentBank,
  earlierAttempt,
}: {
  rubric: Rubric;
  scored: number;
  activeMs(): number;
  readOnly: boolean;
  saveStatus: SaveStatus;
  compact: boolean;
  onCompact(compact: boolean): void;
  onShortcuts(): void;
  onCommentBank?(): void;
  /** Present for a resubmission whose earlier attempts may be shown: the attempt number and a way there. */
  earlierAttempt?: { number: number; show(): void };
}) {
  return (
    <header className="rubric-header">
      <h2>{rubric.title}</h2>
      <p className="muted small">
        {scored} of {rubric.criteria.length} criteria scored · <TimeOnTask read={activeMs} /> ·{' '}
        <span role="status" aria-live="polite">
          {readOnly ? 'Read-only' : SAVE_WORDS[saveStatus]}
        </span>
      </p>
      <div className="rubric-tools">
        <label className="inline-toggle">
          <input type="checkbox" checked={compact} onChange={(e) => onCompact(e.target.checked)} /> Compact descriptors
        </label>
        {onCommentBank && (
          <button type="button" className="link" onClick={onCommentBank}>
            Comment bank (Alt+B)
          </button>
        )}
        <button type="button" className="link" onClick={onShortcuts}>
          Keyboard shortcuts (?)
        </button>
      </div>
      {earlierAttempt && (
        <p className="notice small">
          Attempt {earlierAttempt.number}: earlier feedback is under{' '}
          <button type="button" className="link" onClick={earlierAttempt.show}>
            Earlier attempts
          </button>
          ; earlier levels stay hidden unless you ask.
        </p>
      )}
    </header>
  );
}

import { useEffect, useRef } from 'react';
import type { ReviewIssue } from '../../../shared/review/completeness';
import { targetKey } from '../../../shared/review/completeness';

/**
 * Submit: lists exactly what is missing, each item a button that takes the assessor to the
 * field; when nothing is missing, confirms and submits.
 */
export function SubmitDialog({
  open,
  issues,
  summary,
  destination,
  onSubmit,
  onClose,
}: {
  open: boolean;
  issues: ReviewIssue[];
  summary: string;
  /** What happens once submitted (from the submit target). */
  destination: string;
  onSubmit(): void;
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const goTo = (key: string) => {
    onClose();
    requestAnimationFrame(() => {
      const field = document.getElementById(key);
      field?.scrollIntoView({ block: 'center' });
      const focusable = field?.matches('[role="radiogroup"]')
        ? field.querySelector<HTMLElement>('[tabindex="0"]')
        : field?.matches('fieldset')
          ? field.querySelector<HTMLElement>('input')
          : field;
      focusable?.focus();
    });
  };

  return (
    <dialog ref={dialog} className="submit-dialog" aria-labelledby="submit-title" onClose={onClose} onCancel={onClose}>
      <h2 id="submit-title">{issues.length ? 'Not ready to submit' : 'Submit this review?'}</h2>
      {issues.length ? (
        <>
          <p>
            {issues.length} thing{issues.length === 1 ? '' : 's'} to finish first:
          </p>
          <ul aria-label="Missing">
            {issues.map((issue) => (
              <li key={targetKey(issue.target)}>
                <button type="button" className="link" onClick={() => goTo(targetKey(issue.target))}>
                  {issue.message}
                </button>
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Keep working
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{summary}</p>
          <p className="muted small">{destination}</p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onSubmit}>
              Submit review
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { RubricCriterion } from '../../../shared/domain/rubric';
import type { EvidenceComment } from '../../../shared/domain/score';
import type { PacketManifest } from '../../../shared/packet/manifest';
import { anchorLabel } from '../../../shared/review/export/anchor-label';
import { targetKey } from '../../../shared/review/completeness';

export interface CriterionCardProps {
  criterion: RubricCriterion;
  index: number;
  manifest: PacketManifest;
  levelId: string | undefined;
  rationale: string;
  feedback: string;
  threshold: number;
  feedbackRequired: boolean;
  comments: EvidenceComment[];
  compact: boolean;
  readOnly: boolean;
  onLevel(levelId: string): void;
  onRationale(text: string): void;
  onFeedback(text: string): void;
  onMoveCriterion(direction: 1 | -1): void;
  onAddComment(): void;
  onRevealComment(comment: EvidenceComment): void;
  onDeleteComment(comment: EvidenceComment): void;
  onFocusCriterion(): void;
  /** "Insert from bank" beside the feedback field. */
  onOpenBank(): void;
  /** The feedback field got the focus: the bank's Alt+B inserts there. */
  onFeedbackFocus(): void;
  /** What the host shows to score this criterion against (see ScoringScreen's criterionReference). */
  reference?: ReactNode;
}

/**
 * One rubric criterion: its levels as a radio group named after the criterion (1..N choose a
 * level, ←/→ step through levels, J/K or ↑/↓ move to the next or previous criterion), the
 * rationale, candidate feedback and the evidence-anchored comments tied to it.
 */
export function CriterionCard(props: CriterionCardProps) {
  const { criterion, levelId, readOnly } = props;
  const groupRef = useRef<HTMLDivElement>(null);
  const chosen = criterion.levels.find((l) => l.id === levelId);
  const needsRationale = chosen !== undefined && chosen.score < props.threshold;
  const titleId = `criterion-title-${criterion.id}`;

  const onGroupKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = Number(event.key);
    const currentIndex = criterion.levels.findIndex((l) => l.id === levelId);
    if (Number.isInteger(digit) && digit >= 1 && digit <= criterion.levels.length) {
      if (!readOnly) props.onLevel(criterion.levels[digit - 1]!.id);
      focusLevel(digit - 1);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const next = Math.min(
        criterion.levels.length - 1,
        Math.max(0, currentIndex + (event.key === 'ArrowRight' ? 1 : -1)),
      );
      if (!readOnly) props.onLevel(criterion.levels[next]!.id);
      focusLevel(next);
    } else if (event.key === 'j' || event.key === 'J' || event.key === 'ArrowDown') {
      props.onMoveCriterion(1);
    } else if (event.key === 'k' || event.key === 'K' || event.key === 'ArrowUp') {
      props.onMoveCriterion(-1);
    } else return;
    event.preventDefault();
  };
  // Synchronous on purpose: a deferred focus could land after J/K has already moved on.
  const focusLevel = (index: number) =>
    groupRef.current?.querySelectorAll<HTMLElement>('[role="radio"]')[index]?.focus();

  const focusIndex = Math.max(
    0,
    criterion.levels.findIndex((l) => l.id === levelId),
  );
  return (
    <section
      className={`criterion${chosen ? ' scored' : ''}`}
      aria-labelledby={titleId}
      onFocus={props.onFocusCriterion}
      data-criterion={criterion.id}
    >
      <h3 id={titleId}>
        <span className="criterion-number">{props.index + 1}</span> {criterion.title}
        {criterion.weight && criterion.weight !== 1 ? (
          <span className="muted small"> · weight {criterion.weight}</span>
        ) : null}
      </h3>
      {criterion.description && <p className="muted small">{criterion.description}</p>}
      {props.reference ? <div className="criterion-reference">{props.reference}</div> : null}
      {criterion.lookFors.length > 0 && (
        <details className="look-fors">
          <summary>Look-fors ({criterion.lookFors.length})</summary>
          <ul>
            {criterion.lookFors.map((lookFor, i) => (
              <li key={i}>{lookFor}</li>
            ))}
          </ul>
        </details>
      )}
      <div
        ref={groupRef}
        role="radiogroup"
        aria-label={criterion.title}
        aria-readonly={readOnly || undefined}
        id={targetKey({ kind: 'level', criterionId: criterion.id })}
        className={`levels${props.compact ? ' compact' : ''}`}
        onKeyDown={onGroupKey}
      >
        {criterion.levels.map((level, i) => {
          const checked = level.id === levelId;
          const descriptorId = `descriptor-${criterion.id}-${level.id}`;
          return (
            <div
              key={level.id}
              role="radio"
              aria-checked={checked}
              aria-label={level.label}
              aria-describedby={descriptorId}
              aria-disabled={readOnly || undefined}
              tabIndex={i === focusIndex ? 0 : -1}
              className={`level${checked ? ' checked' : ''}`}
              onClick={() => !readOnly && props.onLevel(level.id)}
            >
              <span className="level-head">
                <kbd aria-hidden="true">{i + 1}</kbd> {level.label} <span className="muted">({level.score})</span>
              </span>
              <span id={descriptorId} className="level-descriptor">
                {level.descriptor}
              </span>
            </div>
          );
        })}
      </div>
      <label className="field">
        <span>
          Rationale{needsRationale ? <span className="required"> (required below the threshold)</span> : null}
        </span>
        <textarea
          id={targetKey({ kind: 'rationale', criterionId: criterion.id })}
          aria-label={`Rationale for ${criterion.title}`}
          aria-required={needsRationale}
          value={props.rationale}
          readOnly={readOnly}
          rows={2}
          placeholder="Tie the level to specific evidence (page, moment, sample)…"
          onChange={(e) => props.onRationale(e.target.value)}
        />
      </label>
      <label className="field">
        <span>
          Feedback to the candidate on this criterion
          {props.feedbackRequired ? <span className="required"> (required for “Not yet”)</span> : null}
        </span>
        <textarea
          id={targetKey({ kind: 'feedback-criterion', criterionId: criterion.id })}
          aria-label={`Feedback on ${criterion.title}`}
          aria-required={props.feedbackRequired}
          value={props.feedback}
          readOnly={readOnly}
          rows={2}
          onFocus={props.onFeedbackFocus}
          onChange={(e) => props.onFeedback(e.target.value)}
        />
      </label>
      {!readOnly && (
        <button type="button" className="link bank-open" aria-keyshortcuts="Alt+B" onClick={props.onOpenBank}>
          Insert from bank<span className="visually-hidden"> into feedback on {criterion.title}</span>
        </button>
      )}
      <div className="comments">
        <h4 className="muted small">Evidence comments ({props.comments.length})</h4>
        {props.comments.length > 0 && (
          <ul aria-label={`Comments on ${criterion.title}`}>
            {props.comments.map((comment) => (
              <li key={comment.id} data-comment={comment.id}>
                <button type="button" className="link" onClick={() => props.onRevealComment(comment)}>
                  {anchorLabel(comment.anchor, props.manifest)}
                </button>{' '}
                {comment.text}
                {!readOnly && (
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Delete comment: ${comment.text.slice(0, 40)}`}
                    onClick={() => props.onDeleteComment(comment)}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <button type="button" onClick={props.onAddComment}>
            Comment on the evidence (C)
          </button>
        )}
      </div>
    </section>
  );
}

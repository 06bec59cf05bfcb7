import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Rubric } from '../../../shared/domain/rubric';
import type { EvidenceAnchor } from '../../../shared/domain/score';
import type { PacketManifest } from '../../../shared/packet/manifest';
import { anchorLabel } from '../../../shared/review/export/anchor-label';
import { matchBank, textsFor } from './bank/bank-model';
import { useCommentBank } from './bank/useCommentBank';

/**
 * Writes a comment tied to a place in the evidence. Typing a few letters offers matching
 * comments from the criterion's bank (and the general entries) (↓ to choose, Enter to insert). Enter saves, Shift+Enter
 * adds a line, Escape cancels.
 */
export function CommentComposer({
  anchor,
  rubric,
  manifest,
  criterionId,
  onSave,
  onCancel,
}: {
  anchor: EvidenceAnchor;
  rubric: Rubric;
  manifest: PacketManifest;
  criterionId: string | undefined;
  onSave(text: string, criterionId: string | undefined, addToBank: boolean): void;
  onCancel(): void;
}) {
  const [text, setText] = useState('');
  const [criterion, setCriterion] = useState(criterionId ?? '');
  const [active, setActive] = useState(-1);
  const [remember, setRemember] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const bank = useCommentBank(rubric);
  const suggestions = criterion && bank ? matchBank(textsFor(bank, criterion), text) : [];

  useEffect(() => {
    input.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'ArrowDown' && suggestions.length) {
      event.preventDefault();
      setActive((a) => Math.min(suggestions.length - 1, a + 1));
    } else if (event.key === 'ArrowUp' && suggestions.length) {
      event.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const picked = suggestions[active];
      if (picked !== undefined) {
        setText(picked);
        setActive(-1);
      } else if (text.trim()) onSave(text.trim(), criterion || undefined, remember);
    }
  };

  return (
    <div className="composer" role="dialog" aria-label="New evidence comment">
      <p className="muted small">
        Comment at <strong>{anchorLabel(anchor, manifest)}</strong>
        {anchor.kind === 'pdf' && anchor.quote ? <> on “{anchor.quote.slice(0, 80)}”</> : null}
      </p>
      <label className="field">
        <span>Criterion</span>
        <select value={criterion} onChange={(e) => setCriterion(e.target.value)}>
          <option value="">(general)</option>
          {rubric.criteria.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Comment</span>
        <textarea
          ref={input}
          rows={3}
          value={text}
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {suggestions.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Comment bank" className="suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                setText(s);
                setActive(-1);
              }}
            >
              {s}
            </li>
          ))}
        </ul>
      )}
      <label className="inline-toggle">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Add to the comment
        bank
      </label>
      <div className="composer-actions">
        <button
          type="button"
          className="primary"
          disabled={!text.trim()}
          onClick={() => onSave(text.trim(), criterion || undefined, remember)}
        >
          Save comment
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

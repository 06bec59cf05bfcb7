import { useState, type KeyboardEvent } from 'react';
import type { Rubric } from '../../../../shared/domain/rubric';
import type { BankEntry } from './bank-model';
import { CriterionSelect } from './CriterionSelect';

const SOURCE_WORDS = { mine: 'Yours', rubric: 'From the rubric', level: 'Level feedback' } as const;

/** Short enough for a button's accessible name, long enough to tell entries apart. */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * One bank entry: its text and where it comes from; Insert when a field is being filled; Edit
 * and Delete for the assessor's own (the rubric's entries are read-only).
 */
export function BankEntryItem({
  entry,
  rubric,
  canInsert,
  onInsert,
  onSave,
  onDelete,
}: {
  entry: BankEntry;
  rubric: Rubric;
  canInsert: boolean;
  onInsert(): void;
  onSave(change: { text: string; criterionId?: string }): void;
  onDelete(): void;
}) {
  const [editing, setEditing] = useState<{ text: string; criterionId: string }>();

  if (editing) {
    const save = () => {
      if (!editing.text.trim()) return;
      onSave({ text: editing.text, criterionId: editing.criterionId || undefined });
      setEditing(undefined);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape leaves the edit, not the dialog; Ctrl+Enter saves from the text field.
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setEditing(undefined);
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        save();
      }
    };
    return (
      <li className="bank-entry editing" onKeyDown={onKeyDown}>
        <label className="field">
          <span>Edit entry</span>
          <textarea
            rows={3}
            value={editing.text}
            autoFocus
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
          />
        </label>
        <CriterionSelect
          rubric={rubric}
          value={editing.criterionId}
          onChange={(criterionId) => setEditing({ ...editing, criterionId })}
        />
        <div className="bank-actions">
          <button type="button" className="primary" disabled={!editing.text.trim()} onClick={save}>
            Save entry
          </button>
          <button type="button" onClick={() => setEditing(undefined)}>
            Cancel
          </button>
        </div>
      </li>
    );
  }

  return (
    <li className="bank-entry">
      <p className="bank-text">{entry.text}</p>
      <div className="bank-actions">
        <span className="muted small">
          {SOURCE_WORDS[entry.source]}
          {entry.level ? ` · ${entry.level}` : ''}
        </span>
        {canInsert && (
          <button type="button" data-bank-insert aria-label={`Insert: ${short(entry.text)}`} onClick={onInsert}>
            Insert
          </button>
        )}
        {entry.source === 'mine' && (
          <>
            <button
              type="button"
              aria-label={`Edit: ${short(entry.text)}`}
              onClick={() => setEditing({ text: entry.text, criterionId: entry.criterionId ?? '' })}
            >
              Edit
            </button>
            <button type="button" aria-label={`Delete: ${short(entry.text)}`} onClick={onDelete}>
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}

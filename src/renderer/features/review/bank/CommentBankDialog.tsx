import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Rubric } from '../../../../shared/domain/rubric';
import type { StoredBankEntry } from '../../../data/db';
import {
  addBankEntry,
  deleteBankEntry,
  myBankEntries,
  restoreBankEntry,
  updateBankEntry,
} from '../../../data/comment-bank';
import { fieldLabel, groupBank, searchBank, type FeedbackField } from './bank-model';
import { BankEntryItem } from './BankEntryItem';
import { NewBankEntry } from './NewBankEntry';
import { useCommentBank } from './useCommentBank';

/** Every feedback field of the rubric, in the order the screen shows them. */
function feedbackFields(rubric: Rubric): FeedbackField[] {
  return [
    ...rubric.criteria.map((c): FeedbackField => ({ kind: 'criterion', criterionId: c.id })),
    { kind: 'overall' },
  ];
}
const fieldKey = (field: FeedbackField) => (field.kind === 'overall' ? 'overall' : `criterion:${field.criterionId}`);

/**
 * The comment bank: browse (grouped by criterion, the field being filled first), search, insert
 * into any feedback field, and manage the assessor's own entries. Keyboard-first: the search has
 * the focus on opening; Enter there inserts the first match; ↓/↑ move between the Insert buttons.
 */
export function CommentBankDialog({
  open,
  rubric,
  field,
  onFieldChange,
  onInsert,
  onClose,
}: {
  open: boolean;
  rubric: Rubric;
  /** Where Insert puts an entry; undefined when nothing can be inserted (a submitted review). */
  field: FeedbackField | undefined;
  onFieldChange(field: FeedbackField): void;
  onInsert(field: FeedbackField, text: string): void;
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string>();
  const [deleted, setDeleted] = useState<StoredBankEntry>();
  const entries = useCommentBank(rubric);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // The last search stays visible, selected: typing starts a new one.
      search.current?.focus();
      search.current?.select();
    }
    if (!open && element.open) element.close();
    if (!open) {
      setStatus(undefined);
      setDeleted(undefined);
    }
  }, [open]);

  const found = entries ? searchBank(rubric, entries, query) : [];
  const groups = groupBank(rubric, found, field);
  const firstMatch = groups[0]?.entries[0];

  const insert = (text: string) => field && onInsert(field, text);

  const remove = async (id: string) => {
    const stored = (await myBankEntries(rubric.id)).find((e) => e.id === id);
    if (!stored) return;
    await deleteBankEntry(id);
    setDeleted(stored);
    setStatus('Entry deleted.');
  };

  /** ↓/↑ between the Insert buttons (and from the search box into the list). */
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('[data-bank-insert]') ?? [])];
    if (!buttons.length) return;
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? Math.min(buttons.length - 1, at + 1) : at - 1;
    event.preventDefault();
    if (next < 0) search.current?.focus();
    else buttons[next]?.focus();
  };

  return (
    <dialog ref={dialog} className="bank-dialog" aria-labelledby="bank-title" onClose={onClose} onCancel={onClose}>
      <h2 id="bank-title">Comment bank</h2>
      <div className="bank-controls">
        {field && (
          <label className="field">
            <span>Insert into</span>
            <select
              value={fieldKey(field)}
              onChange={(e) => {
                const next = feedbackFields(rubric).find((f) => fieldKey(f) === e.target.value);
                if (next) onFieldChange(next);
              }}
            >
              {feedbackFields(rubric).map((f) => (
                <option key={fieldKey(f)} value={fieldKey(f)}>
                  {fieldLabel(rubric, f)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Search</span>
          <input
            ref={search}
            type="search"
            aria-label="Search the comment bank"
            aria-describedby="bank-count"
            value={query}
            placeholder="Words, a level or a criterion…"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && firstMatch && field) {
                e.preventDefault();
                insert(firstMatch.text);
              } else onListKey(e);
            }}
          />
        </label>
      </div>
      <p id="bank-count" role="status" className="muted small">
        {entries === undefined
          ? 'Loading…'
          : `${found.length} ${found.length === 1 ? 'entry' : 'entries'}${query.trim() ? ` match “${query.trim()}”` : ''}`}
        {field && found.length > 0 ? ' · Enter inserts the first, ↓ moves through them' : ''}
      </p>
      <div className="bank-groups" ref={list} onKeyDown={onListKey}>
        {groups.map((group) => (
          <section key={group.id} aria-labelledby={`bank-group-${group.id}`}>
            <h3 id={`bank-group-${group.id}`}>{group.title}</h3>
            <ul aria-labelledby={`bank-group-${group.id}`}>
              {group.entries.map((entry) => (
                <BankEntryItem
                  key={entry.id}
                  entry={entry}
                  rubric={rubric}
                  canInsert={field !== undefined}
                  onInsert={() => insert(entry.text)}
                  onSave={(change) => void updateBankEntry(entry.id, change).then(() => setStatus('Entry saved.'))}
                  onDelete={() => void remove(entry.id)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <NewBankEntry
        // Remounted per field, so the criterion it preselects follows the field being filled.
        key={field?.kind === 'criterion' ? field.criterionId : ''}
        rubric={rubric}
        criterionId={field?.kind === 'criterion' ? field.criterionId : ''}
        onAdd={(entry) =>
          void addBankEntry({ rubricId: rubric.id, ...entry }).then(() => setStatus('Entry added to the bank.'))
        }
      />
      <div className="dialog-actions">
        {status && (
          <span role="status" className="muted small">
            {status}
          </span>
        )}
        {deleted && (
          <button
            type="button"
            onClick={() =>
              void restoreBankEntry(deleted).then(() => {
                setDeleted(undefined);
                setStatus('Entry restored.');
              })
            }
          >
            Undo delete
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

import { useState } from 'react';
import type { Rubric } from '../../../../shared/domain/rubric';
import { CriterionSelect } from './CriterionSelect';

/** Adds an entry of the assessor's own to the bank (for a criterion, or general). */
export function NewBankEntry({
  rubric,
  criterionId,
  onAdd,
}: {
  rubric: Rubric;
  /** Preselected: the criterion of the field being filled. */
  criterionId: string;
  onAdd(entry: { text: string; criterionId?: string }): void;
}) {
  const [text, setText] = useState('');
  const [criterion, setCriterion] = useState(criterionId);
  const add = () => {
    if (!text.trim()) return;
    onAdd({ text, criterionId: criterion || undefined });
    setText('');
  };
  return (
    <section className="bank-new" aria-labelledby="bank-new-title">
      <h3 id="bank-new-title">Add an entry</h3>
      <label className="field">
        <span>New entry</span>
        <textarea
          rows={2}
          value={text}
          placeholder="Feedback you give often, written so the candidate can act on it…"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.stopPropagation();
              add();
            }
          }}
        />
      </label>
      <CriterionSelect rubric={rubric} value={criterion} onChange={setCriterion} />
      <button type="button" disabled={!text.trim()} onClick={add}>
        Add to bank
      </button>
    </section>
  );
}

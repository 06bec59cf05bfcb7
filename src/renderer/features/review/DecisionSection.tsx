import type { ConditionCode } from '../../../shared/domain/decision';
import { targetKey } from '../../../shared/review/completeness';
import type { DraftDecision } from '../../../shared/review/draft';

const DECISIONS = [
  { kind: 'earned', label: 'Earned' },
  { kind: 'not-yet', label: 'Not yet' },
  { kind: 'unscorable', label: 'Unscorable' },
] as const;

const CONDITIONS: Array<{ code: ConditionCode; label: string }> = [
  { code: 'missing-evidence', label: 'Missing evidence' },
  { code: 'wrong-credential', label: 'Wrong credential' },
  { code: 'file-unreadable', label: 'File unreadable' },
  { code: 'integrity-concern', label: 'Integrity concern' },
  { code: 'other', label: 'Other' },
];

export const DECISION_LABEL: Record<DraftDecision['kind'], string> = {
  earned: 'Earned',
  'not-yet': 'Not yet',
  unscorable: 'Unscorable',
};

/**
 * The recommended decision beside the one the rubric's rule implies. Recommending another
 * needs a justification; Unscorable is a condition (code + explanation), never a low score.
 */
export function DecisionSection({
  decision,
  implied,
  ruleText,
  justification,
  readOnly,
  onDecision,
  onJustification,
}: {
  decision: DraftDecision | undefined;
  implied: 'earned' | 'not-yet' | undefined;
  ruleText: string;
  justification: string;
  readOnly: boolean;
  onDecision(decision: DraftDecision): void;
  onJustification(text: string): void;
}) {
  const differs =
    decision !== undefined && decision.kind !== 'unscorable' && implied !== undefined && decision.kind !== implied;
  return (
    <section className="decision" aria-labelledby="decision-title">
      <h3 id="decision-title">Decision</h3>
      <p className="muted small">
        {ruleText}.{' '}
        <span role="status">
          {implied ? (
            <>
              The rubric rule implies: <strong>{DECISION_LABEL[implied]}</strong>
            </>
          ) : (
            'Score every criterion to see the decision the rule implies.'
          )}
        </span>
      </p>
      <fieldset id={targetKey({ kind: 'decision' })} className="decision-options" disabled={readOnly}>
        <legend className="visually-hidden">Recommended decision</legend>
        {DECISIONS.map((option) => (
          <label key={option.kind} className={`decision-option ${option.kind}`}>
            <input
              type="radio"
              name="decision"
              value={option.kind}
              checked={decision?.kind === option.kind}
              onChange={() =>
                onDecision({
                  kind: option.kind,
                  conditionCode: decision?.conditionCode,
                  explanation: decision?.explanation ?? '',
                })
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {decision?.kind === 'unscorable' && (
        <div className="unscorable">
          <label className="field">
            <span>Condition code</span>
            <select
              id={targetKey({ kind: 'condition-code' })}
              value={decision.conditionCode ?? ''}
              disabled={readOnly}
              onChange={(e) =>
                onDecision({ ...decision, conditionCode: (e.target.value || undefined) as ConditionCode | undefined })
              }
            >
              <option value="">Choose a condition…</option>
              {CONDITIONS.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Explanation (why the packet cannot be scored)</span>
            <textarea
              id={targetKey({ kind: 'unscorable-explanation' })}
              value={decision.explanation}
              readOnly={readOnly}
              rows={2}
              onChange={(e) => onDecision({ ...decision, explanation: e.target.value })}
            />
          </label>
        </div>
      )}
      {(differs || justification) && (
        <label className="field">
          <span>
            Justification for recommending {decision ? DECISION_LABEL[decision.kind] : ''}
            {implied ? ` instead of ${DECISION_LABEL[implied]}` : ''}
            {differs ? <span className="required"> (required)</span> : null}
          </span>
          <textarea
            id={targetKey({ kind: 'justification' })}
            aria-required={differs}
            value={justification}
            readOnly={readOnly}
            rows={2}
            onChange={(e) => onJustification(e.target.value)}
          />
        </label>
      )}
    </section>
  );
}

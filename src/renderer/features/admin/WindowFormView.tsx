import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorLine } from '../hub/ErrorLine';
import type { WindowForm, WindowFormErrors } from './window-form';

type TextField = Exclude<keyof WindowForm, 'status' | 'doubleScoring' | 'resubmissions' | 'decisionDiffers'>;

/**
 * The window form, for creating and editing alike. The values live in the caller's state, so a
 * refusal from the hub (shown beside the button) loses nothing the admin typed.
 */
export function WindowFormView({
  heading,
  submitLabel,
  form,
  onChange,
  errors,
  hubError,
  busy,
  onSubmit,
  onCancel,
  focusOnOpen = false,
}: {
  heading: string;
  submitLabel: string;
  form: WindowForm;
  onChange(form: WindowForm): void;
  errors: WindowFormErrors;
  hubError: string | undefined;
  busy: boolean;
  onSubmit(): void;
  onCancel?(): void;
  /** Moves focus to the form when it opens (editing, chosen from a row above), so the keyboard follows. */
  focusOnOpen?: boolean;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);
  const set = <K extends keyof WindowForm>(key: K, value: WindowForm[K]) => onChange({ ...form, [key]: value });
  const field = (key: TextField, label: string, type: string, help?: ReactNode, extra: object = {}) => (
    <div className="admin-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={
          [help ? `${id}-${key}-help` : '', errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        {...extra}
      />
      {help && (
        <p id={`${id}-${key}-help`} className="muted small">
          {help}
        </p>
      )}
      {errors[key] && (
        <p id={`${id}-${key}-error`} className="error-text">
          {errors[key]}
        </p>
      )}
    </div>
  );
  const check = (key: 'doubleScoring' | 'resubmissions' | 'decisionDiffers', label: string, help: string) => (
    <div className="admin-check">
      <input
        id={`${id}-${key}`}
        type="checkbox"
        checked={form[key]}
        onChange={(e) => set(key, e.target.checked)}
        aria-describedby={`${id}-${key}-help`}
      />
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <p id={`${id}-${key}-help`} className="muted small">
        {help}
      </p>
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="admin-form" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {field('name', 'Name', 'text', undefined, { required: true, autoComplete: 'off' })}
      <div className="admin-row">
        {field('opensAt', 'Opens', 'datetime-local', 'Your local time.')}
        {field('closesAt', 'Closes', 'datetime-local', 'Assessors stop seeing their packets then.')}
        {field('decisionsDueAt', 'Decisions due', 'datetime-local', 'Not before the window closes.')}
      </div>
      <div className="admin-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={form.status}
          onChange={(e) => set('status', e.target.value as WindowForm['status'])}
        >
          <option value="scheduled">Scheduled</option>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
        </select>
        <p className="muted small">Assessors see a window's assignments only while it is open and between its dates.</p>
      </div>
      {field(
        'requiredQualification',
        'Required qualification (credential id)',
        'text',
        'Only assessors who passed a qualification norming session for this credential may be assigned. Leave blank for none.',
        { autoComplete: 'off' },
      )}
      <fieldset className="admin-fieldset">
        <legend>Double scoring</legend>
        {check(
          'doubleScoring',
          'Double-score packets by rule',
          'Off: every packet is scored once, by the assessors assigned to it; no validity packets, and the default quality limits.',
        )}
        {form.doubleScoring && (
          <>
            {field(
              'randomSharePercent',
              'Random share (%)',
              'number',
              'This share of packets, drawn at random, gets a second, blind scoring.',
              { min: 0, max: 100, step: 'any', inputMode: 'decimal' },
            )}
            {check('resubmissions', 'Every resubmission', 'Attempt 2 or later is always scored twice.')}
            {field(
              'nearCutMargin',
              'Near-cut margin (score points)',
              'number',
              "A first score this close to the decision rule's cut is scored again. 0 turns this off.",
              { min: 0, step: 'any', inputMode: 'decimal' },
            )}
            <fieldset className="admin-fieldset">
              <legend>Send to adjudication when two scorings…</legend>
              {check('decisionDiffers', 'recommend different decisions', 'Earned, not yet or unscorable.')}
              {field(
                'criterionLevelGap',
                'differ on a criterion by at least (levels)',
                'number',
                'Two levels apart is the usual rule.',
                { min: 1, step: 1, inputMode: 'numeric' },
              )}
              {field(
                'totalGap',
                'differ in total by more than (points)',
                'number',
                'Leave blank to not compare totals.',
                { min: 0, step: 'any', inputMode: 'decimal' },
              )}
            </fieldset>
            <fieldset className="admin-fieldset">
              <legend>Scoring quality</legend>
              {field(
                'validityRatePercent',
                'Validity packets (% of each queue)',
                'number',
                'Packets with master scores, seeded into every live queue at this share; assessors cannot tell them apart. 0 seeds none; at most 50.',
                { min: 0, max: 50, step: 'any', inputMode: 'decimal' },
              )}
              {field(
                'minExactAgreementPercent',
                'Flag exact agreement below (%)',
                'number',
                'With the validity masters, else with second scorers.',
                { min: 0, max: 100, step: 'any', inputMode: 'decimal' },
              )}
              {field(
                'maxAbsSeverity',
                'Flag severity beyond (levels)',
                'number',
                'Mean signed level difference: above it severe, below its negative lenient.',
                { min: 0, step: 'any', inputMode: 'decimal' },
              )}
              {field(
                'minScored',
                'Flag only after (compared scorings)',
                'number',
                'A few packets say little: no flag before this many comparisons.',
                { min: 1, step: 1, inputMode: 'numeric' },
              )}
            </fieldset>
          </>
        )}
      </fieldset>
      {errors.form && <p className="error-text">{errors.form}</p>}
      <ErrorLine error={hubError} />
      <div className="admin-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The form's state with its field errors and the hub's last refusal, kept across attempts. */
export function useWindowFormState(initial: WindowForm) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<WindowFormErrors>({});
  const [hubError, setHubError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return { form, setForm, errors, setErrors, hubError, setHubError, busy, setBusy };
}

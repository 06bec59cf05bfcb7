import type { z } from 'zod';
import { ScoringPolicy } from '../../../shared/committee/policy';
import { CreateWindowRequest, type WindowView } from '../../../shared/contract/hub-admin';
import { DAY_MS } from '../../../shared/domain/days';

// The window form as the admin types it (text in every field, dates in local time) and its
// mapping to the hub's requests. Pure, so the defaults and the mapping are tested without a page.

export type WindowStatus = WindowView['status'];

export interface WindowForm {
  name: string;
  /** datetime-local values: the admin's own clock, converted to UTC only when sent. */
  opensAt: string;
  closesAt: string;
  decisionsDueAt: string;
  status: WindowStatus;
  /** A credential id; blank: no qualification needed. */
  requiredQualification: string;
  /** Off: every packet is scored once, as assigned (the hub's null policy). */
  doubleScoring: boolean;
  randomSharePercent: string;
  resubmissions: boolean;
  nearCutMargin: string;
  decisionDiffers: boolean;
  criterionLevelGap: string;
  /** Blank: totals are not compared. */
  totalGap: string;
  /** Share of each assessor's queue seeded with validity packets, as a percentage (0–50). */
  validityRatePercent: string;
  /** Scorer quality flags: exact agreement below this percentage… */
  minExactAgreementPercent: string;
  /** …or a mean signed level difference further from 0 than this (levels)… */
  maxAbsSeverity: string;
  /** …once an assessor has at least this many compared scorings. */
  minScored: string;
}

export type WindowFormErrors = Partial<Record<keyof WindowForm | 'form', string>>;

/** A Date as a datetime-local value in this computer's time zone (minutes, no seconds). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A new window's starting values: open from the next whole hour for two weeks, decisions due three
 * weeks after it closes (the committee rhythm in DESIGN.md), and the hub's default scoring policy.
 */
export function defaultWindowForm(now: Date): WindowForm {
  const opens = new Date(now);
  opens.setMinutes(0, 0, 0);
  opens.setHours(opens.getHours() + 1);
  const policy = ScoringPolicy.parse({});
  return {
    name: '',
    opensAt: toLocalInput(opens),
    closesAt: toLocalInput(new Date(opens.getTime() + 14 * DAY_MS)),
    decisionsDueAt: toLocalInput(new Date(opens.getTime() + 35 * DAY_MS)),
    status: 'open',
    requiredQualification: '',
    doubleScoring: true,
    ...policyFields(policy),
  };
}

/**
 * A share as the percentage a person types (0.125 → "12.5", 0.0333 → "3.33"): exact but for
 * floating-point dust, so saving an unrelated change sends back the policy as it was set.
 */
function percentOf(share: number): string {
  return String(Math.round(share * 100 * 1e6) / 1e6);
}

function policyFields(policy: ScoringPolicy) {
  return {
    validityRatePercent: percentOf(policy.validity.rate),
    minExactAgreementPercent: percentOf(policy.quality.minExactAgreement),
    maxAbsSeverity: String(policy.quality.maxAbsSeverity),
    minScored: String(policy.quality.minScored),
    randomSharePercent: percentOf(policy.secondScoring.randomShare),
    resubmissions: policy.secondScoring.resubmissions,
    nearCutMargin: String(policy.secondScoring.nearCutMargin),
    decisionDiffers: policy.discrepancy.decisionDiffers,
    criterionLevelGap: String(policy.discrepancy.criterionLevelGap),
    totalGap: policy.discrepancy.totalGap === null ? '' : String(policy.discrepancy.totalGap),
  };
}

/** A stored window as the edit form shows it. */
export function formFromWindow(window: WindowView): WindowForm {
  return {
    name: window.name,
    opensAt: toLocalInput(new Date(window.opensAt)),
    closesAt: toLocalInput(new Date(window.closesAt)),
    decisionsDueAt: toLocalInput(new Date(window.decisionsDueAt)),
    status: window.status,
    requiredQualification: window.requiredQualification ?? '',
    doubleScoring: window.scoringPolicy !== null,
    ...policyFields(window.scoringPolicy ?? ScoringPolicy.parse({})),
  };
}

/** Text typed into a number field: a number, or NaN so the schema names the field. */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function isoOf(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** The form as the hub's create request (before the schema reads it). */
export function requestOf(form: WindowForm) {
  return {
    name: form.name.trim(),
    opensAt: isoOf(form.opensAt),
    closesAt: isoOf(form.closesAt),
    decisionsDueAt: isoOf(form.decisionsDueAt),
    status: form.status,
    requiredQualification: form.requiredQualification.trim() || null,
    scoringPolicy: form.doubleScoring
      ? {
          secondScoring: {
            randomShare: numberOf(form.randomSharePercent) / 100,
            resubmissions: form.resubmissions,
            nearCutMargin: numberOf(form.nearCutMargin),
          },
          discrepancy: {
            decisionDiffers: form.decisionDiffers,
            criterionLevelGap: numberOf(form.criterionLevelGap),
            totalGap: form.totalGap.trim() === '' ? null : numberOf(form.totalGap),
          },
          validity: { rate: numberOf(form.validityRatePercent) / 100 },
          quality: {
            minExactAgreement: numberOf(form.minExactAgreementPercent) / 100,
            maxAbsSeverity: numberOf(form.maxAbsSeverity),
            minScored: numberOf(form.minScored),
          },
        }
      : null,
  };
}

/** Which form field a schema issue is about (the policy's paths name the form's fields). */
const FIELD_OF_PATH: Record<string, keyof WindowForm> = {
  name: 'name',
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  decisionsDueAt: 'decisionsDueAt',
  status: 'status',
  requiredQualification: 'requiredQualification',
  'scoringPolicy.secondScoring.randomShare': 'randomSharePercent',
  'scoringPolicy.secondScoring.nearCutMargin': 'nearCutMargin',
  'scoringPolicy.discrepancy.criterionLevelGap': 'criterionLevelGap',
  'scoringPolicy.discrepancy.totalGap': 'totalGap',
  'scoringPolicy.validity.rate': 'validityRatePercent',
  'scoringPolicy.quality.minExactAgreement': 'minExactAgreementPercent',
  'scoringPolicy.quality.maxAbsSeverity': 'maxAbsSeverity',
  'scoringPolicy.quality.minScored': 'minScored',
};

/** Plain words for the fields whose schema message would speak of a fraction. */
const HINTS: Partial<Record<keyof WindowForm, string>> = {
  randomSharePercent: 'Enter a percentage from 0 to 100.',
  nearCutMargin: 'Enter a number of score points, 0 or more.',
  criterionLevelGap: 'Enter a whole number of levels, 1 or more.',
  totalGap: 'Enter a number of points, 0 or more, or leave it blank.',
  validityRatePercent:
    'Enter a percentage from 0 to 50: a queue of mostly validity packets would scarcely score live work.',
  minExactAgreementPercent: 'Enter a percentage from 0 to 100.',
  maxAbsSeverity: 'Enter a number of levels, 0 or more.',
  minScored: 'Enter a whole number of scorings, 1 or more.',
};

function errorsOf(error: z.ZodError): WindowFormErrors {
  const errors: WindowFormErrors = {};
  for (const issue of error.issues) {
    const field = FIELD_OF_PATH[issue.path.join('.')] ?? 'form';
    errors[field] ??= HINTS[field as keyof WindowForm] ?? issue.message;
  }
  return errors;
}

export type Checked<T> = { ok: true; request: T } | { ok: false; errors: WindowFormErrors };

/** The create request, or what to fix beside each field (checked with the hub's own schema first). */
export function createRequest(form: WindowForm): Checked<z.input<typeof CreateWindowRequest>> {
  const request = requestOf(form);
  const parsed = CreateWindowRequest.safeParse(request);
  return parsed.success ? { ok: true, request } : { ok: false, errors: errorsOf(parsed.error) };
}

/**
 * The edit as a partial change: only the fields that differ from the stored window, so an edit
 * never re-sends (and races) what the admin did not touch. Empty when nothing changed.
 */
export function updateRequest(
  original: WindowForm,
  edited: WindowForm,
): Checked<Partial<ReturnType<typeof requestOf>>> {
  const checked = createRequest(edited);
  if (!checked.ok) return checked;
  const before = requestOf(original) as Record<string, unknown>;
  const after = checked.request as Record<string, unknown>;
  const change = Object.fromEntries(
    Object.keys(after)
      .filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      .map((key) => [key, after[key]]),
  );
  return { ok: true, request: change };
}

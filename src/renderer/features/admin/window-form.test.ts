import { describe, expect, it } from 'vitest';
import { createRequest, defaultWindowForm, formFromWindow, toLocalInput, updateRequest } from './window-form';
import { ScoringPolicy } from '../../../shared/committee/policy';

const NOW = new Date(2026, 2, 2, 9, 30);

describe('window form', () => {
  it('starts at the next hour for two weeks, decisions three weeks after, with the default policy', () => {
    const form = defaultWindowForm(NOW);
    expect(form.opensAt).toBe('2026-03-02T10:00');
    expect(form.closesAt).toBe('2026-03-16T10:00');
    expect(form.decisionsDueAt).toBe('2026-04-06T10:00');
    expect(form).toMatchObject({
      status: 'open',
      doubleScoring: true,
      randomSharePercent: '10',
      resubmissions: true,
      nearCutMargin: '1',
      decisionDiffers: true,
      criterionLevelGap: '2',
      totalGap: '',
    });
  });

  it('maps the form to the hub request: percent to share, blanks to null, local time to UTC', () => {
    const form = { ...defaultWindowForm(NOW), name: ' Spring ', randomSharePercent: '25', totalGap: '3' };
    const checked = createRequest(form);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.request).toMatchObject({
      name: 'Spring',
      opensAt: new Date(2026, 2, 2, 10, 0).toISOString(),
      requiredQualification: null,
      scoringPolicy: {
        secondScoring: { randomShare: 0.25, resubmissions: true, nearCutMargin: 1 },
        discrepancy: { decisionDiffers: true, criterionLevelGap: 2, totalGap: 3 },
      },
    });
  });

  it('shows the validity rate and quality limits in the units typed, and sends them back unchanged', () => {
    const policy = ScoringPolicy.parse({
      validity: { rate: 0.125 },
      quality: { minExactAgreement: 0.7, maxAbsSeverity: 0.4, minScored: 8 },
    });
    const form = formFromWindow({
      id: '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32',
      name: 'Spring',
      opensAt: '2026-03-02T10:00:00.000Z',
      closesAt: '2026-03-16T10:00:00.000Z',
      decisionsDueAt: '2026-04-06T10:00:00.000Z',
      status: 'open',
      isOpen: true,
      requiredQualification: null,
      scoringPolicy: policy,
      decisionTypes: [],
    });
    expect(form).toMatchObject({
      validityRatePercent: '12.5',
      minExactAgreementPercent: '70',
      maxAbsSeverity: '0.4',
      minScored: '8',
    });
    const checked = createRequest(form);
    expect(checked.ok && checked.request.scoringPolicy).toMatchObject({
      validity: { rate: 0.125 },
      quality: { minExactAgreement: 0.7, maxAbsSeverity: 0.4, minScored: 8 },
    });
    expect(updateRequest(form, form)).toEqual({ ok: true, request: {} });
    const edited = updateRequest(form, { ...form, validityRatePercent: '20', minScored: '10' });
    expect(edited.ok && edited.request.scoringPolicy).toMatchObject({
      validity: { rate: 0.2 },
      quality: { minExactAgreement: 0.7, maxAbsSeverity: 0.4, minScored: 10 },
    });
  });

  it('sends no policy when double scoring is off', () => {
    const checked = createRequest({ ...defaultWindowForm(NOW), name: 'W', doubleScoring: false });
    expect(checked.ok && checked.request.scoringPolicy).toBeNull();
  });

  it.each([
    ['randomSharePercent', '150', 'Enter a percentage from 0 to 100.'],
    ['randomSharePercent', '', 'Enter a percentage from 0 to 100.'],
    ['criterionLevelGap', '1.5', 'Enter a whole number of levels, 1 or more.'],
    ['totalGap', '-1', 'Enter a number of points, 0 or more, or leave it blank.'],
    [
      'validityRatePercent',
      '60',
      'Enter a percentage from 0 to 50: a queue of mostly validity packets would scarcely score live work.',
    ],
    [
      'validityRatePercent',
      '-5',
      'Enter a percentage from 0 to 50: a queue of mostly validity packets would scarcely score live work.',
    ],
    ['minExactAgreementPercent', '101', 'Enter a percentage from 0 to 100.'],
    ['maxAbsSeverity', '-0.1', 'Enter a number of levels, 0 or more.'],
    ['minScored', '0', 'Enter a whole number of scorings, 1 or more.'],
    ['minScored', '2.5', 'Enter a whole number of scorings, 1 or more.'],
  ] as const)('names the field %s when it holds %j', (field, value, message) => {
    const checked = createRequest({ ...defaultWindowForm(NOW), name: 'W', [field]: value });
    expect(checked).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('puts date-order errors beside the later date and a blank name beside the name', () => {
    const form = defaultWindowForm(NOW);
    const checked = createRequest({ ...form, name: '', closesAt: form.opensAt });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['closesAt', 'name']);
  });

  it('edits send only the fields that changed', () => {
    const stored = {
      id: '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10',
      name: 'Spring',
      opensAt: new Date(2026, 2, 2, 10).toISOString(),
      closesAt: new Date(2026, 2, 16, 10).toISOString(),
      decisionsDueAt: new Date(2026, 3, 6, 10).toISOString(),
      status: 'open' as const,
      isOpen: true,
      requiredQualification: null,
      scoringPolicy: null,
      decisionTypes: [],
    };
    const original = formFromWindow(stored);
    expect(original.opensAt).toBe(toLocalInput(new Date(2026, 2, 2, 10)));
    expect(updateRequest(original, original)).toEqual({ ok: true, request: {} });
    const edited = { ...original, name: 'Spring B', requiredQualification: 'mc-exit-tickets', doubleScoring: true };
    const checked = updateRequest(original, edited);
    expect(checked.ok && Object.keys(checked.request).sort()).toEqual([
      'name',
      'requiredQualification',
      'scoringPolicy',
    ]);
  });

  it('sends back the policy parts it shows as they were set, not rounded to what it displays', () => {
    const policy = ScoringPolicy.parse({ validity: { rate: 0.0333 }, quality: { minExactAgreement: 0.666 } });
    const stored = {
      id: '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10',
      name: 'Spring',
      opensAt: new Date(2026, 2, 2, 10).toISOString(),
      closesAt: new Date(2026, 2, 16, 10).toISOString(),
      decisionsDueAt: new Date(2026, 3, 6, 10).toISOString(),
      status: 'open' as const,
      isOpen: true,
      requiredQualification: null,
      scoringPolicy: policy,
      decisionTypes: [],
    };
    const original = formFromWindow(stored);
    expect([original.validityRatePercent, original.minExactAgreementPercent]).toEqual(['3.33', '66.6']);
    const checked = updateRequest(original, { ...original, randomSharePercent: '25' });
    if (!checked.ok) throw new Error('refused');
    const sent = checked.request.scoringPolicy!;
    expect(sent.validity.rate).toBeCloseTo(0.0333, 12);
    expect(sent.quality.minExactAgreement).toBeCloseTo(0.666, 12);
    expect(sent.secondScoring.randomShare).toBe(0.25);
  });
});

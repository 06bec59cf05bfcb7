import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../../shared/domain/rubric';
import { emptyDraft } from '../../../../shared/review/draft';
import {
  bankEntries,
  fieldLabel,
  groupBank,
  insertIntoDraft,
  matchBank,
  searchBank,
  textsFor,
  withEntry,
} from './bank-model';

const rubric: Rubric = {
  id: 'r',
  version: '1',
  title: 'R',
  decisionRule: { kind: 'all-at-least', minLevelScore: 2 },
  criteria: [
    {
      id: 'align',
      title: 'Alignment',
      lookFors: [],
      commentBank: ['Map each item to the objective.'],
      levels: [
        { id: 'low', label: 'Beginning', score: 1, descriptor: 'd', feedback: 'Start from the objective.' },
        { id: 'high', label: 'Proficient', score: 2, descriptor: 'd' },
      ],
    },
    {
      id: 'analysis',
      title: 'Analysis',
      lookFors: [],
      levels: [
        { id: 'low', label: 'Beginning', score: 1, descriptor: 'd', feedback: 'Sort the responses by misconception.' },
        { id: 'high', label: 'Proficient', score: 2, descriptor: 'd', feedback: 'Precise analysis.' },
      ],
    },
  ],
};
const at = '2026-01-01T00:00:00Z';
const mine = [
  { id: 'm1', rubricId: 'r', criterionId: 'analysis', text: 'Quote two responses.', updatedAt: at },
  { id: 'm2', rubricId: 'r', text: 'Thank you for a clear packet.', updatedAt: at },
  { id: 'm3', rubricId: 'r', criterionId: 'gone', text: 'From an older rubric version.', updatedAt: at },
];
const entries = bankEntries(rubric, mine);

describe('bankEntries', () => {
  it('puts the assessor’s entries first, then the rubric’s bank, then level feedback (read-only)', () => {
    expect(entries.map((e) => [e.source, e.text])).toEqual([
      ['mine', 'Quote two responses.'],
      ['mine', 'Thank you for a clear packet.'],
      ['mine', 'From an older rubric version.'],
      ['rubric', 'Map each item to the objective.'],
      ['level', 'Start from the objective.'],
      ['level', 'Sort the responses by misconception.'],
      ['level', 'Precise analysis.'],
    ]);
    expect(entries.find((e) => e.text === 'Precise analysis.')).toMatchObject({ level: 'Proficient' });
  });
});

describe('searchBank', () => {
  it('keeps everything for an empty query', () => {
    expect(searchBank(rubric, entries, '  ')).toHaveLength(entries.length);
  });
  it('needs every word, in the text, the level or the criterion title, in any case', () => {
    expect(searchBank(rubric, entries, 'OBJECTIVE').map((e) => e.id)).toEqual(['rubric:align:0', 'level:align:low']);
    expect(searchBank(rubric, entries, 'proficient').map((e) => e.text)).toEqual(['Precise analysis.']);
    expect(searchBank(rubric, entries, 'analysis quote').map((e) => e.id)).toEqual(['m1']);
    expect(searchBank(rubric, entries, 'general thank').map((e) => e.id)).toEqual(['m2']);
    expect(searchBank(rubric, entries, 'nothing like this')).toEqual([]);
  });
});

describe('groupBank', () => {
  it('groups by criterion in rubric order, general last; unknown criteria count as general', () => {
    expect(groupBank(rubric, entries).map((g) => [g.id, g.entries.length])).toEqual([
      ['align', 2],
      ['analysis', 3],
      ['general', 2],
    ]);
  });
  it('puts the field being filled first and leaves empty groups out', () => {
    expect(groupBank(rubric, entries, { kind: 'criterion', criterionId: 'analysis' }).map((g) => g.id)).toEqual([
      'analysis',
      'align',
      'general',
    ]);
    expect(groupBank(rubric, entries, { kind: 'overall' }).map((g) => g.id)).toEqual(['general', 'align', 'analysis']);
    const found = searchBank(rubric, entries, 'quote');
    expect(groupBank(rubric, found).map((g) => g.title)).toEqual(['Analysis']);
  });
});

describe('the composer and the fields', () => {
  it('offers a criterion’s texts then general ones, matched on typed words', () => {
    const texts = textsFor(entries, 'align');
    expect(texts).toEqual([
      'Map each item to the objective.',
      'Start from the objective.',
      'Thank you for a clear packet.',
    ]);
    expect(matchBank(texts, 'the obj')).toEqual(['Map each item to the objective.', 'Start from the objective.']);
    expect(matchBank(texts, 'a')).toEqual([]);
  });
  it('adds an entry on a line of its own', () => {
    expect(withEntry('', 'New.')).toBe('New.');
    expect(withEntry('Written. \n', 'New.')).toBe('Written.\nNew.');
  });
  it('inserts into the overall feedback or one criterion’s, leaving the rest alone', () => {
    const draft = emptyDraft('0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10', 1, '2026-01-01T00:00:00Z');
    const one = insertIntoDraft(draft, { kind: 'criterion', criterionId: 'align' }, 'Map items.');
    const two = insertIntoDraft(one, { kind: 'overall' }, 'Thank you.');
    expect(two.feedback).toEqual({ overall: 'Thank you.', byCriterion: { align: 'Map items.' } });
    expect(insertIntoDraft(two, { kind: 'criterion', criterionId: 'align' }, 'Again.').feedback.byCriterion.align).toBe(
      'Map items.\nAgain.',
    );
  });
  it('names the fields', () => {
    expect(fieldLabel(rubric, { kind: 'overall' })).toBe('Overall feedback');
    expect(fieldLabel(rubric, { kind: 'criterion', criterionId: 'align' })).toBe('Feedback on Alignment');
  });
});

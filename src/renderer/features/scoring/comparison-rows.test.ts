import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../shared/domain/rubric';
import type { ScoreRecord } from '../../../shared/domain/score';
import { agreementOf, agreementWords, compareScorings } from './comparison-rows';

const levels = [
  { id: 'b', label: 'Beginning', score: 1, descriptor: 'd' },
  { id: 'd', label: 'Developing', score: 2, descriptor: 'd' },
  { id: 'p', label: 'Proficient', score: 3, descriptor: 'd' },
  { id: 'e', label: 'Exemplary', score: 5, descriptor: 'd' },
];
const rubric: Rubric = {
  id: 'r',
  version: '1',
  title: 'R',
  decisionRule: { kind: 'all-at-least', minLevelScore: 3 },
  criteria: ['one', 'two', 'three', 'four'].map((id) => ({ id, title: `Criterion ${id}`, lookFors: [], levels })),
};

function record(levelsById: Record<string, string>, extra: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    id: crypto.randomUUID(),
    packetId: crypto.randomUUID(),
    rubricId: 'r',
    rubricVersion: '1',
    assessorId: 'a',
    revision: 1,
    criteria: Object.entries(levelsById).map(([criterionId, levelId]) => ({ criterionId, levelId, rationale: '' })),
    comments: [],
    decision: { kind: 'not-yet' },
    candidateFeedback: { overall: '', byCriterion: [] },
    privateNotes: '',
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

describe('agreementOf', () => {
  it('compares level positions, not scores', () => {
    expect(agreementOf(2, 2)).toBe('exact');
    expect(agreementOf(2, 3)).toBe('adjacent'); // Proficient (3) and Exemplary (5): one step apart
    expect(agreementOf(0, 2)).toBe('discrepant');
    expect(agreementOf(undefined, 1)).toBe('missing');
  });
});

describe('compareScorings', () => {
  const left = record(
    { one: 'p', two: 'p', three: 'b' },
    {
      decision: { kind: 'earned' },
      candidateFeedback: { overall: 'Well done', byCriterion: [{ criterionId: 'one', text: 'Keep the objective.' }] },
      privateNotes: 'mine only',
    },
  );
  const right = record(
    { one: 'p', two: 'e', three: 'p', four: 'd' },
    { candidateFeedback: { overall: 'Well done', byCriterion: [] } },
  );

  it('marks each criterion and counts them', () => {
    const { criteria, counts } = compareScorings(rubric, left, right, { privateNotes: false });
    expect(criteria.map((c) => [c.criterionId, c.agreement, c.steps])).toEqual([
      ['one', 'exact', 0],
      ['two', 'adjacent', 1],
      ['three', 'discrepant', 2],
      ['four', 'missing', undefined],
    ]);
    expect(counts).toEqual({ exact: 1, adjacent: 1, discrepant: 1, missing: 1 });
    expect(criteria[0]!.left).toEqual({
      level: 'Proficient',
      score: 3,
      rationale: '',
      feedback: 'Keep the objective.',
    });
    expect(agreementWords(criteria[2]!)).toBe('Discrepant (2 levels apart)');
  });

  it('lists the review’s fields, private notes only when asked, empty ones left out', () => {
    const hidden = compareScorings(rubric, left, right, { privateNotes: false }).fields;
    expect(hidden.map((f) => [f.label, f.same])).toEqual([
      ['Decision', false],
      ['Overall feedback', true],
      ['Evidence comments', true],
    ]);
    const shown = compareScorings(rubric, left, right, { privateNotes: true }).fields;
    expect(shown.at(-1)).toEqual({ label: 'Private notes', left: 'mine only', right: '', same: false });
  });

  it('without the rubric, compares level ids and cannot call them adjacent', () => {
    const { criteria } = compareScorings(undefined, left, right, { privateNotes: false });
    expect(criteria.map((c) => c.agreement)).toEqual(['exact', 'discrepant', 'discrepant', 'missing']);
    expect(agreementWords(criteria[1]!)).toBe('Different levels');
  });
});

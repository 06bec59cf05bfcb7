import { describe, expect, it } from 'vitest';
import { Rubric, type DecisionRule } from '../domain/rubric';
import {
  describeRule,
  feedbackThreshold,
  impliedDecision,
  rubricMaxTotal,
  rubricTotal,
  scoreInWords,
} from './decision-rules';

const LEVELS = [
  { id: 'l1', label: 'Beginning', score: 1, descriptor: 'Absent.' },
  { id: 'l2', label: 'Developing', score: 2, descriptor: 'Emerging.' },
  { id: 'l3', label: 'Proficient', score: 3, descriptor: 'Meets the standard.' },
  { id: 'l4', label: 'Exemplary', score: 4, descriptor: 'Exceeds the standard.' },
];

function rubric(decisionRule: DecisionRule, extra: { weights?: number[]; rationaleRequiredBelowScore?: number } = {}) {
  return Rubric.parse({
    id: 'r',
    version: '1',
    title: 'Rubric',
    decisionRule,
    rationaleRequiredBelowScore: extra.rationaleRequiredBelowScore,
    criteria: ['design', 'use', 'reflect'].map((id, index) => ({
      id,
      title: id,
      weight: extra.weights?.[index],
      levels: LEVELS,
    })),
  });
}

const allAtLeast3 = rubric({ kind: 'all-at-least', minLevelScore: 3 });

describe('impliedDecision', () => {
  it('is undefined while any criterion is unscored', () => {
    expect(impliedDecision(allAtLeast3, {})).toBeUndefined();
    expect(impliedDecision(allAtLeast3, { design: 'l4', use: 'l4' })).toBeUndefined();
  });

  it('treats a level id the criterion does not have as unscored', () => {
    expect(impliedDecision(allAtLeast3, { design: 'l4', use: 'l4', reflect: 'l9' })).toBeUndefined();
  });

  it('all-at-least: earned only when every level reaches the minimum', () => {
    expect(impliedDecision(allAtLeast3, { design: 'l3', use: 'l4', reflect: 'l3' })).toBe('earned');
    expect(impliedDecision(allAtLeast3, { design: 'l4', use: 'l4', reflect: 'l2' })).toBe('not-yet');
  });

  it('total-at-least: compares the weighted total with the minimum, inclusive', () => {
    const total9 = rubric({ kind: 'total-at-least', minTotal: 9 });
    expect(impliedDecision(total9, { design: 'l4', use: 'l4', reflect: 'l1' })).toBe('earned');
    expect(impliedDecision(total9, { design: 'l4', use: 'l2', reflect: 'l2' })).toBe('not-yet');

    const weighted = rubric({ kind: 'total-at-least', minTotal: 12 }, { weights: [2, 1, 1] });
    // 2×4 + 2 + 2 = 12
    expect(impliedDecision(weighted, { design: 'l4', use: 'l2', reflect: 'l2' })).toBe('earned');
    expect(impliedDecision(weighted, { design: 'l2', use: 'l4', reflect: 'l3' })).toBe('not-yet');
  });
});

describe('rubricTotal', () => {
  it('sums score × weight over the criteria scored so far', () => {
    const weighted = rubric({ kind: 'total-at-least', minTotal: 12 }, { weights: [2, 0.5, 1] });
    expect(rubricTotal(weighted, {})).toBe(0);
    expect(rubricTotal(weighted, { design: 'l3' })).toBe(6);
    expect(rubricTotal(weighted, { design: 'l3', use: 'l4', reflect: 'l1' })).toBe(9);
    expect(rubricMaxTotal(weighted)).toBe(14);
  });
});

describe('describeRule', () => {
  it('names the level when every criterion agrees on its label', () => {
    expect(describeRule(allAtLeast3)).toBe('Earned when every criterion is at Proficient (3) or above');
  });

  it('falls back to the number when criteria name the level differently', () => {
    const mixed = Rubric.parse({
      ...allAtLeast3,
      criteria: [
        allAtLeast3.criteria[0],
        { ...allAtLeast3.criteria[1], levels: LEVELS.map((l) => (l.score === 3 ? { ...l, label: 'Meets' } : l)) },
      ],
    });
    expect(describeRule(mixed)).toBe('Earned when every criterion is at a level scoring 3 or above');
    expect(scoreInWords(mixed, 4)).toBe('Exemplary (4)');
  });

  it('describes a total rule with the possible maximum, and says when it is weighted', () => {
    expect(describeRule(rubric({ kind: 'total-at-least', minTotal: 9 }))).toBe(
      'Earned when the total of the level scores is 9 or more, out of a possible 12',
    );
    expect(describeRule(rubric({ kind: 'total-at-least', minTotal: 10 }, { weights: [2, 1, 1] }))).toBe(
      'Earned when the weighted total (each level score × its criterion weight) is 10 or more, out of a possible 16',
    );
  });
});

describe('feedbackThreshold', () => {
  it('prefers the rubric’s own rationaleRequiredBelowScore', () => {
    expect(
      feedbackThreshold(rubric({ kind: 'all-at-least', minLevelScore: 3 }, { rationaleRequiredBelowScore: 2 })),
    ).toBe(2);
  });

  it('uses minLevelScore for an all-at-least rule', () => {
    expect(feedbackThreshold(rubric({ kind: 'all-at-least', minLevelScore: 2 }))).toBe(2);
  });

  it('uses the first criterion’s second-highest level for a total rule', () => {
    expect(feedbackThreshold(rubric({ kind: 'total-at-least', minTotal: 9 }))).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { agreementReport, type CriterionRating } from './report';

describe('agreement report', () => {
  it('reports per criterion beside the whole, raters in order of first appearance', () => {
    const ratings: CriterionRating[] = [
      { unit: 'p1', rater: 'zoe', criterion: 'Planning', score: 3 },
      { unit: 'p1', rater: 'adam', criterion: 'Planning', score: 3 },
      { unit: 'p2', rater: 'zoe', criterion: 'Planning', score: 2 },
      { unit: 'p2', rater: 'adam', criterion: 'Planning', score: 1 },
      { unit: 'p1', rater: 'zoe', criterion: 'Assessment', score: 4 },
      { unit: 'p1', rater: 'adam', criterion: 'Assessment', score: 4 },
      { unit: 'p2', rater: 'zoe', criterion: 'Assessment', score: 1 },
      { unit: 'p2', rater: 'adam', criterion: 'Assessment', score: 1 },
    ];
    const report = agreementReport(ratings);
    expect(report.units).toBe(4);
    expect(report.levels).toEqual([1, 2, 3, 4]);
    expect(report.exactAgreement).toBe(0.75);
    expect(report.pairwise.map((p) => [p.raterA, p.raterB, p.n])).toEqual([['zoe', 'adam', 4]]);
    expect(Object.keys(report.criteria!)).toEqual(['Planning', 'Assessment']);
    expect(report.criteria!.Assessment!.exactAgreement).toBe(1);
    expect(report.criteria!.Planning!.exactAgreement).toBe(0.5);
  });

  it('explains the kappa paradox in one sentence when kappa collapses while raters agree', () => {
    // 20 packets, 3 raters, nearly every rating "3": raters agree on 19 of 20.
    const ratings: CriterionRating[] = [];
    for (let u = 0; u < 20; u++) {
      for (const rater of ['a', 'b', 'c'])
        ratings.push({ unit: `p${u}`, rater, score: u === 0 && rater === 'a' ? 2 : 3 });
    }
    const report = agreementReport(ratings, [1, 2, 3, 4]);
    expect(report.exactAgreement).toBe(0.95);
    expect(report.fleissKappa!).toBeLessThan(0);
    expect(report.gwetAC1!).toBeGreaterThan(0.9);
    expect(report.notes.filter((n) => /kappa paradox/.test(n))).toHaveLength(1);
  });

  it('gives null and a note saying why where a statistic is not defined', () => {
    const report = agreementReport([
      { unit: 'p1', rater: 'a', score: 2 },
      { unit: 'p2', rater: 'b', score: 2 },
    ]);
    expect(report.fleissKappa).toBeNull();
    expect(report.pairwise[0]!.cohenKappa).toBeNull();
    expect(report.notes).toContain('Fleiss’ kappa: not defined, no unit was scored by every rater.');
    expect(
      report.notes.some((n) =>
        n.startsWith('Cohen’s kappa: not defined for the pair a–b, the two raters scored no unit in common'),
      ),
    ).toBe(true);
  });
});

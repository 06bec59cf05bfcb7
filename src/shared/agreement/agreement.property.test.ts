import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen';
import { summarise, type AgreementSummary } from './report';
import { ratingTable, type Rating } from './ratings';
import type { Weighting } from './weights';

const LEVELS = [1, 2, 3, 4];

/** Units × raters, each cell a level or missing. */
const scoreGrid = fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 5 })).chain(([units, raters]) =>
  fc.array(
    fc.array(fc.option(fc.constantFrom(...LEVELS), { nil: undefined, freq: 5 }), {
      minLength: raters,
      maxLength: raters,
    }),
    {
      minLength: units,
      maxLength: units,
    },
  ),
);

function ratingsOf(grid: (number | undefined)[][], raterOrder?: number[]): Rating[] {
  const order = raterOrder ?? grid[0]!.map((_, r) => r);
  return grid.flatMap((row, u) =>
    order.flatMap((r) => (row[r] === undefined ? [] : [{ unit: `u${u}`, rater: `r${r}`, score: row[r]! }])),
  );
}

const close = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 1e-9);

function sameStatistics(a: AgreementSummary, b: AgreementSummary): boolean {
  const keys = [
    'exactAgreement',
    'adjacentAgreement',
    'pairwiseExactAgreement',
    'pairwiseAdjacentAgreement',
    'fleissKappa',
    'gwetAC1',
    'brennanPrediger',
  ] as const;
  return (
    keys.every((key) => close(a[key], b[key])) &&
    (['nominal', 'ordinal', 'interval', 'ratio'] as const).every((m) =>
      close(a.krippendorffAlpha[m], b.krippendorffAlpha[m]),
    )
  );
}

describe('agreement statistics: properties', () => {
  it("Cohen's kappa is symmetric in its two raters, for every weighting", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom<Weighting>('identity', 'linear', 'quadratic'),
        (pairs, weighting) => {
          const a = pairs.map(([x]) => x);
          const b = pairs.map(([, y]) => y);
          expect(close(cohenKappa(a, b, 4, weighting).value, cohenKappa(b, a, 4, weighting).value)).toBe(true);
        },
      ),
    );
  });

  it('no statistic depends on the order in which the raters come', () => {
    fc.assert(
      fc.property(scoreGrid, fc.context(), (grid, ctx) => {
        const raters = grid[0]!.length;
        const reversed = [...Array(raters).keys()].reverse();
        const forward = summarise(ratingTable(ratingsOf(grid), LEVELS));
        const backward = summarise(ratingTable(ratingsOf(grid, reversed), LEVELS));
        ctx.log(JSON.stringify({ forward, backward }));
        expect(sameStatistics(forward, backward)).toBe(true);
      }),
    );
  });

  it('perfect agreement gives 1 for every statistic that is defined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LEVELS), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 2, max: 6 }),
        (unitLevels, raters) => {
          const grid = unitLevels.map((level) => Array<number>(raters).fill(level));
          const s = summarise(ratingTable(ratingsOf(grid), LEVELS));
          const values = [
            s.exactAgreement,
            s.adjacentAgreement,
            s.pairwiseExactAgreement,
            s.fleissKappa,
            s.gwetAC1,
            s.brennanPrediger,
            ...Object.values(s.krippendorffAlpha),
            ...s.pairwise.flatMap((p) => [p.cohenKappa, p.linearWeightedKappa, p.quadraticWeightedKappa]),
          ];
          for (const v of values) if (v !== null) expect(v).toBeCloseTo(1, 9);
          expect(s.gwetAC1).not.toBeNull();
        },
      ),
    );
  });

  it('chance-corrected coefficients never exceed 1', () => {
    fc.assert(
      fc.property(scoreGrid, (grid) => {
        const s = summarise(ratingTable(ratingsOf(grid), LEVELS));
        for (const v of [s.fleissKappa, s.gwetAC1, s.brennanPrediger, ...Object.values(s.krippendorffAlpha)]) {
          if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
    );
  });
});

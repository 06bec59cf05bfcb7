import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen';
import { fleissKappa } from './fleiss';
import { brennanPrediger, gwetAC } from './gwet';
import { krippendorffAlpha } from './krippendorff';
import { agreementWithMaster } from './master';
import { allRatersAgreement, pairwiseAgreement } from './percent';
import { ratingTable, type Statistic } from './ratings';
import {
  ANXIETY_RATER2,
  ANXIETY_RATER3,
  FLEISS_1971_DIAGNOSES,
  GWET_5_OBSERVERS,
  GWET_BEN_GERRY,
  GWET_G1G2,
  GWET_GENDER,
  KRIPPENDORFF_2011,
  WIKIPEDIA_FLEISS_COUNTS,
  fromColumns,
  fromCounts,
  fromRows,
} from './reference-data';

const valueOf = (statistic: Statistic) => {
  if (statistic.value === null) throw new Error(`undefined: ${statistic.reason}`);
  return statistic.value;
};

/** Two raters' scores as a table (levels: those observed, as R irr and scikit-learn take them). */
function twoRaters(a: readonly (number | string)[], b: readonly (number | string)[]) {
  const table = ratingTable(fromColumns({ a: [...a], b: [...b] }));
  const column = (r: number) => table.cells.map((row) => row[r]);
  return { a: column(0), b: column(1), q: table.levels.length };
}

function kappas(a: readonly number[], b: readonly number[]) {
  const t = twoRaters(a, b);
  return {
    unweighted: valueOf(cohenKappa(t.a, t.b, t.q)),
    linear: valueOf(cohenKappa(t.a, t.b, t.q, 'linear')),
    quadratic: valueOf(cohenKappa(t.a, t.b, t.q, 'quadratic')),
  };
}

const repeat = (pairs: [number, number][]) => pairs.flatMap(([value, count]) => Array<number>(count).fill(value));

describe("Cohen's kappa against published values", () => {
  it('R irr::kappa2 on the anxiety data, raters 2 and 3: unweighted, "equal" and "squared" weights', () => {
    const k = kappas(ANXIETY_RATER2, ANXIETY_RATER3);
    expect(k.unweighted).toBeCloseTo(-0.006289308, 6);
    expect(k.linear).toBeCloseTo(0.1459075, 6);
    expect(k.quadratic).toBeCloseTo(0.2520325, 6);
  });

  it("scikit-learn's cohen_kappa_score tests (binary; Artstein and Poesio table 4; weighting)", () => {
    const binary = kappas(
      repeat([
        [0, 40],
        [1, 60],
      ]),
      repeat([
        [0, 20],
        [1, 20],
        [0, 10],
        [1, 50],
      ]),
    );
    expect(binary.unweighted).toBeCloseTo(0.348, 3);
    const artstein = kappas(
      repeat([
        [0, 46],
        [1, 44],
        [2, 10],
      ]),
      repeat([
        [0, 52],
        [1, 32],
        [2, 16],
      ]),
    );
    expect(artstein.unweighted).toBeCloseTo(0.8013, 4);
    const weighted = kappas(
      repeat([
        [0, 46],
        [1, 44],
        [2, 10],
      ]),
      repeat([
        [0, 50],
        [1, 40],
        [2, 10],
      ]),
    );
    expect(weighted.unweighted).toBeCloseTo(0.9315, 4);
    expect(weighted.linear).toBeCloseTo(0.9412, 4);
    expect(weighted.quadratic).toBeCloseTo(0.9541, 4);
  });

  it("statsmodels' SAS example (a 3 × 3 table): simple 0.4842, linear weights 0.4701", () => {
    const table = [
      [0, 4, 1],
      [0, 8, 0],
      [0, 1, 5],
    ];
    const a: number[] = [];
    const b: number[] = [];
    table.forEach((row, i) =>
      row.forEach((count, j) => {
        for (let c = 0; c < count; c++) {
          a.push(i);
          b.push(j);
        }
      }),
    );
    expect(valueOf(cohenKappa(a, b, 3))).toBeCloseTo(0.4842, 4);
    expect(valueOf(cohenKappa(a, b, 3, 'linear'))).toBeCloseTo(0.4701, 4);
  });
});

describe("Fleiss' kappa against published values", () => {
  it('Fleiss (1971): 30 patients, 6 raters → 0.4302445 (R irr::kappam.fleiss)', () => {
    expect(valueOf(fleissKappa(ratingTable(fromRows(FLEISS_1971_DIAGNOSES))))).toBeCloseTo(0.4302445, 7);
  });

  it("Wikipedia's example: 10 units, 14 raters → 0.210", () => {
    const ratings = fromCounts(WIKIPEDIA_FLEISS_COUNTS, [1, 2, 3, 4, 5]);
    expect(valueOf(fleissKappa(ratingTable(ratings)))).toBeCloseTo(0.21, 3);
  });

  it('uses only the units every rater scored', () => {
    const ratings = fromColumns({ a: [1, 2, 1], b: [1, 2, null] });
    expect(valueOf(fleissKappa(ratingTable(ratings)))).toBe(1);
  });
});

describe("Krippendorff's alpha against Krippendorff (2011)", () => {
  const table = ratingTable(fromColumns(KRIPPENDORFF_2011));
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s → %s', (metric, expected) => {
    expect(valueOf(krippendorffAlpha(table, metric))).toBeCloseTo(expected, 3);
  });

  it.each([
    ['raw_5observers', GWET_5_OBSERVERS, 0.481],
    ['raw_g1g2', GWET_G1G2, 0.632],
    ['raw_gender', GWET_GENDER, 0.143],
    ['raw_ben_gerry', GWET_BEN_GERRY, 0.665],
  ] as const)("nominal on irrCAC's %s", (_name, data, expected) => {
    expect(valueOf(krippendorffAlpha(ratingTable(fromColumns(data)), 'nominal'))).toBeCloseTo(expected, 3);
  });
});

describe("Gwet's AC1/AC2 and Brennan–Prediger against irrCAC (Gwet 2014)", () => {
  const fourRaters = ratingTable(fromColumns(KRIPPENDORFF_2011));
  it('raw_4raters: AC1 0.77544, AC2 linear 0.859, quadratic 0.914', () => {
    expect(valueOf(gwetAC(fourRaters))).toBeCloseTo(0.77544, 5);
    expect(valueOf(gwetAC(fourRaters, 'linear'))).toBeCloseTo(0.859, 3);
    expect(valueOf(gwetAC(fourRaters, 'quadratic'))).toBeCloseTo(0.914, 3);
  });

  it('raw_4raters: Brennan–Prediger 0.773, linear 0.848, quadratic 0.902', () => {
    expect(valueOf(brennanPrediger(fourRaters))).toBeCloseTo(0.773, 3);
    expect(valueOf(brennanPrediger(fourRaters, 'linear'))).toBeCloseTo(0.848, 3);
    expect(valueOf(brennanPrediger(fourRaters, 'quadratic'))).toBeCloseTo(0.902, 3);
  });

  it.each([
    ['raw_5observers', GWET_5_OBSERVERS, 0.497, 0.487],
    ['raw_g1g2', GWET_G1G2, 0.685, 0.679],
    ['raw_gender', GWET_GENDER, 0.208, 0.183],
    ['raw_ben_gerry', GWET_BEN_GERRY, 0.661, 0.659],
  ] as const)('%s: AC1 and Brennan–Prediger', (_name, data, ac1, bp) => {
    const table = ratingTable(fromColumns(data));
    expect(valueOf(gwetAC(table))).toBeCloseTo(ac1, 3);
    expect(valueOf(brennanPrediger(table))).toBeCloseTo(bp, 3);
  });
});

describe('percent agreement, both definitions', () => {
  // Units 1–3 complete; unit 4 scored by a and b only.
  const table = ratingTable(fromColumns({ a: [1, 2, 3, 4], b: [1, 2, 4, 4], c: [1, 3, 4, null] }));
  it('all raters, over complete units: exact 1/3, adjacent 3/3', () => {
    expect(valueOf(allRatersAgreement(table, 0))).toBeCloseTo(1 / 3, 10);
    expect(valueOf(allRatersAgreement(table, 1))).toBe(1);
  });
  it('mean over rater pairs, over each pair’s common units: exact (3/4 + 1/3 + 2/3) / 3', () => {
    expect(valueOf(pairwiseAgreement(table, 0))).toBeCloseTo((3 / 4 + 1 / 3 + 2 / 3) / 3, 10);
    expect(valueOf(pairwiseAgreement(table, 1))).toBe(1);
  });
});

describe('agreement with the master score', () => {
  it('exact, adjacent, quadratic weighted kappa and severity over the units both scored', () => {
    const master = [0, 1, 2, 3, 2];
    const lenient = [1, 1, 3, 3, undefined];
    const result = agreementWithMaster(lenient, master, 4);
    expect(result.n).toBe(4);
    expect(result.exact).toBe(0.5);
    expect(result.adjacent).toBe(1);
    expect(result.meanSignedDifference).toBe(0.5);
    expect(result.quadraticWeightedKappa.value).toBeGreaterThan(0.5);
    expect(agreementWithMaster([undefined], [1], 4).exact).toBeNull();
  });
});

describe('undefined statistics say why', () => {
  it('a single level throughout: kappa is not defined, with the reason', () => {
    const k = cohenKappa([0, 0, 0], [0, 0, 0], 1);
    expect(k).toMatchObject({ value: null, reason: expect.stringMatching(/single level/) });
    expect(fleissKappa(ratingTable(fromColumns({ a: [1], b: [1] })))).toMatchObject({ value: null });
    expect(krippendorffAlpha(ratingTable(fromColumns({ a: [1, 1], b: [1, 1] })), 'nominal')).toMatchObject({
      value: null,
      reason: expect.stringMatching(/no variation/),
    });
  });
  it('a rater scoring a unit twice, or a score off the scale, is an error naming it', () => {
    expect(() =>
      ratingTable([
        { unit: 'p1', rater: 'x', score: 1 },
        { unit: 'p1', rater: 'x', score: 2 },
      ]),
    ).toThrow(/rater x scored unit p1 twice/);
    expect(() => ratingTable([{ unit: 'p1', rater: 'x', score: 7 }], [1, 2, 3, 4])).toThrow(/not one of the levels/);
  });
});

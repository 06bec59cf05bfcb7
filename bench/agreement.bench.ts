import { agreementReport, type CriterionRating } from '../src/shared/agreement';
import { median, type BudgetResult } from './machine';

/**
 * A scoring program's largest norming data: 100 assessors × 50 anchor packets × 6 criteria, every
 * statistic (pairwise kappas for all 4,950 pairs included), overall and per criterion.
 */
export function syntheticRatings(assessors: number, packets: number, criteria: number, seed = 7): CriterionRating[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ratings: CriterionRating[] = [];
  for (let p = 0; p < packets; p++) {
    for (let c = 0; c < criteria; c++) {
      const truth = 1 + Math.floor(random() * 4);
      for (let a = 0; a < assessors; a++) {
        if (random() < 0.03) continue; // a few ratings missing, as in life
        const drift = random() < 0.7 ? 0 : random() < 0.5 ? -1 : 1;
        ratings.push({
          unit: `packet-${p}`,
          rater: `assessor-${a}`,
          criterion: `criterion-${c}`,
          score: Math.min(4, Math.max(1, truth + drift)),
        });
      }
    }
  }
  return ratings;
}

export function benchAgreement(): BudgetResult {
  const ratings = syntheticRatings(100, 50, 6);
  const times: number[] = [];
  // Three runs to warm the JIT (the first is reported), then five timed.
  for (let run = 0; run < 8; run++) {
    const start = performance.now();
    agreementReport(ratings, [1, 2, 3, 4]);
    times.push(performance.now() - start);
  }
  const warm = times.slice(3);
  const measured = median(warm);
  return {
    budget:
      'All agreement statistics for 100 assessors × 50 packets × 6 criteria (overall and per criterion, 4,950 rater pairs)',
    measured: `median ${measured.toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms`,
    notes: `${ratings.length} ratings; first run ${times[0]!.toFixed(0)} ms; median of 5 after 3 warm-up runs`,
    limit: '< 100 ms',
    pass: measured < 100,
  };
}

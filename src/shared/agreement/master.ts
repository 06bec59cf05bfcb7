import { cohenKappa } from './cohen';
import type { Statistic } from './ratings';

/** One assessor against the master (consensus) scores, as a norming report shows it. */
export interface MasterAgreement {
  /** Units both the assessor and the master scored. */
  n: number;
  exact: number | null;
  adjacent: number | null;
  quadraticWeightedKappa: Statistic;
  /** Mean of (assessor − master) in levels: above 0 the assessor is lenient, below 0 severe. */
  meanSignedDifference: number | null;
}

/** `rater[u]` and `master[u]` are positions on a scale of `q` levels (undefined where missing). */
export function agreementWithMaster(
  rater: readonly (number | undefined)[],
  master: readonly (number | undefined)[],
  q: number,
): MasterAgreement {
  let n = 0;
  let exact = 0;
  let adjacent = 0;
  let difference = 0;
  rater.forEach((r, u) => {
    const m = master[u];
    if (r === undefined || m === undefined) return;
    n += 1;
    if (r === m) exact += 1;
    if (Math.abs(r - m) <= 1) adjacent += 1;
    difference += r - m;
  });
  const kappa = cohenKappa(rater, master, q, 'quadratic');
  const quadraticWeightedKappa: Statistic =
    kappa.value === null ? { value: null, reason: kappa.reason } : { value: kappa.value };
  return {
    n,
    exact: n ? exact / n : null,
    adjacent: n ? adjacent / n : null,
    quadraticWeightedKappa,
    meanSignedDifference: n ? difference / n : null,
  };
}

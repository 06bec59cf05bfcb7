/**
 * Agreement weights between level positions i and j on a scale of q levels: 1 on the diagonal,
 * falling with distance. Linear: 1 − |i − j| / (q − 1); quadratic: 1 − (i − j)² / (q − 1)²
 * (Cohen 1968; Gwet 2014, ch. 3). Identity gives the unweighted statistics.
 */
export type Weighting = 'identity' | 'linear' | 'quadratic';

export function weightMatrix(q: number, weighting: Weighting): number[][] {
  return Array.from({ length: q }, (_, i) =>
    Array.from({ length: q }, (_, j) => {
      if (weighting === 'identity' || q === 1) return i === j ? 1 : 0;
      const d = Math.abs(i - j) / (q - 1);
      return weighting === 'linear' ? 1 - d : 1 - d * d;
    }),
  );
}

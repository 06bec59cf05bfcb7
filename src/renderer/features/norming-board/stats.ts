import type { CriterionResult } from '../../../shared/contract/norming';

export interface StatRow {
  label: string;
  value: string;
  /** What the figure means, for the reader who does not know the statistic. */
  help: string;
}

/** A share 0..1 as a whole percentage; null (undefined for the data) as an em dash. */
export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
/** A coefficient to three decimals, the precision the statistics are checked to. */
export const coefficient = (value: number | null) => (value === null ? '—' : value.toFixed(3));

/** The agreement statistics of one criterion as the board lists them. */
export function criterionStats(result: CriterionResult): StatRow[] {
  return [
    {
      label: 'Exact agreement',
      value: percent(result.exactAgreement),
      help: 'anchors where every participant chose the same level',
    },
    {
      label: 'Adjacent agreement',
      value: percent(result.adjacentAgreement),
      help: 'anchors where all are within one level',
    },
    {
      label: 'Gwet’s AC1',
      value: coefficient(result.gwetAC1),
      help: 'chance-corrected; stable when most choose one level',
    },
    {
      label: 'Fleiss’ kappa',
      value: coefficient(result.fleissKappa),
      help: 'chance-corrected agreement among all participants',
    },
    {
      label: 'Krippendorff’s α (ordinal)',
      value: coefficient(result.krippendorffAlphaOrdinal),
      help: 'below 0.667 the criterion is a candidate for rubric revision',
    },
  ];
}

/** Severity in words from the mean signed difference (levels): who scores above or below the master. */
export function severityWords(meanSignedDifference: number | null): string {
  if (meanSignedDifference === null) return '—';
  if (Math.abs(meanSignedDifference) < 0.05) return 'on the master';
  const amount = Math.abs(meanSignedDifference).toFixed(2);
  return meanSignedDifference > 0 ? `${amount} levels lenient` : `${amount} levels severe`;
}

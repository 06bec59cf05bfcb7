import { readFile } from 'node:fs/promises';
import { agreementReport, type AgreementReport, type AgreementSummary } from '../shared/agreement';
import { parseLevels, readRatingsCsv } from '../shared/agreement/ratings-csv';

export const AGREEMENT_USAGE =
  '  agreement <ratings.csv> [--levels 1,2,3,4] [--json]   inter-rater agreement of unit,rater,score[,criterion] ratings';

/** `anchor agreement`: reads the ratings, prints the report; 1 with a message naming the line on bad input. */
export async function runAgreement(
  file: string,
  options: { levels?: string; json: boolean },
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let report: AgreementReport;
  try {
    const levels = options.levels === undefined ? undefined : parseLevels(options.levels);
    const text = await readFile(file, 'utf8');
    report = agreementReport(readRatingsCsv(text, levels), levels);
  } catch (error) {
    err(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  out(options.json ? JSON.stringify(asJson(report), null, 2) : humanReport(report));
  return 0;
}

/** The JSON document, keys in the documented order. */
function asJson(report: AgreementReport) {
  const summary = (s: AgreementSummary) => ({
    units: s.units,
    raters: s.raters,
    exactAgreement: s.exactAgreement,
    adjacentAgreement: s.adjacentAgreement,
    pairwiseExactAgreement: s.pairwiseExactAgreement,
    pairwiseAdjacentAgreement: s.pairwiseAdjacentAgreement,
    fleissKappa: s.fleissKappa,
    gwetAC1: s.gwetAC1,
    brennanPrediger: s.brennanPrediger,
    krippendorffAlpha: s.krippendorffAlpha,
    pairwise: s.pairwise,
    notes: s.notes,
  });
  const { notes, ...rest } = summary(report);
  return {
    ...rest,
    ...(report.criteria
      ? { criteria: Object.fromEntries(Object.entries(report.criteria).map(([name, s]) => [name, summary(s)])) }
      : {}),
    notes,
  };
}

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const coefficient = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function humanReport(report: AgreementReport): string {
  const s = report;
  const lines = [
    `${s.units} units, ${s.raters} raters, levels ${report.levels.join(', ')}`,
    '',
    table([
      ['Statistic', 'Value'],
      ['Exact agreement, all raters (units every rater scored)', percent(s.exactAgreement)],
      ['Adjacent agreement, all raters (within one level)', percent(s.adjacentAgreement)],
      ['Exact agreement, mean over rater pairs', percent(s.pairwiseExactAgreement)],
      ['Adjacent agreement, mean over rater pairs', percent(s.pairwiseAdjacentAgreement)],
      ['Fleiss’ kappa (units every rater scored)', coefficient(s.fleissKappa)],
      ['Gwet’s AC1', coefficient(s.gwetAC1)],
      ['Brennan–Prediger', coefficient(s.brennanPrediger)],
      ['Krippendorff’s alpha, nominal', coefficient(s.krippendorffAlpha.nominal)],
      ['Krippendorff’s alpha, ordinal', coefficient(s.krippendorffAlpha.ordinal)],
      ['Krippendorff’s alpha, interval', coefficient(s.krippendorffAlpha.interval)],
      ['Krippendorff’s alpha, ratio', coefficient(s.krippendorffAlpha.ratio)],
    ]),
  ];
  if (s.pairwise.length) {
    lines.push(
      '',
      'Cohen’s kappa per pair of raters',
      table([
        ['Rater A', 'Rater B', 'Units', 'Kappa', 'Linear', 'Quadratic'],
        ...s.pairwise.map((p) => [
          p.raterA,
          p.raterB,
          String(p.n),
          coefficient(p.cohenKappa),
          coefficient(p.linearWeightedKappa),
          coefficient(p.quadraticWeightedKappa),
        ]),
      ]),
    );
  }
  if (report.criteria) {
    lines.push(
      '',
      'Per criterion',
      table([
        ['Criterion', 'Units', 'Exact', 'Adjacent', 'Fleiss', 'AC1', 'Alpha (ordinal)'],
        ...Object.entries(report.criteria).map(([name, c]) => [
          name,
          String(c.units),
          percent(c.exactAgreement),
          percent(c.adjacentAgreement),
          coefficient(c.fleissKappa),
          coefficient(c.gwetAC1),
          coefficient(c.krippendorffAlpha.ordinal),
        ]),
      ]),
    );
  }
  const notes = [
    ...s.notes,
    ...Object.entries(report.criteria ?? {}).flatMap(([name, c]) => c.notes.map((n) => `${name}: ${n}`)),
  ];
  if (notes.length) lines.push('', 'Notes', ...notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

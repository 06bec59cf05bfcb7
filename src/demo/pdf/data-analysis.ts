import type { GroupSummary, StudentResult } from '../results';
import type { ClassSetting, DataAnalysisSpec, ResultsSpec } from '../spec';
import { drawBarChart, SERIES_COLORS, type BarChart } from './bar-chart';
import { CONTENT_WIDTH, DocWriter, MARGIN, type DocMeta } from './layout';

const CHART_HEIGHT = 230;

/**
 * The class-level analysis: response groups as a bar chart and a table, pre/post means per group
 * as a second chart, then the candidate's findings and next steps. Every number is computed
 * from the same rows as the CSV, so the two never disagree.
 */
export async function dataAnalysisPdf(
  meta: DocMeta,
  setting: ClassSetting,
  spec: DataAnalysisSpec,
  results: ResultsSpec,
  rows: readonly StudentResult[],
  groups: readonly GroupSummary[],
): Promise<Uint8Array> {
  const w = await DocWriter.create(meta);
  const submitted = rows.filter((r) => r.task !== null).length;
  w.titleBlock(spec.title, `${setting.subject} \u00b7 ${setting.grade} \u00b7 ${setting.classLabel}`, [
    ['Students', `${rows.length} on roll; ${submitted} completed the ${results.names.task.toLowerCase()}`],
    [
      'Measures',
      `${results.names.pre} (/${results.maxima.pre}), ${results.names.task} (/${results.maxima.task}), ${results.names.post} (/${results.maxima.post})`,
    ],
    ['Data file', 'assessment-results.csv (one row per student, pseudonymous codes)'],
  ]);
  w.heading('Purpose of this analysis');
  w.paragraph(spec.purpose);

  w.heading('Figure 1. Students in each response group', 1, CHART_HEIGHT);
  chart(w, {
    title: `Number of students by response group (n = ${rows.length})`,
    yLabel: 'Number of students',
    xLabel: 'Response group',
    categories: groups.map((g) => g.group.label),
    series: [{ name: 'Students', color: SERIES_COLORS.teal, values: groups.map((g) => g.count) }],
  });
  w.paragraph(spec.groupChartNote);

  w.heading('Table 1. Response groups', 1, 90);
  w.table(
    [
      { title: 'Group', width: 0.22 },
      { title: 'What the response shows', width: 0.46 },
      { title: 'n', width: 0.08 },
      { title: '%', width: 0.08 },
      { title: 'Students', width: 0.16 },
    ],
    groups.map((g) => [
      g.group.label,
      g.group.description,
      String(g.count),
      `${Math.round((100 * g.count) / rows.length)}%`,
      rows
        .filter((r) => r.group === g.group)
        .map((r) => r.code)
        .join(' '),
    ]),
  );

  w.heading(`Figure 2. ${results.names.pre} and ${results.names.post} by group`, 1, CHART_HEIGHT);
  chart(w, {
    title: `Mean score by response group (out of ${Math.max(results.maxima.pre, results.maxima.post)})`,
    yLabel: 'Mean score',
    xLabel: 'Response group',
    categories: groups.map((g) => g.group.label),
    yMax: Math.max(results.maxima.pre, results.maxima.post),
    format: (v) => v.toFixed(1),
    series: [
      { name: results.names.pre, color: SERIES_COLORS.slate, values: groups.map((g) => round1(g.meanPre)) },
      { name: results.names.post, color: SERIES_COLORS.amber, values: groups.map((g) => round1(g.meanPost)) },
    ],
  });
  w.paragraph(spec.prePostNote);

  w.heading('Findings');
  w.bullets(spec.findings);
  w.heading('Next steps');
  w.bullets(spec.nextSteps);
  return w.save();
}

function chart(w: DocWriter, spec: BarChart): void {
  w.ensureSpace(CHART_HEIGHT + 8);
  const { page, y } = w.current;
  drawBarChart(page, w.fonts, { x: MARGIN, y: y - CHART_HEIGHT, width: CONTENT_WIDTH, height: CHART_HEIGHT }, spec);
  w.advance(CHART_HEIGHT + 10);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

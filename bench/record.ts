import type { BudgetResult } from './machine';

/**
 * BENCHMARKS.md keeps the newest full run as a table and every earlier run as one line, so the
 * file stays short however often the benches run. The two parts sit between marker comments;
 * everything else in the file (how to run, notes on misses) is left as written.
 */
export const NEWEST_START = '<!-- bench:newest -->';
export const NEWEST_END = '<!-- /bench:newest -->';
export const HISTORY_START = '<!-- bench:history -->';
export const HISTORY_END = '<!-- /bench:history -->';
const HISTORY_HEADER = '| date | scope | machine | budgets passed | missed |\n| --- | --- | --- | --- | --- |';

export interface BenchRun {
  /** YYYY-MM-DD */
  date: string;
  machine: string;
  /** Group names run; empty for a full run. */
  groups: string[];
  results: BudgetResult[];
}

export function resultTable(results: BudgetResult[]): string {
  return [
    '| budget | measured | limit | result |',
    '| --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.budget} | ${r.measured}${r.notes ? ` (${r.notes})` : ''} | ${r.limit} | ${r.pass ? 'pass' : '**FAIL**'} |`,
    ),
  ].join('\n');
}

/** The newest full run as shown on top: a heading naming date and machine, then the table. */
export function newestSection(run: BenchRun): string {
  return `### ${run.date} — ${run.machine}\n\n${resultTable(run.results)}`;
}

/** One history line: date, scope, machine, how many budgets passed and which missed. */
export function historyLine(run: BenchRun): string {
  const passed = run.results.filter((r) => r.pass).length;
  const missed = run.results.filter((r) => !r.pass).map((r) => `${r.budget}: ${r.measured}`);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return `| ${run.date} | ${run.groups.length ? run.groups.join(', ') : 'full'} | ${cell(run.machine)} | ${passed} of ${run.results.length} | ${missed.length ? cell(missed.join('; ')) : '—'} |`;
}

/** Reads the newest full run back from its section (so it can become a history line). */
export function parseNewest(section: string): BenchRun | undefined {
  const heading = /^### (\d{4}-\d{2}-\d{2}) — (.+)$/m.exec(section);
  if (!heading) return undefined;
  const results = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| budget |') && !line.startsWith('| ---'))
    .map((line): BudgetResult => {
      const cells = line.slice(2, -2).split(' | ');
      const result = cells.pop() ?? '';
      const limit = cells.pop() ?? '';
      const [budget = '', ...measured] = cells;
      // The measured cell's notes cannot be told apart once joined; keep just the figure.
      return { budget, measured: measured.join(' | ').replace(/ \(.*$/, ''), limit, pass: result === 'pass' };
    });
  return { date: heading[1]!, machine: heading[2]!, groups: [], results };
}

function between(text: string, start: string, end: string): [before: string, inside: string, after: string] {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md lacks the ${start} … ${end} markers`);
  return [text.slice(0, from + start.length), text.slice(from + start.length, to), text.slice(to)];
}

/**
 * Records a run: a full run replaces the newest section and the one it replaces becomes a history
 * line; a run of some groups only becomes a history line at once.
 */
export function recordRun(file: string, run: BenchRun): string {
  const [beforeNewest, newest, afterNewest] = between(file, NEWEST_START, NEWEST_END);
  const lines: string[] = [];
  let newestText = newest;
  if (run.groups.length === 0) {
    const previous = parseNewest(newest);
    if (previous) lines.push(historyLine(previous));
    newestText = `\n${newestSection(run)}\n`;
  } else {
    lines.push(historyLine(run));
  }
  const withNewest = beforeNewest + newestText + afterNewest;
  const [beforeHistory, history, afterHistory] = between(withNewest, HISTORY_START, HISTORY_END);
  const rows = history
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| date |') && !line.startsWith('| ---'));
  return `${beforeHistory}\n${HISTORY_HEADER}\n${[...lines, ...rows].join('\n')}\n${afterHistory}`;
}

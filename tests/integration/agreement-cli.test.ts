import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/anchor';
import { KRIPPENDORFF_2011 } from '../../src/shared/agreement/reference-data';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anchor-agreement-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function csv(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/** Krippendorff (2011)'s table as rows; a missing rating is an empty score for observer A and an absent row otherwise. */
function krippendorffCsv(): string {
  const rows = ['unit,rater,score'];
  for (const [rater, scores] of Object.entries(KRIPPENDORFF_2011)) {
    scores.forEach((score, u) => {
      if (score !== null) rows.push(`${u + 1},${rater},${score}`);
      else if (rater === 'A') rows.push(`${u + 1},${rater},`);
    });
  }
  return rows.join('\n') + '\n';
}

describe('anchor agreement', () => {
  it('--json: the documented keys, numbers as fractions, raters in order of first appearance', async () => {
    const result = await cli('agreement', await csv('k.csv', krippendorffCsv()), '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(Object.keys(report)).toEqual([
      'units',
      'raters',
      'exactAgreement',
      'adjacentAgreement',
      'pairwiseExactAgreement',
      'pairwiseAdjacentAgreement',
      'fleissKappa',
      'gwetAC1',
      'brennanPrediger',
      'krippendorffAlpha',
      'pairwise',
      'notes',
    ]);
    expect(report.units).toBe(12);
    expect(report.krippendorffAlpha.nominal).toBeCloseTo(0.743, 3);
    expect(report.krippendorffAlpha.ordinal).toBeCloseTo(0.815, 3);
    expect(report.gwetAC1).toBeCloseTo(0.775, 3);
    expect(report.pairwise.map((p: { raterA: string; raterB: string }) => p.raterA + p.raterB)).toEqual([
      'AB',
      'AC',
      'AD',
      'BC',
      'BD',
      'CD',
    ]);
  });

  it('statistics per criterion when the file has a criterion column; --levels sets the scale', async () => {
    const file = await csv(
      'c.csv',
      'criterion,unit,rater,score\nPlanning,p1,a,3\nPlanning,p1,b,3\nPlanning,p2,a,2\nPlanning,p2,b,1\nEvidence,p1,a,4\nEvidence,p1,b,4\n',
    );
    const result = await cli('agreement', file, '--json', '--levels', '1,2,3,4');
    const report = JSON.parse(result.out);
    expect(Object.keys(report.criteria)).toEqual(['Planning', 'Evidence']);
    expect(report.criteria.Planning.exactAgreement).toBe(0.5);
    expect(report.criteria.Evidence.fleissKappa).toBeNull();
    expect(report.criteria.Evidence.notes.join(' ')).toMatch(/Fleiss’ kappa: not defined/);
  });

  it('human output: a readable table with agreement as percentages', async () => {
    const result = await cli('agreement', await csv('h.csv', krippendorffCsv()));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Krippendorff’s alpha, ordinal\s+0\.815/);
    expect(result.out).toMatch(/Exact agreement, mean over rater pairs\s+\d+\.\d %/);
  });

  it.each([
    ['no header', '1,a,3\n2,a,4\n', /line 1: expected a header naming the columns unit, rater and score/],
    [
      'a non-numeric score where the levels are numeric',
      'unit,rater,score\n1,a,3\n2,a,high\n',
      /line 3: score "high" is not a number/,
    ],
    [
      'a rater scoring a unit twice',
      'unit,rater,score\n1,a,3\n1,b,3\n1,a,2\n',
      /line 4: rater a already scored unit 1 \(line 2\)/,
    ],
    [
      'a score off the given levels',
      'unit,rater,score\n1,a,3\n1,b,7\n',
      /line 3: score 7 is not one of the levels 1, 2, 3, 4/,
    ],
  ])('%s: exit 1 with a message naming the line', async (name, text, message) => {
    const result = await cli('agreement', await csv(`${name.replace(/\W+/g, '-')}.csv`, text), '--levels', '1,2,3,4');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('runs as `npm run -s anchor -- agreement` from a shell', async () => {
    const file = await csv('shell.csv', krippendorffCsv());
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/anchor.ts', 'agreement', file, '--json'], {
      cwd: resolve(import.meta.dirname, '../..'),
    });
    expect(JSON.parse(stdout).krippendorffAlpha.interval).toBeCloseTo(0.849, 3);
  });
});

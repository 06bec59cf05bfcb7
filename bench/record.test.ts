import { describe, expect, it } from 'vitest';
import { HISTORY_END, HISTORY_START, NEWEST_END, NEWEST_START, recordRun, type BenchRun } from './record';

const file = `# Benchmarks\n\nintro\n\n${NEWEST_START}\n${NEWEST_END}\n\n${HISTORY_START}\n${HISTORY_END}\n\n## Notes\n\nkept\n`;
const machine = '2 × CPU, 24 GiB RAM';
const pass = (budget: string, measured: string) => ({ budget, measured, limit: '≤ 1', pass: true });

function run(date: string, groups: string[], results: BenchRun['results']): BenchRun {
  return { date, machine, groups, results };
}

describe('BENCHMARKS.md record', () => {
  it('puts a full run on top and turns the run it replaces into one history line', () => {
    const first = recordRun(file, run('2026-12-01', [], [pass('Queue', '41 ms')]));
    expect(first).toContain('### 2026-12-01 — 2 × CPU, 24 GiB RAM');
    expect(first).not.toMatch(/\| 2026-12-01 \| full/);

    const second = recordRun(first, run('2026-12-03', [], [{ ...pass('Queue', '400 ms (median)'), pass: false }]));
    expect(second).toContain('### 2026-12-03');
    expect(second).not.toContain('### 2026-12-01');
    expect(second).toContain('| 2026-12-01 | full | 2 × CPU, 24 GiB RAM | 1 of 1 | — |');
    expect(second).toContain('| Queue | 400 ms (median) | ≤ 1 | **FAIL** |');
    expect(second).toContain('## Notes\n\nkept');
  });

  it('records a run of some groups as a history line only, newest first, naming what missed', () => {
    const full = recordRun(file, run('2026-12-01', [], [pass('Queue', '41 ms')]));
    const hub = recordRun(
      full,
      run('2026-12-02', ['hub'], [pass('Pull', '800 ms'), { ...pass('Burst', 'p99 172 ms'), pass: false }]),
    );
    const later = recordRun(hub, run('2026-12-03', ['demo-hub'], [pass('Demo hub start', '1.8 s')]));
    expect(later).toContain('### 2026-12-01');
    const lines = later.split('\n').filter((line) => /^\| 2026-12-0[23] /.test(line));
    expect(lines).toEqual([
      '| 2026-12-03 | demo-hub | 2 × CPU, 24 GiB RAM | 1 of 1 | — |',
      '| 2026-12-02 | hub | 2 × CPU, 24 GiB RAM | 1 of 2 | Burst: p99 172 ms |',
    ]);
  });

  it('refuses a file without its markers rather than losing what it holds', () => {
    expect(() => recordRun('# Benchmarks\n', run('2026-12-03', [], []))).toThrow(/markers/);
  });
});

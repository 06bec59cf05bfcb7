import type { ResultGroupSpec, ResultsSpec } from './spec';

export interface StudentResult {
  code: string;
  pre: number;
  task: number | null;
  post: number;
  group: ResultGroupSpec;
  note: string;
}

export interface GroupSummary {
  group: ResultGroupSpec;
  count: number;
  meanPre: number;
  meanPost: number;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same class every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function studentCode(n: number): string {
  return `S${String(n).padStart(2, '0')}`;
}

/** One row per student, in student order; throws if the groups do not cover S01..Sn once each. */
export function studentResults(spec: ResultsSpec): StudentResult[] {
  const random = mulberry32(spec.seed);
  const between = ([low, high]: [number, number]): number => low + Math.floor(random() * (high - low + 1));
  const byStudent = new Map<number, StudentResult>();
  for (const group of spec.groups) {
    group.students.forEach((n, i) => {
      if (byStudent.has(n)) throw new Error(`${studentCode(n)} is in more than one group`);
      byStudent.set(n, {
        code: studentCode(n),
        pre: between(group.pre),
        task: group.task,
        post: between(group.post),
        group,
        note: group.notes[i % group.notes.length] ?? '',
      });
    });
  }
  const rows: StudentResult[] = [];
  for (let n = 1; n <= byStudent.size; n++) {
    const row = byStudent.get(n);
    if (!row) throw new Error(`no group lists ${studentCode(n)}`);
    rows.push(row);
  }
  return rows;
}

export function summarizeGroups(spec: ResultsSpec, rows: readonly StudentResult[]): GroupSummary[] {
  return spec.groups.map((group) => {
    const members = rows.filter((r) => r.group === group);
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    return {
      group,
      count: members.length,
      meanPre: mean(members.map((r) => r.pre)),
      meanPost: mean(members.map((r) => r.post)),
    };
  });
}

/** RFC 4180 CSV: the header row, then one row per student. */
export function resultsCsv(spec: ResultsSpec, rows: readonly StudentResult[]): string {
  const header = ['student', spec.columns.pre, spec.columns.task, spec.columns.post, 'response_group', 'teacher_note'];
  const lines = [header, ...rows.map((r) => [r.code, r.pre, r.task ?? '', r.post, r.group.id, r.note])];
  return lines.map((cells) => cells.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

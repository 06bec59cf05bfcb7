/** How much of an entry's detail the row shows before "Show details". */
const SUMMARY_LENGTH = 140;

/** A subject as people read it: "packet 0b6c3f3e…" from "packet:0b6c3f3e-…". */
export function subjectText(subject: string): string {
  const [kind, id] = subject.split(/:(.*)/s);
  if (!id) return subject;
  return `${kind} ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  // Ids are told apart by their first characters; the whole id is in the details.
  if (typeof value === 'string') return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(value) ? `${value.slice(0, 8)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return '…';
}

/**
 * An entry's detail in one line: the why first (a reason, a note's text, a decision), then the other
 * plain fields, cut to a readable length. The full JSON is one click away.
 */
export function detailSummary(detail: Record<string, unknown>): string {
  const first = ['reason', 'text', 'decision', 'name', 'username'];
  const keys = Object.keys(detail).sort((a, b) => {
    const [i, j] = [first.indexOf(a), first.indexOf(b)];
    return (i < 0 ? first.length : i) - (j < 0 ? first.length : j);
  });
  const text = keys.map((key) => `${key}: ${valueText(detail[key])}`).join(' · ');
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

/** A date input's day (local time) as the instant it starts; `end` gives the next day's start. */
export function dayStart(day: string, end = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (end ? 1 : 0)).toISOString();
}

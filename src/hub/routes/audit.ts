import { csvDocument } from '../../shared/review/export/csv';
import { ApiError } from '../http/errors';
import { API_HEADERS } from '../http/respond';
import { implementRoute } from '../http/route';
import { listAudit, type AuditFilter } from '../store/audit';

/** An optional ISO instant from the query string; a bad one is a 400 naming it. */
function instant(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (Number.isNaN(Date.parse(value)))
    throw new ApiError(400, 'invalid-query', `${name} must be a date-time, not "${value}".`);
  return new Date(value).toISOString();
}

/** An optional short text filter; empty means absent. */
function text(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name)?.trim() ?? '';
  if (value.length > 200) throw new ApiError(400, 'invalid-query', `${name} must be at most 200 characters.`);
  return value === '' ? undefined : value;
}

/** An optional whole number in [min, max]; anything else is a 400 naming it. */
function whole(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ApiError(400, 'invalid-query', `${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}

function filterOf(query: URLSearchParams): AuditFilter {
  const order = query.get('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc')
    throw new ApiError(400, 'invalid-query', `order must be asc or desc, not "${order}".`);
  return {
    since: instant(query, 'since'),
    until: instant(query, 'until'),
    action: text(query, 'action'),
    actorUsername: text(query, 'actor'),
    subject: text(query, 'subject'),
    order,
    limit: whole(query, 'limit', 1, 1000),
    before: whole(query, 'before', 1, Number.MAX_SAFE_INTEGER),
  };
}

export const getAudit = implementRoute('exportAudit', async ({ hub, query, res }) => {
  const format = query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new ApiError(400, 'invalid-query', `format must be json or csv, not "${format}".`);
  const filter = filterOf(query);
  // One more than asked says whether another page follows, without counting them all.
  const found = await listAudit(hub.db, {
    ...filter,
    limit: filter.limit === undefined ? undefined : filter.limit + 1,
  });
  const hasMore = filter.limit !== undefined && found.length > filter.limit;
  const entries = hasMore ? found.slice(0, filter.limit) : found;
  if (format === 'json') return { status: 200, body: filter.limit === undefined ? { entries } : { entries, hasMore } };
  const text = csvDocument([
    ['id', 'at', 'actor', 'action', 'subject', 'detail'],
    ...entries.map((e) => [
      e.id,
      e.at,
      e.actorUsername ?? e.actorId ?? '',
      e.action,
      e.subject,
      JSON.stringify(e.detail),
    ]),
  ]);
  res.writeHead(200, {
    ...API_HEADERS,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Content-Disposition': 'attachment; filename="audit.csv"',
  });
  res.end(text);
});

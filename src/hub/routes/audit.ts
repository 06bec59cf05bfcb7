import { csvDocument } from '../../shared/review/export/csv';
import { ApiError } from '../http/errors';
import { API_HEADERS } from '../http/respond';
import { implementRoute } from '../http/route';
import { listAudit } from '../store/audit';

/** An optional ISO instant from the query string; a bad one is a 400 naming it. */
function instant(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (Number.isNaN(Date.parse(value)))
    throw new ApiError(400, 'invalid-query', `${name} must be a date-time, not "${value}".`);
  return new Date(value).toISOString();
}

export const getAudit = implementRoute('exportAudit', async ({ hub, query, res }) => {
  const format = query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new ApiError(400, 'invalid-query', `format must be json or csv, not "${format}".`);
  const entries = await listAudit(hub.db, { since: instant(query, 'since'), until: instant(query, 'until') });
  if (format === 'json') return { status: 200, body: { entries } };
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

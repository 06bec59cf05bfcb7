import { AUDIT_PAGE_SIZE, type AUDIT_CHANNELS, type AuditQuery } from '../../shared/contract/audit-log';
import type { BridgeHandlers } from '../../shared/contract/bridge';
import type { HubClient } from './hub-client';
import { toBridgeError } from './hub-error';

type AuditHandlers = Pick<BridgeHandlers, keyof typeof AUDIT_CHANNELS>;

/** The screen's filters as GET /api/v1/audit's query parameters (absent ones left out). */
function filterQuery(filter: AuditQuery): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filter))
    if (value !== undefined && value !== '') query[name] = String(value);
  return query;
}

/** The audit screen's channels; the hub decides who may read the trail (chair, admin). */
export function auditHandlers(client: () => HubClient): AuditHandlers {
  return {
    'audit.page': async ({ before, ...filter }) => {
      const answer = await client()
        .ok('exportAudit', {
          query: {
            ...filterQuery(filter),
            order: 'desc',
            limit: String(AUDIT_PAGE_SIZE),
            ...(before ? { before: String(before) } : {}),
          },
        })
        .catch(toBridgeError);
      return { entries: answer.entries, hasMore: answer.hasMore ?? false };
    },
    'audit.csv': async (filter) => {
      const csv = await client()
        .okText('exportAudit', { query: { ...filterQuery(filter), format: 'csv' } })
        .catch(toBridgeError);
      return { fileName: 'audit.csv', csv };
    },
  };
}

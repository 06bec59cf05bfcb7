import { z } from 'zod';
import { IsoDateTime } from '../domain/common';
import { AuditEntryView } from './hub-admin';

// The audit screen's channels (chair, admin): each one call of GET /api/v1/audit, which decides
// who may read the trail.

/** The screen's filters; every one narrows, all combine. Dates are instants (the page converts). */
export const AuditQuery = z.strictObject({
  action: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
  subject: z.string().max(200).optional(),
  since: IsoDateTime.optional(),
  until: IsoDateTime.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AUDIT_PAGE_SIZE = 200;

export const AUDIT_CHANNELS = {
  /** One page, newest first: `before` is the id of the last entry of the page before. */
  'audit.page': {
    input: AuditQuery.extend({ before: z.number().int().positive().optional() }),
    output: z.strictObject({ entries: z.array(AuditEntryView), hasMore: z.boolean() }),
  },
  /** The whole filtered trail as CSV, oldest first, for a spreadsheet. */
  'audit.csv': { input: AuditQuery, output: z.strictObject({ fileName: z.string(), csv: z.string() }) },
} as const;

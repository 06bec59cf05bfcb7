import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';

// The hub's list of its packets (issue 12, part 2): what an admin picks from to assign by hand,
// and what a chair picks a window's validity packets from. Newest upload first, paged by a
// keyset cursor (uploadedAt, packetId) so a page never shifts when packets arrive meanwhile.

/** live: candidates' work; validity: seeded with known masters; anchor: norming only, never assigned live. */
export const PACKET_KINDS = ['live', 'validity', 'anchor'] as const;
export const PacketKind = z.enum(PACKET_KINDS, { error: `must be one of ${PACKET_KINDS.join(', ')}` });
export type PacketKind = z.infer<typeof PacketKind>;

/** none: no assignment (in the window when one is named, else in any); some: at least one. */
export const ASSIGNED_FILTERS = ['none', 'some'] as const;

export const PACKET_LIST_DEFAULT_LIMIT = 100;
export const PACKET_LIST_MAX_LIMIT = 1000;

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/;

/** The page after this row: "<uploadedAt>_<packetId>", handed back as `before`. */
export function packetCursor(row: { uploadedAt: string; packetId: string }): string {
  return `${row.uploadedAt}_${row.packetId}`;
}

/** The two halves of a cursor that passed PacketListFilter. */
export function readPacketCursor(cursor: string): { uploadedAt: string; packetId: string } {
  const [, uploadedAt, packetId] = CURSOR.exec(cursor)!;
  return { uploadedAt: uploadedAt!, packetId: packetId! };
}

/**
 * The list's filters, as the query string (every value a string) or the bridge (limit a number)
 * sends them. Strict: a misspelt filter is refused with its name rather than silently ignored.
 */
export const PacketListFilter = z.strictObject({
  /** Case-insensitive part of the pseudonym or the credential title; blank means no filter. */
  q: z
    .string()
    .trim()
    .max(200, { error: 'must be at most 200 characters' })
    .optional()
    .transform((value) => value || undefined),
  windowId: Uuid.optional(),
  assigned: z.enum(ASSIGNED_FILTERS, { error: 'must be none or some' }).optional(),
  kind: PacketKind.optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: `must be from 1 to ${PACKET_LIST_MAX_LIMIT}` })
    .max(PACKET_LIST_MAX_LIMIT, { error: `must be from 1 to ${PACKET_LIST_MAX_LIMIT}` })
    .optional(),
  before: z
    .string()
    .refine((cursor) => CURSOR.test(cursor) && !Number.isNaN(Date.parse(readPacketCursor(cursor).uploadedAt)), {
      error: 'must be the nextBefore of an earlier page',
    })
    .optional(),
});
export type PacketListFilter = z.input<typeof PacketListFilter>;
export type ParsedPacketListFilter = z.output<typeof PacketListFilter>;

export const PacketListRow = z.strictObject({
  packetId: Uuid,
  pseudonym: z.string(),
  credentialId: z.string(),
  credentialTitle: z.string(),
  attempt: z.number().int(),
  uploadedAt: IsoDateTime,
  evidenceCount: z.number().int(),
  totalBytes: z.number().int(),
  /** Admins only: kept for conflict-of-interest checks; a chair's rows leave them out. */
  school: z.string().nullable().optional(),
  district: z.string().nullable().optional(),
  assignments: z.strictObject({
    /** Assignments in the filter's window; null when no window was named. */
    inWindow: z.number().int().nullable(),
    total: z.number().int(),
  }),
  /** A norming anchor: never assigned for live scoring. */
  anchor: z.boolean(),
  /** A validity packet of the filter's window (of any window when none was named). */
  validity: z.boolean(),
});
export type PacketListRow = z.infer<typeof PacketListRow>;

export const PacketList = z.strictObject({
  packets: z.array(PacketListRow),
  hasMore: z.boolean(),
  /** Send as `before` for the next page; null on the last. */
  nextBefore: z.string().nullable(),
});
export type PacketList = z.infer<typeof PacketList>;

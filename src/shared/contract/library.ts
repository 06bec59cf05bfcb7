import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';
import { PacketManifest } from '../packet/manifest';

// The local packet library: packets imported from disk or pulled from a hub, as the queue lists them.

/** One row of the packet library. */
export const PacketSummary = z.strictObject({
  packetId: Uuid,
  credentialId: z.string(),
  credentialTitle: z.string(),
  pseudonym: z.string(),
  attempt: z.number().int(),
  evidenceCount: z.number().int(),
  totalBytes: z.number().int(),
  submittedAt: IsoDateTime,
  importedAt: IsoDateTime,
  /** An anchor of a norming session: scored blind from the Norming screen, never from the queue. */
  normingAnchor: z.literal(true).optional(),
  /** A committee member's copy (an adjudication's evidence): read from the committee's screens, never queued. */
  committeeCopy: z.literal(true).optional(),
});
export type PacketSummary = z.infer<typeof PacketSummary>;

export const ProblemSchema = z.strictObject({ path: z.string(), message: z.string() });

export const ImportOutcome = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), packet: PacketSummary, alreadyImported: z.boolean() }),
  z.strictObject({ ok: z.literal(false), fileName: z.string(), problems: z.array(ProblemSchema).min(1) }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const StoredPacket = z.strictObject({ summary: PacketSummary, manifest: PacketManifest });
export type StoredPacket = z.infer<typeof StoredPacket>;

export const VerifyOutcome = z.strictObject({ ok: z.boolean(), problems: z.array(ProblemSchema) });
export type VerifyOutcome = z.infer<typeof VerifyOutcome>;

export const PacketRef = z.strictObject({ packetId: Uuid });

export const LIBRARY_CHANNELS = {
  'packets.list': { input: z.strictObject({}), output: z.array(PacketSummary) },
  /** path: a local file chosen by the user, supplied by the carrier, never typed by the renderer. */
  'packets.import': { input: z.strictObject({ path: z.string().min(1), fileName: z.string() }), output: ImportOutcome },
  'packets.remove': { input: PacketRef, output: z.strictObject({ removed: z.boolean() }) },
} as const;

/** Channels whose input is a user-chosen file: each carrier turns the File into a local path. */
export const UPLOAD_CHANNELS = ['packets.import'] as const satisfies readonly (keyof typeof LIBRARY_CHANNELS)[];

export const LIBRARY_EVENTS = {
  /** Packets were added to or removed from the library by the main process (a pull finished, evidence purged). */
  'library.changed': z.strictObject({}),
} as const;

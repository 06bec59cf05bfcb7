import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';
import { PacketManifest } from '../packet/manifest';

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

import type { z } from 'zod';
import { PacketRef, StoredPacket, VerifyOutcome } from './library';

// Reviewing one packet: opening it (manifest, rubric, evidence list) and proving its evidence intact.
// The review itself (levels, comments, drafts) lives in the renderer's store; submitting a hub
// packet's review goes through the scores contract.

export const REVIEW_CHANNELS = {
  'packets.get': { input: PacketRef, output: StoredPacket },
  'packets.verify': { input: PacketRef, output: VerifyOutcome },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

import { z } from 'zod';
import { Uuid } from '../domain/common';
import type { Channel } from './channels';
import { ImportOutcome, PacketSummary, StoredPacket, VerifyOutcome } from './library';

const PacketRef = z.strictObject({ packetId: Uuid });

/**
 * The desktop bridge contract: every channel with its input and output schema. The IPC router,
 * the preload and the browser-mode HTTP carrier are all built from this one table.
 */
export const BRIDGE_CONTRACT = {
  'app.info': {
    input: z.strictObject({}),
    output: z.strictObject({ version: z.string(), transport: z.enum(['ipc', 'http']) }),
  },
  'packets.list': { input: z.strictObject({}), output: z.array(PacketSummary) },
  'packets.get': { input: PacketRef, output: StoredPacket },
  /** path: a local file chosen by the user, supplied by the carrier, never typed by the renderer. */
  'packets.import': { input: z.strictObject({ path: z.string().min(1), fileName: z.string() }), output: ImportOutcome },
  'packets.remove': { input: PacketRef, output: z.strictObject({ removed: z.boolean() }) },
  'packets.verify': { input: PacketRef, output: VerifyOutcome },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type BridgeContract = typeof BRIDGE_CONTRACT;
export type ChannelInput<C extends Channel> = z.input<BridgeContract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<BridgeContract[C]['output']>;

/** The server side of the bridge: one async function per channel. */
export type BridgeHandlers = {
  [C in Channel]: (input: z.output<BridgeContract[C]['input']>) => Promise<ChannelOutput<C>>;
};

/** Error raised across the bridge; its message is safe to show to the user. */
export class BridgeError extends Error {
  constructor(
    message: string,
    readonly code: 'bad-request' | 'forbidden' | 'not-found' | 'internal' = 'internal',
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

import { z } from 'zod';
import { Uuid } from '../domain/common';
import type { Channel } from './channels';
import { ConflictView } from './hub-api';
import {
  AssignmentsOutput,
  ConflictsOutput,
  DeclareConflictInput,
  HubStatus,
  PullList,
  SignInInput,
  UploadOutcome,
  UploadScoreInput,
} from './hub-bridge';
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
  'hub.status': { input: z.strictObject({}), output: HubStatus },
  /** The password passes through once; the main process keeps only the hub's tokens. */
  'hub.signIn': { input: SignInInput, output: HubStatus },
  'hub.signOut': { input: z.strictObject({}), output: HubStatus },
  /** Starts (or reconnects to) the local demo hub offered on first run. */
  'hub.startDemo': { input: z.strictObject({}), output: HubStatus },
  'hub.assignments': { input: z.strictObject({}), output: AssignmentsOutput },
  /** Queues packets for download; progress is read with hub.pulls. */
  'hub.pull': { input: z.strictObject({ packetIds: z.array(Uuid).min(1).max(10_000) }), output: PullList },
  'hub.pulls': { input: z.strictObject({}), output: PullList },
  'hub.uploadScore': { input: UploadScoreInput, output: UploadOutcome },
  'hub.conflicts': { input: z.strictObject({}), output: ConflictsOutput },
  'hub.declareConflict': { input: DeclareConflictInput, output: ConflictView },
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
    readonly code: 'bad-request' | 'forbidden' | 'not-found' | 'unavailable' | 'internal' = 'internal',
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

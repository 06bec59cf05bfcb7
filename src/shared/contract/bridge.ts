import type { z } from 'zod';
import { ADMIN_CHANNELS, ADMIN_UPLOAD_CHANNELS } from './admin';
import { APP_CHANNELS } from './app';
import { ASSIGNMENT_CHANNELS, ASSIGNMENT_EVENTS } from './assignments';
import { HUB_SESSION_CHANNELS, HUB_SESSION_EVENTS } from './hub-session';
import { LIBRARY_CHANNELS, LIBRARY_EVENTS, UPLOAD_CHANNELS as LIBRARY_UPLOAD_CHANNELS } from './library';
import { NORMING_STAFF_CHANNELS, NORMING_STAFF_EVENTS } from './norming-staff';
import { NORMING_PARTICIPANT_CHANNELS, NORMING_PARTICIPANT_EVENTS } from './norming-participant';
import { REVIEW_CHANNELS } from './review';
import { SCORE_CHANNELS } from './scores';
import { SCORER_QUALITY_CHANNELS } from './scorer-quality';
import { COMMITTEE_DECISION_CHANNELS } from './committee-bridge';
import { WINDOW_DASHBOARD_CHANNELS, WINDOW_DASHBOARD_EVENTS } from './window-dashboard';
import { AUDIT_CHANNELS } from './audit-log';
import { BACK_READING_CHANNELS } from './back-reading';

/**
 * The desktop bridge contract: every channel with its input and output schema, gathered from the
 * feature contracts (each written once, beside its schemas). The IPC router, the preload and the
 * browser-mode HTTP carrier are all built from this one table.
 */
export const BRIDGE_CONTRACT = {
  ...APP_CHANNELS,
  ...LIBRARY_CHANNELS,
  ...REVIEW_CHANNELS,
  ...HUB_SESSION_CHANNELS,
  ...ASSIGNMENT_CHANNELS,
  ...SCORE_CHANNELS,
  ...NORMING_STAFF_CHANNELS,
  ...NORMING_PARTICIPANT_CHANNELS,
  ...ADMIN_CHANNELS,
  ...WINDOW_DASHBOARD_CHANNELS,
  ...COMMITTEE_DECISION_CHANNELS,
  ...SCORER_QUALITY_CHANNELS,
  ...BACK_READING_CHANNELS,
  ...AUDIT_CHANNELS,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type BridgeContract = typeof BRIDGE_CONTRACT;
export type Channel = keyof BridgeContract;
/** Every channel name, read off the table (never a list kept by hand). */
export const CHANNELS = Object.keys(BRIDGE_CONTRACT) as Channel[];
export const UPLOAD_CHANNELS = [...LIBRARY_UPLOAD_CHANNELS, ...ADMIN_UPLOAD_CHANNELS] as const;
export type UploadChannel = (typeof UPLOAD_CHANNELS)[number];

export type ChannelInput<C extends Channel> = z.input<BridgeContract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<BridgeContract[C]['output']>;

/**
 * The push half: events the main process sends the page (event name → payload schema). In
 * Electron they travel by webContents.send, in browser mode as server-sent events.
 */
export const BRIDGE_EVENTS = {
  ...LIBRARY_EVENTS,
  ...HUB_SESSION_EVENTS,
  ...ASSIGNMENT_EVENTS,
  ...NORMING_STAFF_EVENTS,
  ...NORMING_PARTICIPANT_EVENTS,
  ...WINDOW_DASHBOARD_EVENTS,
} as const satisfies Record<string, z.ZodType>;

export type BridgeEvents = typeof BRIDGE_EVENTS;
export type BridgeEventName = keyof BridgeEvents;
export type BridgeEventPayload<E extends BridgeEventName> = z.output<BridgeEvents[E]>;
/** Every event name, read off the table. */
export const EVENT_NAMES = Object.keys(BRIDGE_EVENTS) as BridgeEventName[];

/** Whether a name is one of the contract's channels (names come from the wire, so check them). */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(BRIDGE_CONTRACT, name);
}

/** Whether a name is one of the contract's events. */
export function isBridgeEvent(name: string): name is BridgeEventName {
  return Object.hasOwn(BRIDGE_EVENTS, name);
}

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

import type { PacketLimits } from '../node/packet/limits';
import type { LoginThrottle } from './auth/login-throttle';
import type { SessionTokens } from './auth/tokens';
import type { BlobStore } from './blobs/blob-store';
import type { Db } from './db/db';
import type { HubEvents } from './events/hub-events';

/** Where the hub reports what went wrong; a message and machine-readable details. */
export type HubLog = (message: string, details?: Record<string, unknown>) => void;

/** Everything a route handler may use. Built once by startHub; tests build it the same way. */
export interface HubContext {
  db: Db;
  blobs: BlobStore;
  tokens: SessionTokens;
  throttle: LoginThrottle;
  events: HubEvents;
  /** The hub's clock (epoch ms); tests move it to expire tokens and close windows. */
  now: () => number;
  log: HubLog;
  /** Scratch space for uploads being validated; emptied on start. */
  uploadDir: string;
  packetLimits: Partial<PacketLimits>;
  /** How often an idle event stream sends a comment line, so proxies keep it open. */
  heartbeatMs: number;
  /** How long a request body may send nothing before it is refused (408) and its connection closed. */
  bodyIdleMs: number;
}

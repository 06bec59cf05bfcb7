import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PacketLimits } from '../node/packet/limits';
import { lockDataFolder } from '../node/files/data-lock';
import { ensurePrivateFolder } from '../node/files/private-folder';
import { LoginThrottle, type ThrottleOptions } from './auth/login-throttle';
import { DEFAULT_LIFETIMES, SessionTokens, type TokenLifetimes } from './auth/tokens';
import { FsBlobStore } from './blobs/fs-blob-store';
import type { HubContext, HubLog } from './context';
import { openDatabase } from './db/open';
import { HubEvents } from './events/hub-events';
import { startScoreRouting } from './services/score-routing';

export interface HubStorageOptions {
  /** Holds the PGlite database (unless databaseUrl is set), the evidence blobs and upload scratch space. */
  dataDir: string;
  /** postgres://… to use a PostgreSQL server instead of the embedded PGlite. */
  databaseUrl?: string;
  /**
   * PGlite only: false starts it as PGlite does by default, with fsync off, so a commit it
   * acknowledged can be lost on a power cut. Only for the benchmark that measures what fsync costs.
   */
  durableCommits?: boolean;
  log?: HubLog;
  now?: () => number;
  throttle?: Partial<ThrottleOptions>;
  lifetimes?: Partial<TokenLifetimes>;
  packetLimits?: Partial<PacketLimits>;
  heartbeatMs?: number;
  bodyIdleMs?: number;
}

/**
 * Opens the hub's storage and services (database migrated, blob store ready), without any HTTP.
 * The data folder must be private (see ensurePrivateFolder: it holds every assessor's scores and
 * the candidates' evidence). It is then locked: two hubs on one folder would clear each other's
 * uploads, and two PGlite instances on one database would corrupt it.
 */
export async function openHub(options: HubStorageOptions): Promise<{ hub: HubContext; close(): Promise<void> }> {
  await ensurePrivateFolder(options.dataDir);
  const unlock = await lockDataFolder(options.dataDir);
  try {
    return await openLocked(options, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function openLocked(
  options: HubStorageOptions,
  unlock: () => Promise<void>,
): Promise<{ hub: HubContext; close(): Promise<void> }> {
  const now = options.now ?? Date.now;
  const uploadDir = join(options.dataDir, 'uploads');
  // Whatever a killed upload left behind is incomplete by definition.
  await rm(uploadDir, { recursive: true, force: true });
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  const blobs = await new FsBlobStore(join(options.dataDir, 'blobs')).open();
  const db = await openDatabase({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    durableCommits: options.durableCommits,
  });
  const hub: HubContext = {
    db,
    blobs,
    tokens: new SessionTokens(db, { ...DEFAULT_LIFETIMES, ...options.lifetimes }, now),
    throttle: new LoginThrottle(options.throttle, now),
    events: new HubEvents(),
    now,
    log: options.log ?? ((message, details) => console.error(message, details ?? '')),
    uploadDir,
    packetLimits: options.packetLimits ?? {},
    heartbeatMs: options.heartbeatMs ?? 20_000,
    // Generous for a slow link (the bytes only have to keep coming), short enough that a client
    // that went away mid-body does not hold a connection, and a packet upload's scratch file, forever.
    bodyIdleMs: options.bodyIdleMs ?? 60_000,
  };
  const stopRouting = startScoreRouting(hub);
  return {
    hub,
    close: async () => {
      await stopRouting();
      await db.close();
      await unlock();
    },
  };
}

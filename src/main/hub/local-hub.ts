import type { Log } from '../../shared/log';

/**
 * A hub running inside this process (the first-run demo hub). Main never imports the hub
 * itself: the entry points hand a factory in (src/demo/demo-hub.ts), so the layers stay apart.
 */
export interface LocalHub {
  /** The hub's URL, starting (and on first use seeding) it if needed. */
  start(): Promise<string>;
  /** Whether it was ever set up in this data folder (then it starts with the app). */
  exists(): Promise<boolean>;
  url(): Promise<string | undefined>;
  close(): Promise<void>;
  /** The address it had before it had to move to another port, if it moved. */
  movedFrom: string | undefined;
}

export type LocalHubFactory = (dataDir: string, log: Log) => LocalHub;

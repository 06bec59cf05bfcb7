import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedDemo } from './hub-seed';
import { startHub, type RunningHub } from '../hub/server';
import type { Log } from '../shared/log';

/**
 * The local demo hub offered on first run: the real hub (PGlite in `<dataDir>/demo-hub`, the
 * demo seed) running inside this process on loopback, so Anchor works with nothing else
 * installed. It keeps the port it first got, so a saved session's hub address stays valid
 * across restarts; if another program took that port, it moves to a new one.
 */
/** Matches main's LocalHub interface structurally: src/demo never imports main (no cycle with the entry points). */
export class DemoHub {
  private running: Promise<RunningHub> | undefined;
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly log: Log,
  ) {
    this.dir = join(dataDir, 'demo-hub');
  }

  /** The address this demo hub had before it had to move to another port, if it moved. */
  movedFrom: string | undefined;

  /** The demo hub's URL, starting (and on first use seeding) it if needed. */
  async start(): Promise<string> {
    this.running ??= this.launch().catch((error: unknown) => {
      this.running = undefined;
      throw error;
    });
    return (await this.running).url;
  }

  /** Whether the demo hub was ever set up in this data folder (then it starts with the app). */
  async exists(): Promise<boolean> {
    return (await this.savedPort()) !== undefined;
  }

  url(): Promise<string | undefined> {
    return this.running?.then((hub) => hub.url).catch(() => undefined) ?? Promise.resolve(undefined);
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.then((hub) => hub.close()).catch(() => undefined);
  }

  private async launch(): Promise<RunningHub> {
    const saved = await this.savedPort();
    const options = {
      dataDir: this.dir,
      host: '127.0.0.1',
      log: this.log,
      // Seeding is idempotent: a second start adds nothing, a first start fills the hub.
      beforeListen: async (hub: Parameters<typeof seedDemo>[0]) => void (await seedDemo(hub)),
    };
    let hub: RunningHub;
    try {
      hub = await startHub({ ...options, port: saved ?? 0 });
    } catch (error) {
      if (saved === undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      this.log('demo hub: saved port is taken, moving to a new one', { port: saved });
      hub = await startHub({ ...options, port: 0 });
      this.movedFrom = `http://127.0.0.1:${saved}`;
    }
    await writeFile(join(this.dir, 'port'), String(hub.port), { mode: 0o600 });
    return hub;
  }

  private async savedPort(): Promise<number | undefined> {
    const text = await readFile(join(this.dir, 'port'), 'utf8').catch(() => undefined);
    const port = Number(text);
    return text !== undefined && Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  }
}

/** What the entry points hand to the backend to offer the demo hub. */
export const createDemoHub = (dataDir: string, log: Log): DemoHub => new DemoHub(dataDir, log);

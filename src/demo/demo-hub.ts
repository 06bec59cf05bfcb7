import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_WINDOW, seedDemo } from './hub-seed';
import {
  copyDemoTemplate,
  demoTemplateKey,
  ensureDemoTemplate,
  SEEDED_FILE,
  defaultTemplateRoot,
} from './hub-template';
import { startHub, type RunningHub } from '../hub/server';
import type { HubContext } from '../hub/context';
import { findWindowByName } from '../hub/store/windows';
import type { Log } from '../shared/log';

export interface DemoHubOptions {
  /**
   * Where seeded demo hub folders are kept to be copied (default `<repository>/.cache/demo-hub-template`;
   * null: none, every new demo hub is seeded from scratch).
   */
  templateRoot?: string | null;
}

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

  private readonly templateRoot: string | undefined;

  constructor(
    dataDir: string,
    private readonly log: Log,
    options: DemoHubOptions = {},
  ) {
    this.dir = join(dataDir, 'demo-hub');
    this.templateRoot =
      options.templateRoot === undefined ? defaultTemplateRoot() : (options.templateRoot ?? undefined);
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

  /**
   * Where the time goes on a first start is PGlite's initdb (the WebAssembly PostgreSQL creating
   * its cluster), the migrations and the seed (seven scrypt password hashes, building and
   * validating six packets with their video): seconds on a quiet machine, tens on a busy one.
   * So a seeded, closed hub folder is kept as a template, keyed by everything that shapes it, and
   * a new demo hub is a copy of it; a restart skips the seed when this folder already holds it.
   */
  private async launch(): Promise<RunningHub> {
    const saved = await this.savedPort();
    const key = await demoTemplateKey();
    await this.fromTemplate(key);
    const options = {
      dataDir: this.dir,
      host: '127.0.0.1',
      log: this.log,
      // Seeding is idempotent: a second start adds nothing, a first start fills the hub.
      beforeListen: async (hub: HubContext) => {
        if (await this.seeded(hub, key)) return;
        await seedDemo(hub);
        await writeFile(join(this.dir, SEEDED_FILE), key);
      },
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

  /** A new demo hub folder starts as a copy of the seeded template (made now if missing). */
  private async fromTemplate(key: string): Promise<void> {
    if (!this.templateRoot) return;
    if (await readFile(join(this.dir, 'pglite', 'PG_VERSION'), 'utf8').catch(() => undefined)) return;
    try {
      const template = await ensureDemoTemplate(this.templateRoot, key, this.log);
      await copyDemoTemplate(template, this.dir);
    } catch (error) {
      // No template (read-only install, full disk): seed this folder directly, as before.
      this.log('demo hub: no template, seeding from scratch', { error: String(error) });
    }
  }

  /** This folder holds the current seed and its review window is still open: nothing to add. */
  private async seeded(hub: HubContext, key: string): Promise<boolean> {
    const marker = await readFile(join(this.dir, SEEDED_FILE), 'utf8').catch(() => undefined);
    if (marker !== key) return false;
    return (await findWindowByName(hub.db, DEMO_WINDOW, hub.now()))?.isOpen === true;
  }

  private async savedPort(): Promise<number | undefined> {
    const text = await readFile(join(this.dir, 'port'), 'utf8').catch(() => undefined);
    const port = Number(text);
    return text !== undefined && Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  }
}

/** What the entry points hand to the backend to offer the demo hub. */
export const createDemoHub = (dataDir: string, log: Log, options?: DemoHubOptions): DemoHub =>
  new DemoHub(dataDir, log, options);

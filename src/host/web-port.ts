import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Browser mode's port, stable per data folder. The page's IndexedDB (drafts, reviews, pending
 * uploads) belongs to its origin, port included: a new port every run would hide the last run's
 * work from the page and never send its uploads. So the port is chosen once (the default, or
 * `--port`) and remembered in the data folder.
 */
export const DEFAULT_WEB_PORT = 7410;
const PORT_FILE = 'web-port';

/** `--port` if given, else the port this data folder used last, else the default. */
export async function chooseWebPort(dataDir: string, requested: string | undefined): Promise<number> {
  if (requested !== undefined) return parsePort(requested, '--port');
  const saved = await readFile(join(dataDir, PORT_FILE), 'utf8').catch(() => undefined);
  return saved === undefined ? DEFAULT_WEB_PORT : parsePort(saved.trim(), join(dataDir, PORT_FILE));
}

/** Remembers the port the host is now serving on, for the next run on this data folder. */
export async function rememberWebPort(dataDir: string, port: number): Promise<void> {
  await writeFile(join(dataDir, PORT_FILE), `${port}\n`, { mode: 0o600 });
}

/** The message for a port another program holds: what happened, and the way out. */
export function portTakenMessage(port: number): string {
  return (
    `Port ${port} on 127.0.0.1 is in use by another program, so Anchor cannot start there. ` +
    `Stop that program, or start Anchor with --port <number> to use another port ` +
    `(this data folder then remembers it; work saved in the browser for port ${port} stays with port ${port}).`
  );
}

function parsePort(text: string, where: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new Error(`${where}: "${text}" is not a port number (1-65535).`);
  }
  return port;
}

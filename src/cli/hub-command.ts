import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackHost } from '../hub/loopback';
import { openHub } from '../hub/open';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../demo/hub-seed';
import { startHub, type RunningHub } from '../hub/server';

export const HUB_USAGE = `Usage: npm run -s anchor -- hub [seed] [options]

  hub [--port 8787] [--host 127.0.0.1] [--data <dir>] [--database-url postgres://…] [--demo]
      run the hub; --demo first seeds the demo accounts, window and packets (loopback only)
  hub seed --demo [--data <dir>] [--database-url postgres://…]
      seed the demo into the hub's storage and exit`;

/** Options the serving command passes on, so tests can stop the hub instead of waiting for a signal. */
export interface HubCliHooks {
  /** Called once the hub listens; resolve to shut it down. Defaults to waiting for SIGINT/SIGTERM. */
  untilStopped?: (hub: RunningHub) => Promise<void>;
}

/** `anchor hub …`: returns the process exit code once the hub has stopped (or seeding finished). */
export async function runHubCli(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  hooks: HubCliHooks = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    err(HUB_USAGE);
    return 2;
  }
  const { positionals, values } = parsed;
  if (values.help) {
    out(HUB_USAGE);
    return 0;
  }
  const [action, ...rest] = positionals;
  const port = Number(values.port);
  if (
    (action !== undefined && action !== 'seed') ||
    rest.length > 0 ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535
  ) {
    err(HUB_USAGE);
    return 2;
  }
  const storage = {
    dataDir: resolve(values.data ?? process.env.ANCHOR_HUB_DATA ?? defaultDataDir()),
    databaseUrl: values['database-url'] ?? process.env.ANCHOR_HUB_DATABASE_URL,
  };

  if (action === 'seed') {
    if (!values.demo) {
      err('hub seed: only --demo is available.');
      return 2;
    }
    const { hub, close } = await openHub(storage);
    try {
      const summary = await seedDemo(hub);
      out(
        `Demo seeded into ${describeStorage(storage)}: ${summary.users} user(s), ${summary.packets} packet(s), ${summary.assignments} assignment(s) added.`,
      );
      out(demoAccounts());
      return 0;
    } finally {
      await close();
    }
  }

  // The demo's passwords are printed in the README: such a hub must not be reachable from the network.
  if (values.demo && !isLoopbackHost(values.host)) {
    err(
      `Refusing --demo on ${values.host}: the demo accounts share a published password, so a demo hub only listens on loopback (127.0.0.1).`,
    );
    return 2;
  }
  const running = await startHub({
    ...storage,
    host: values.host,
    port,
    beforeListen: values.demo
      ? async (hub) => {
          const summary = await seedDemo(hub);
          out(
            `Demo seeded: ${summary.users} user(s), ${summary.packets} packet(s), ${summary.assignments} assignment(s) added.`,
          );
          out(demoAccounts());
        }
      : undefined,
  });
  try {
    out(
      `Anchor hub listening on ${running.url} (${describeStorage(storage)}). API: ${running.url}/api/v1/openapi.json`,
    );
    await (hooks.untilStopped ?? untilSignal)(running);
  } finally {
    await running.close();
  }
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function describeStorage(storage: { dataDir: string; databaseUrl?: string }): string {
  // Never echo a connection string: it may carry a password.
  return storage.databaseUrl ? `PostgreSQL, blobs in ${storage.dataDir}` : `PGlite in ${storage.dataDir}`;
}

function demoAccounts(): string {
  return `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`;
}

function defaultDataDir(): string {
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'anchor', 'hub');
}

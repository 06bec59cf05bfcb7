import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../../../src/hub/db/db';
import { openPostgres } from '../../../src/hub/db/postgres';

const run = promisify(execFile);

/** The database on the test server that the hub migrated once per run; test databases are copies of it. */
export const POSTGRES_TEMPLATE = 'anchor_template';

/** What global-setup.ts hands the test files: the server's maintenance URL, or why there is no server. */
export type PostgresContext = { url: string; template: string } | { skip: string };

/**
 * Runs fn with a one-connection, unmigrated handle on a server database (`create database`, `drop
 * database`: statements that run outside a transaction) and closes it.
 */
export async function onServer<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openPostgres(url, 1);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * A throw-away PostgreSQL server for the hub tests: initdb into a temporary folder, pg_ctl start on
 * a spare loopback port, pg_ctl stop and delete the folder at the end. Trust authentication, no
 * fsync: the data is worthless the moment the run ends.
 */
export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres — the superuser on the maintenance database. */
  url: string;
  /** The same server, another database. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, or why there is none. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const candidates: string[] = [];
  if (process.env.ANCHOR_TEST_PG_BIN) candidates.push(process.env.ANCHOR_TEST_PG_BIN);
  // Debian and Ubuntu keep the server binaries off PATH, one folder per major version; prefer the newest.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name));
    versions.sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (bin) return { bin };
  return {
    missing:
      'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or on PATH; ' +
      'install them (Debian: apt-get install postgresql) or point ANCHOR_TEST_PG_BIN at their folder',
  };
}

/**
 * initdb refuses to run as root, so as root the server runs as the `postgres` account (the Debian
 * package creates it); any other user runs it as themselves.
 */
function serverAccount(): { uid: number; gid: number } | undefined | { missing: string } {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return { missing: 'running as root, and there is no "postgres" account to run the server as' };
  }
}

/** Starts a server, or says why it cannot: missing binaries or account. Start-up failures throw. */
export async function startTestPostgres(): Promise<TestPostgres | { missing: string }> {
  if (process.env.ANCHOR_TEST_POSTGRES === 'off') return { missing: 'ANCHOR_TEST_POSTGRES=off' };
  const found = findPostgresBin();
  if ('missing' in found) return found;
  const account = serverAccount();
  if (account && 'missing' in account) return account;

  const dir = await mkdtemp(join(tmpdir(), 'anchor-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  if (account) await chown(dir, account.uid, account.gid);
  const as = { cwd: dir, ...account, env: { ...process.env, LC_ALL: 'C' } };
  const pgCtl = join(found.bin, 'pg_ctl');
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      process.off('exit', stopAtExit);
      try {
        await run(pgCtl, ['-D', data, 'stop', '-m', 'fast', '-w', '-t', '30'], as);
      } catch {
        await killPostmaster(data);
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  // A run cut short (Ctrl-C, a crash) must not leave a server behind.
  const stopAtExit = () => {
    try {
      execFileSync(pgCtl, ['-D', data, 'stop', '-m', 'immediate', '-w'], { ...as, stdio: 'ignore' });
    } catch {
      // Nothing more can be done while the process exits.
    }
  };

  try {
    // -N: no fsync; C locale and UTF8: the same answers on every machine.
    await run(
      join(found.bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-N'],
      as,
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await sparePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-k '${dir}'`, // pg_ctl hands these to a shell
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await run(pgCtl, ['-D', data, '-o', options, '-l', log, 'start', '-w', '-t', '30'], as);
        started = true;
        process.on('exit', stopAtExit);
        break;
      } catch (error) {
        // Another process may have taken the port between probing and binding it: try another.
        if (attempt >= 3) throw error;
      }
    }
    const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    return { url: url('postgres'), urlFor: url, stop };
  } catch (error) {
    const tail = await readFile(log, 'utf8').then(
      (text) => text.split('\n').slice(-20).join('\n'),
      () => '',
    );
    await stop();
    throw new Error(`could not start the test PostgreSQL server: ${String(error)}\n${tail}`, { cause: error });
  }
}

/** The last resort when pg_ctl cannot stop the server: signal the postmaster by the PID it recorded. */
async function killPostmaster(data: string): Promise<void> {
  const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
}

function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

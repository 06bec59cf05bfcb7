import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobDigestMismatch } from '../../src/hub/blobs/blob-store';
import { FsBlobStore } from '../../src/hub/blobs/fs-blob-store';
import { isUniqueViolation, type Db } from '../../src/hub/db/db';
import { migrate } from '../../src/hub/db/migrate';
import { MIGRATIONS } from '../../src/hub/db/migrations';
import { openDatabase } from '../../src/hub/db/open';
import { openPostgres } from '../../src/hub/db/postgres';
import { tempDir } from '../support/packets';
import { createPostgresDatabase, forEachBackend, type TestDatabase } from './support/backends';

forEachBackend((backend) => {
  let dir: string;
  let database: TestDatabase | undefined;
  let db: Db;
  // A database of its own with no hub schema yet: a fresh folder for PGlite, a new database on the server.
  const open = () => openDatabase({ dataDir: dir, databaseUrl: database?.url });
  beforeAll(async () => {
    dir = await tempDir('anchor-hub-db-');
    if (backend === 'postgres') database = await createPostgresDatabase({ empty: true });
    db = await open();
  });
  afterAll(async () => {
    await db.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('database layer', () => {
    it('opens the engine asked for', () => {
      expect(db.engine).toBe(backend);
    });

    it('runs every migration once and records it in schema_migrations', async () => {
      const recorded = await db.query<{ version: number; name: string }>(
        'select version, name from schema_migrations order by version',
      );
      expect(recorded.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((row) => row.table_name)).toEqual([
        'adjudication_resolutions',
        'adjudications',
        'assignments',
        'audit_log',
        'back_read_notes',
        'candidate_identities',
        'conflicts',
        'decisions',
        'evidence',
        'identity_reveals',
        'norming_anchors',
        'norming_consensus',
        'norming_masters',
        'norming_participants',
        'norming_scores',
        'norming_sessions',
        'packet_threads',
        'packets',
        'qualifications',
        'released_decisions',
        'releases',
        'review_windows',
        'schema_migrations',
        'scorer_pauses',
        'scores',
        'second_scoring',
        'session_tokens',
        'sessions',
        'users',
        'validity_packets',
      ]);
    });

    it('a failing migration leaves no trace: its statements and its record roll back together', async () => {
      const broken = [
        ...MIGRATIONS,
        {
          version: 99,
          name: 'half done',
          statements: ['create table half_done (id int)', 'select * from no_such_table'],
        },
      ];
      await expect(migrate(db, broken)).rejects.toThrow(/no_such_table/);
      expect(await db.query(`select 1 from schema_migrations where version = 99`)).toEqual([]);
      expect(await db.query(`select 1 from information_schema.tables where table_name = 'half_done'`)).toEqual([]);
    });

    it('transactions commit together or not at all', async () => {
      const id = '7d9c1a52-3a55-4d0e-8f57-2f1c6f7b9a01';
      await expect(
        db.transaction(async (tx) => {
          await tx.query(
            `insert into users (id, username, password_hash, roles) values ($1, 'rollback', 'x', '{assessor}')`,
            [id],
          );
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query('select 1 from users where id = $1', [id])).toEqual([]);
    });

    it('reports unique violations the same way for both drivers (SQLSTATE 23505)', async () => {
      const insert = () =>
        db.query(
          `insert into users (id, username, password_hash, roles) values (gen_random_uuid(), 'twice', 'x', '{admin}')`,
        );
      await insert();
      const error = await insert().catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(new Error('other'))).toBe(false);
    });

    it('refuses roles outside the four the hub knows', async () => {
      await expect(
        db.query(
          `insert into users (id, username, password_hash, roles) values (gen_random_uuid(), 'root', 'x', '{superuser}')`,
        ),
      ).rejects.toThrow(/check constraint/);
    });

    // An acknowledged write must survive a power cut: the commit waits for the WAL flush. (The test
    // PostgreSQL server runs with synchronous_commit=off; the hub's sessions turn it on. PGlite,
    // started with fsync off by default, is started with it on: see hub-durable.test.ts.)
    it('commits durably: fsync and synchronous_commit on in its sessions', async () => {
      const setting = async (name: string) => (await db.query<Record<string, string>>(`show ${name}`))[0]![name];
      expect(await setting('synchronous_commit')).toBe('on');
      if (backend === 'pglite') {
        expect(await setting('fsync')).toBe('on');
        expect(await setting('wal_sync_method')).toBe('fsync');
      }
    });

    it('keeps the data across restarts', async () => {
      await db.close();
      db = await open();
      expect(await db.query(`select username from users where username = 'twice'`)).toHaveLength(1);
    });
  });

  // PGlite has one connection and runs one statement at a time; a server has a pool of them.
  if (backend === 'postgres') {
    describe('on a server, through a pool of connections', () => {
      it('two hubs migrating one empty database at once apply each migration once', async () => {
        const shared = await createPostgresDatabase({ empty: true });
        const hubs = await Promise.all([openPostgres(shared.url), openPostgres(shared.url)]);
        try {
          const applied = await Promise.all(hubs.map((hub) => migrate(hub)));
          expect(applied.sort((a, b) => b.length - a.length)).toEqual([MIGRATIONS.map((m) => m.version), []]);
          expect(await hubs[0]!.query('select version from schema_migrations')).toHaveLength(MIGRATIONS.length);
        } finally {
          await Promise.all(hubs.map((hub) => hub.close()));
          await shared.drop();
        }
      });

      it('keeps a transaction on one connection: other connections see its writes only after commit', async () => {
        const id = '2f0e3c1d-6b4a-4f7e-9c2d-8a1b0c9d7e65';
        const visible = async () => (await db.query('select 1 from users where id = $1', [id])).length === 1;
        await db.transaction(async (tx) => {
          await tx.query(
            `insert into users (id, username, password_hash, roles) values ($1, 'in-flight', 'x', '{assessor}')`,
            [id],
          );
          expect(await tx.query('select 1 from users where id = $1', [id])).toHaveLength(1);
          expect(await visible()).toBe(false);
        });
        expect(await visible()).toBe(true);
      });

      it('gives every connection back, also after failed transactions', async () => {
        const failing = Array.from({ length: 15 }, () =>
          db.transaction(async (tx) => {
            await tx.query('select 1');
            await tx.query('select * from no_such_table');
          }),
        );
        for (const outcome of await Promise.allSettled(failing)) expect(outcome.status).toBe('rejected');
        // More transactions than the pool has connections: they would wait forever for a leaked one.
        const sums = await Promise.all(
          Array.from({ length: 15 }, (_, i) =>
            db.transaction(async (tx) => (await tx.query<{ n: number }>('select $1::int + 1 as n', [i]))[0]!.n),
          ),
        );
        expect(sums).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      });

      it('survives its connection being cut in the middle of a transaction', async () => {
        const cut = db.transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
          // An administrator (or a server restart) ends the session while the hub is between statements.
          await db.query('select pg_terminate_backend($1)', [row!.pid]);
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.query('select 1');
        });
        await expect(cut).rejects.toThrow();
        expect(await db.query('select 1 as one')).toEqual([{ one: 1 }]);
      });
    });
  }
});

describe('filesystem blob store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('anchor-hub-blobs-');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stores by sha256, verifies the digest, and serves byte ranges', async () => {
    const store = await new FsBlobStore(join(dir, 'blobs')).open();
    const data = Buffer.from('0123456789abcdef');
    const sha256 = createHash('sha256').update(data).digest('hex');
    const source = join(dir, 'source.bin');
    await writeFile(source, data);
    expect(await store.putFile(source, sha256)).toEqual({ sha256, bytes: 16 });
    expect(await store.stat(sha256)).toEqual({ sha256, bytes: 16 });
    const sink = collector();
    await store.send(sha256, 4, 9, sink.stream);
    expect(sink.bytes().toString()).toBe('456789');
    // The file is stored under its digest, so its path proves its content.
    expect(await readFile(join(dir, 'blobs', 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toEqual(data);
  });

  it('sends large ranges exactly through its reused buffers, however slowly the socket takes them', async () => {
    const store = await new FsBlobStore(join(dir, 'blobs')).open();
    // Several times the store's 1 MB read size, with a pattern that shows any misplaced byte.
    const data = Buffer.alloc(5 * 1024 * 1024 + 777);
    for (let i = 0; i < data.length; i++) data[i] = (i * 131) % 253;
    const sha256 = createHash('sha256').update(data).digest('hex');
    const source = join(dir, 'large.bin');
    await writeFile(source, data);
    await store.putFile(source, sha256);
    for (const [start, end] of [
      [0, data.length - 1],
      [1_000_003, 4_500_001],
      [data.length - 10, data.length - 1],
    ] as const) {
      // A slow socket: each write is taken a moment later, so reused buffers would show if reused early.
      const sink = collector(2);
      await store.send(sha256, start, end, sink.stream);
      expect(sink.bytes().equals(data.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
  });

  it('rejects a send whose destination goes away, and leaves nothing open', async () => {
    const store = await new FsBlobStore(join(dir, 'blobs')).open();
    const data = Buffer.alloc(4 * 1024 * 1024, 1);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const source = join(dir, 'cancelled.bin');
    await writeFile(source, data);
    await store.putFile(source, sha256);
    let writes = 0;
    const cancelling = new Writable({
      write(_chunk, _encoding, done) {
        // The player cancels its range after the first megabyte.
        done(++writes > 1 ? new Error('the client went away') : null);
      },
    });
    cancelling.on('error', () => undefined);
    const openFiles = async () => (await readdir('/proc/self/fd')).length;
    const before = await openFiles();
    await expect(store.send(sha256, 0, data.length - 1, cancelling)).rejects.toThrow('the client went away');
    expect(await openFiles()).toBe(before);
  });

  it('refuses bytes that do not match the expected digest and keeps nothing', async () => {
    const store = await new FsBlobStore(join(dir, 'blobs')).open();
    const source = join(dir, 'tampered.bin');
    await writeFile(source, 'tampered');
    const claimed = 'a'.repeat(64);
    await expect(store.putFile(source, claimed)).rejects.toBeInstanceOf(BlobDigestMismatch);
    expect(await store.stat(claimed)).toBeUndefined();
    expect(await store.stat('../../etc/passwd')).toBeUndefined();
  });
});

/** A Writable that keeps what it is given, taking each write after `delayMs` (a slow socket). */
function collector(delayMs = 0) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // Copied when taken, as a socket copies into the kernel: a buffer reused before this would show.
      setTimeout(() => {
        chunks.push(Buffer.from(chunk));
        done();
      }, delayMs);
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUser, assign, openWindow, scoreRecord, startTestHub, uploadPacket } from './support/hub';
import { startHubProcess } from './support/hub-process';
import { parseTrace, straceMissing, straceWrap, type Syscall } from './support/strace';

const missing = straceMissing();
if (missing) console.log(`hub-durable: the system-call trace is skipped: ${missing}`);

/** A call on a file of the database's write-ahead log (strace -y prints the path behind the fd). */
const onWal = (call: Syscall) => /^\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>/.test(call.text);
/** A call on a TCP socket whose buffer starts with `prefix` (strace -yy prints the endpoints). */
const onSocket = (call: Syscall, prefix: string) => /^\d+<TCP:/.test(call.text) && call.text.includes(prefix);

describe('an acknowledged score is on disk (PGlite, traced with strace)', () => {
  it.skipIf(missing)(
    'fsyncs the write-ahead log after the request arrives and before the answer is written',
    async () => {
      // Accounts, a packet and an assignment, made through a hub in this process, which then stops.
      const setup = await startTestHub();
      try {
        const admin = await addUser(setup, 'admin1', ['admin']);
        const assessor = await addUser(setup, 'assessor1', ['assessor']);
        const windowId = await openWindow(setup, admin);
        const packetId = await uploadPacket(setup, admin);
        await assign(setup, admin, windowId, packetId, assessor);
        await setup.running.close();

        const traceFile = join(setup.dir, 'hub.strace');
        const syscalls = ['fsync', 'fdatasync', 'pwrite64', 'write', 'writev', 'sendto', 'sendmsg', 'read', 'recvfrom'];
        const hub = await startHubProcess(join(setup.dir, 'data'), { wrap: straceWrap(traceFile, syscalls) });
        const record = scoreRecord(packetId, 'assessor1');
        let status: number;
        try {
          const answer = await fetch(`${hub.url}/api/v1/scores/${record.id}`, {
            method: 'PUT',
            headers: { Authorization: `Bearer ${assessor.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ baseRevision: 0, record }),
          });
          status = answer.status;
          await answer.arrayBuffer();
        } finally {
          await hub.stop();
        }
        expect(status).toBe(201);

        const calls = parseTrace(await readFile(traceFile, 'utf8'));
        const request = calls.find(
          (call) => ['read', 'recvfrom'].includes(call.name) && onSocket(call, `"PUT /api/v1/scores/${record.id}`),
        );
        expect(request, 'the PUT read from its socket').toBeDefined();
        const answer = calls.find(
          (call) =>
            call.began > request!.ended &&
            ['write', 'writev', 'sendto', 'sendmsg'].includes(call.name) &&
            onSocket(call, '"HTTP/1.1 201'),
        );
        expect(answer, 'the 201 written to the socket').toBeDefined();
        const between = calls.filter((call) => call.began > request!.ended && call.ended < answer!.began);
        const walWrite = between.find((call) => call.name === 'pwrite64' && onWal(call));
        expect(walWrite, 'the commit record written to the WAL').toBeDefined();
        const walSync = between.find(
          (call) =>
            ['fsync', 'fdatasync'].includes(call.name) &&
            onWal(call) &&
            call.began > walWrite!.ended &&
            / = 0$/.test(call.text),
        );
        expect(walSync, 'a successful fsync/fdatasync of the WAL after its write and before the answer').toBeDefined();
      } finally {
        await setup.close().catch(() => undefined);
      }
    },
    120_000,
  );
});

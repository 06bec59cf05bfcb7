import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, startTestHub, type TestHub, type TestUser } from './support/hub';

const IDLE_MS = 300;

let hub: TestHub;
let admin: TestUser;
let assessor: TestUser;

beforeAll(async () => {
  hub = await startTestHub({ bodyIdleMs: IDLE_MS });
  admin = await addUser(hub, 'admin1', ['admin']);
  assessor = await addUser(hub, 'assessor1', ['assessor']);
});
afterAll(() => hub.close());

/**
 * Sends a request whose body promises `declared` bytes but stops after `sent`, then waits for the
 * hub: what it answered (if anything) and how long until it closed the connection.
 */
function stalledRequest(
  head: string,
  declared: number,
  sent: number,
): Promise<{ answer: string; closedAfterMs: number }> {
  const { port } = new URL(hub.running.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const started = performance.now();
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve({ answer, closedAfterMs: performance.now() - started }));
    socket.on('error', reject);
    socket.write(`${head}\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${declared}\r\n\r\n`);
    socket.write(Buffer.alloc(sent, 0x20));
  });
}

describe('request bodies that stop arriving', () => {
  it('answer 408 to a JSON body that goes quiet, and close the connection', async () => {
    const { answer, closedAfterMs } = await stalledRequest(
      `PUT /api/v1/scores/${randomUUID()} HTTP/1.1\r\nAuthorization: Bearer ${assessor.token}\r\nContent-Type: application/json`,
      1000,
      10,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"request-timeout"');
    expect(closedAfterMs).toBeGreaterThanOrEqual(IDLE_MS - 50);
    expect(closedAfterMs).toBeLessThan(IDLE_MS + 3_000);
  });

  it('drop a packet upload that goes quiet and keep none of it', async () => {
    const { closedAfterMs } = await stalledRequest(
      `POST /api/v1/packets HTTP/1.1\r\nAuthorization: Bearer ${admin.token}\r\nContent-Type: application/octet-stream`,
      1_000_000,
      64 * 1024,
    );
    expect(closedAfterMs).toBeLessThan(IDLE_MS + 3_000);
    // The scratch file is removed as the upload fails (just after the connection closes).
    await expect.poll(() => readdir(hub.running.hub.uploadDir)).toEqual([]);
  });

  it('still take a body that arrives slowly but steadily', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(hub.running.url);
      const body = Buffer.from(JSON.stringify({ baseRevision: 0, record: {} }));
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (text.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `PUT /api/v1/scores/${randomUUID()} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${assessor.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      // Four bytes every IDLE_MS / 3: far slower in total than the idle limit, never quiet for it.
      let sent = 0;
      const drip = setInterval(() => {
        socket.write(body.subarray(sent, sent + 4));
        sent += 4;
        if (sent >= body.length) clearInterval(drip);
      }, IDLE_MS / 3);
    });
    // The body arrived whole: it is judged on its content (an empty record), not timed out.
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });
});

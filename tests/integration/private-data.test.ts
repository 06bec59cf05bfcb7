import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../src/host/server';
import { startHub, type RunningHub } from '../../src/hub/server';
import { createUser } from '../../src/hub/services/users';
import { HubClient } from '../../src/main/hub/hub-client';
import { pullPacket } from '../../src/main/hub/pull';
import { MemoryTokenStore } from '../../src/main/hub/token-store';
import { PacketStore } from '../../src/main/services/packet-store';
import { defaultFiles, manifestFor, tempDir, writePacket } from '../support/packets';

const PASSWORD = 'correct horse battery';

/** Every folder and file under `root` that is not 0700 / 0600. */
async function looseModes(root: string): Promise<string[]> {
  const loose: string[] = [];
  const visit = async (path: string) => {
    const info = await stat(path);
    const mode = info.mode & 0o777;
    if (info.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path} ${mode.toString(8)}`);
      for (const name of await readdir(path)) await visit(join(path, name));
    } else if (mode !== 0o600) loose.push(`${path} ${mode.toString(8)}`);
  };
  await visit(root);
  return loose;
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('anchor-private-data-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the app's data folder is private", () => {
  const webRoot = () => join(dir, 'web');

  it('browser mode refuses a data folder others can write, with the chmod that fixes it', async () => {
    const data = join(dir, 'shared-data');
    await mkdir(data);
    await chmod(data, 0o777);
    await expect(startHost({ dataDir: data, webRoot: webRoot(), log: () => undefined })).rejects.toThrow(
      `chmod 700 ${data}`,
    );
    // Nothing was written into it: not even the lock.
    expect(await readdir(data)).toEqual([]);
  });

  it("browser mode tightens an earlier version's readable data folder at start", async () => {
    const data = join(dir, 'earlier-data');
    await mkdir(join(data, 'workspaces', 'w1', 'packets', 'p1'), { recursive: true });
    await writeFile(join(data, 'workspaces', 'w1', 'packets', 'p1', 'lesson.pdf'), 'x');
    for (const folder of ['', 'workspaces', 'workspaces/w1', 'workspaces/w1/packets', 'workspaces/w1/packets/p1'])
      await chmod(join(data, folder), 0o755);
    await chmod(join(data, 'workspaces', 'w1', 'packets', 'p1', 'lesson.pdf'), 0o644);
    const host = await startHost({ dataDir: data, webRoot: webRoot(), log: () => undefined });
    await host.close();
    expect(await looseModes(join(data, 'workspaces', 'w1', 'packets'))).toEqual([]);
    expect((await stat(data)).mode & 0o777).toBe(0o700);
  });
});

describe('a packet pulled from a hub is private like an imported one', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
  });

  it('writes 0700 folders and 0600 files, whatever the umask', async () => {
    const api = async (method: string, path: string, token: string | undefined, body: unknown) => {
      const answer = await fetch(hub.url + path, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          'Content-Type': body instanceof Uint8Array ? 'application/octet-stream' : 'application/json',
        },
        body: body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
      });
      expect(answer.status, `${method} ${path}`).toBeLessThan(300);
      return answer.json();
    };
    await createUser(hub.hub, { username: 'admin1', password: PASSWORD, roles: ['admin'] }, null);
    const assessor = await createUser(
      hub.hub,
      { username: 'assessor1', password: PASSWORD, roles: ['assessor'] },
      null,
    );
    const { accessToken: admin } = await api('POST', '/api/v1/session', undefined, {
      username: 'admin1',
      password: PASSWORD,
    });
    const packetId = randomUUID();
    const files = await defaultFiles();
    const packet = await writePacket(dir, `${packetId}.anchor`, { files, manifest: manifestFor(files, packetId) });
    await api('POST', '/api/v1/packets', admin, new Uint8Array(await readFile(packet)));
    const now = Date.now();
    const window = await api('POST', '/api/v1/windows', admin, {
      name: 'Window',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      decisionsDueAt: new Date(now + 35 * 86_400_000).toISOString(),
    });
    await api('POST', '/api/v1/assignments', admin, { windowId: window.id, packetId, assessorId: assessor.id });

    // The vitest process keeps the usual umask (022): the modes must come from the code, not the umask.
    const client = new HubClient(new MemoryTokenStore());
    await client.signIn(hub.url, 'assessor1', PASSWORD);
    const data = join(dir, 'app-data');
    const store = await new PacketStore(data).open();
    expect(await pullPacket(client, store, packetId)).toMatchObject({ ok: true });
    expect(await readdir(join(data, 'packets'))).toEqual([packetId]);
    expect(await looseModes(join(data, 'packets'))).toEqual([]);
    expect(await looseModes(join(data, 'downloads')).catch(() => [])).toEqual([]);
  });
});

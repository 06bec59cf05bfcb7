import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHub } from '../../src/hub/open';
import { tempDir } from '../support/packets';
import { addUser, openWindow, packetFile, scoreRecord, startTestHub } from './support/hub';
import { startHubProcess } from './support/hub-process';

/** Every folder and file under `root` whose group/others bits are not what a private tree has. */
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

describe("the hub's data folder is private", () => {
  it('refuses a folder others can write, with the chmod that fixes it in the message', async () => {
    const dir = await tempDir('anchor-hub-private-');
    const data = join(dir, 'data');
    await mkdir(data);
    await chmod(data, 0o777);
    await expect(openHub({ dataDir: data, log: () => undefined })).rejects.toThrow(`chmod 700 ${data}`);
    // The hub command says the same and exits before it listens.
    await expect(startHubProcess(data)).rejects.toThrow(`chmod 700 ${data}`);
  });

  it('keeps its database, evidence and scores in 0700 folders and 0600 files, after a packet and a score upload', async () => {
    const setup = await startTestHub();
    try {
      const admin = await addUser(setup, 'admin1', ['admin']);
      const assessor = await addUser(setup, 'assessor1', ['assessor']);
      const windowId = await openWindow(setup, admin);
      await setup.running.close();

      // The real hub command (its own umask), on the folder the test hub made.
      const data = join(setup.dir, 'data');
      const hub = await startHubProcess(data);
      try {
        const { bytes, packetId } = await packetFile(setup.dir);
        const send = (
          method: string,
          path: string,
          token: string,
          body: Uint8Array<ArrayBuffer> | string,
          type: string,
        ) =>
          fetch(hub.url + path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body });
        const uploaded = await send(
          'POST',
          '/api/v1/packets',
          admin.token,
          new Uint8Array(bytes),
          'application/octet-stream',
        );
        expect(uploaded.status).toBe(201);
        const assignment = { windowId, packetId, assessorId: assessor.id };
        const assigned = await send(
          'POST',
          '/api/v1/assignments',
          admin.token,
          JSON.stringify(assignment),
          'application/json',
        );
        expect(assigned.status, await assigned.clone().text()).toBe(201);
        const record = scoreRecord(packetId, 'assessor1');
        const scored = await send(
          'PUT',
          `/api/v1/scores/${record.id}`,
          assessor.token,
          JSON.stringify({ baseRevision: 0, record }),
          'application/json',
        );
        expect(scored.status).toBe(201);
      } finally {
        await hub.stop();
      }
      expect(await looseModes(data)).toEqual([]);
    } finally {
      await setup.close().catch(() => undefined);
    }
  });
});

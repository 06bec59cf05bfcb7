import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningHub } from '../../../src/hub/server';
import { startHubFromTemplate } from '../../support/hub-start';
import { createUser } from '../../../src/hub/services/users';
import type { WindowDashboard } from '../../../src/shared/contract/window-dashboard';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../../support/packets';
import { hubApi } from './hub-api';

/** The password of every account on the committee hub. */
export const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

export interface CommitteeHub {
  running: RunningHub;
  url: string;
  windowId: string;
  windowName: string;
  /** Pseudonym → packet id. */
  packets: Record<string, string>;
  dashboard(): Promise<WindowDashboard>;
  /** Uploads a score for the packet as this assessor (level l1–l4 on the one criterion). */
  score(who: 'assessor1' | 'assessor2', packetId: string, levelId: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A hub with one review window two days from closing (decisions due in five), a policy that
 * double-scores every packet (randomShare 1), admin1, chair1, assessor1 and assessor2, and four
 * packets first assigned to assessor1: "Apart" (assessor2 scores two levels lower: adjudication),
 * "Agreeing" (double-scored), "Waiting" (scored once, assessor2 pending) and "Untouched"
 * (assigned, unscored — the one the chair reassigns), and "Spare" (unscored until the story scores it
 * while the chair's Reassign dialog is open, so the hub refuses).
 */
export async function startCommitteeHub(): Promise<CommitteeHub> {
  const dir = await tempDir('anchor-committee-hub-');
  const running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  const user = (username: string, roles: ('admin' | 'chair' | 'assessor')[]) =>
    createUser(running.hub, { username, password: PASSWORD, roles }, null);
  const tokenFor = async (userId: string) => (await running.hub.tokens.signIn(userId)).accessToken;
  const admin = await tokenFor((await user('admin1', ['admin'])).id);
  const chair = await tokenFor((await user('chair1', ['chair'])).id);
  const first = await user('assessor1', ['assessor']);
  const second = await user('assessor2', ['assessor']);
  const tokens = { assessor1: await tokenFor(first.id), assessor2: await tokenFor(second.id) };

  const call = <T>(token: string, method: string, path: string, body?: unknown) =>
    hubApi<T>(running.url, method, path, token, body);
  const score = (who: keyof typeof tokens, packetId: string, levelId: string) => {
    const record = scoreRecord(packetId, who, {
      criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the lesson video.' }],
      decision: { kind: levelId === 'l2' ? 'not-yet' : 'earned' },
    });
    return call(tokens[who], 'PUT', `/api/v1/scores/${record.id}`, { baseRevision: 0, record });
  };

  const now = running.hub.now();
  const windowName = 'Spring review window';
  const window = await call<{ id: string }>(admin, 'POST', '/api/v1/windows', {
    name: windowName,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 2 * DAY).toISOString(),
    decisionsDueAt: new Date(now + 5 * DAY).toISOString(),
    scoringPolicy: { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } },
  });
  const files = await defaultFiles();
  const packets: Record<string, string> = {};
  for (const pseudonym of ['Apart', 'Agreeing', 'Waiting', 'Untouched', 'Spare']) {
    const packetId = randomUUID();
    const file = await writePacket(dir, `${packetId}.anchor`, {
      files,
      manifest: { ...manifestFor(files, packetId), candidate: { pseudonym } },
    });
    await call(admin, 'POST', '/api/v1/packets', new Uint8Array(await readFile(file)));
    await call(admin, 'POST', '/api/v1/assignments', { windowId: window.id, packetId, assessorId: first.id });
    packets[pseudonym] = packetId;
  }
  const dashboard = () => call<WindowDashboard>(chair, 'GET', `/api/v1/windows/${window.id}/dashboard`);
  const until = async (check: (d: WindowDashboard) => boolean) => {
    for (let i = 0; i < 200 && !check(await dashboard()); i++) await new Promise((r) => setTimeout(r, 25));
  };
  await score('assessor1', packets.Apart!, 'l4');
  await score('assessor1', packets.Agreeing!, 'l3');
  await score('assessor1', packets.Waiting!, 'l3');
  // Routing runs after each upload is acknowledged: wait for the three second assignments.
  await until((d) => d.packets.filter((p) => p.assessors.length === 2).length === 3);
  await score('assessor2', packets.Apart!, 'l2');
  await score('assessor2', packets.Agreeing!, 'l3');
  await until((d) => d.counts['in-adjudication'] === 1);

  return {
    running,
    url: running.url,
    windowId: window.id,
    windowName,
    packets,
    dashboard,
    score,
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

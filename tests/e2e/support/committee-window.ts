import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningHub } from '../../../src/hub/server';
import { startHubFromTemplate } from '../../support/hub-start';
import { createUser } from '../../../src/hub/services/users';
import type { WindowDashboard } from '../../../src/shared/contract/window-dashboard';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../../support/packets';
import { hubApi } from './hub-api';
import { PASSWORD } from './committee-hub';

export { PASSWORD };
const DAY = 86_400_000;
const ASSESSORS = ['assessor1', 'assessor2', 'assessor3'] as const;
type Assessor = (typeof ASSESSORS)[number];

export interface CommitteeWindow {
  running: RunningHub;
  url: string;
  windowId: string;
  windowName: string;
  /** Pseudonym → packet id. */
  packets: Record<string, string>;
  /** A hub call as chair1, chair2 (conflicted with Northside) or platform1; throws on anything but 2xx. */
  as<T>(who: 'chair1' | 'chair2' | 'platform1', method: string, path: string, body?: unknown): Promise<T>;
  /** The HTTP status of a GET as that account (for the refusals). */
  status(who: 'chair1' | 'chair2' | 'platform1', path: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * A window from assignment to the committee's desk, on the hub's real routes: every packet
 * double-scored by policy among three assessors. "Agreeing" (both at l3), "Apart" (l4 against l2:
 * adjudication), "Northside" (from the school chair2 declared a conflict with, both at l3) and
 * "Master", a validity packet of the window that no one decides. chair1 decides and releases;
 * chair2 must see nothing of Northside; platform1 reads released outcomes.
 */
export async function startCommitteeWindow(): Promise<CommitteeWindow> {
  const dir = await tempDir('anchor-committee-window-');
  const running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  const user = (username: string, roles: ('admin' | 'chair' | 'assessor' | 'platform')[]) =>
    createUser(running.hub, { username, password: PASSWORD, roles }, null);
  const tokenFor = async (userId: string) => (await running.hub.tokens.signIn(userId)).accessToken;
  const admin = await tokenFor((await user('admin1', ['admin'])).id);
  const staff = {
    chair1: await tokenFor((await user('chair1', ['chair'])).id),
    chair2: await tokenFor((await user('chair2', ['chair'])).id),
    platform1: await tokenFor((await user('platform1', ['platform'])).id),
  };
  const assessorIds: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const name of ASSESSORS) {
    const created = await user(name, ['assessor']);
    assessorIds[name] = created.id;
    tokens[name] = await tokenFor(created.id);
  }
  const call = <T>(token: string, method: string, path: string, body?: unknown) =>
    hubApi<T>(running.url, method, path, token, body);
  const score = (who: string, packetId: string, levelId: string) => {
    const record = scoreRecord(packetId, who, {
      criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the lesson video.' }],
      decision: { kind: levelId === 'l2' ? 'not-yet' : 'earned' },
      candidateFeedback: { overall: `${who}: the lesson plan is clear.`, byCriterion: [] },
    });
    return call(tokens[who]!, 'PUT', `/api/v1/scores/${record.id}`, { baseRevision: 0, record });
  };
  await call(staff.chair2, 'POST', '/api/v1/conflicts', { school: 'Northside' });

  const now = running.hub.now();
  const windowName = 'Summer review window';
  const window = await call<{ id: string }>(admin, 'POST', '/api/v1/windows', {
    name: windowName,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 2 * DAY).toISOString(),
    decisionsDueAt: new Date(now + 5 * DAY).toISOString(),
    scoringPolicy: { secondScoring: { randomShare: 1, resubmissions: false, nearCutMargin: 0 } },
  });
  const files = await defaultFiles();
  const packets: Record<string, string> = {};
  const firsts: Record<string, Assessor> = { Agreeing: 'assessor1', Apart: 'assessor2', Northside: 'assessor3' };
  for (const pseudonym of ['Agreeing', 'Apart', 'Northside', 'Master']) {
    const packetId = randomUUID();
    const file = await writePacket(dir, `${packetId}.anchor`, {
      files,
      manifest: { ...manifestFor(files, packetId), candidate: { pseudonym } },
    });
    const school = pseudonym === 'Northside' ? '?school=Northside' : '';
    await call(admin, 'POST', `/api/v1/packets${school}`, new Uint8Array(await readFile(file)));
    packets[pseudonym] = packetId;
    const first = firsts[pseudonym];
    if (first)
      await call(admin, 'POST', '/api/v1/assignments', {
        windowId: window.id,
        packetId,
        assessorId: assessorIds[first],
      });
  }
  // The issuing platform records who the candidate is; the committee sees it only on a reveal.
  await call(staff.platform1, 'PUT', `/api/v1/packets/${packets.Apart}/identity`, {
    name: 'Dana Reyes',
    email: 'dana@example.org',
  });
  await call(staff.chair1, 'PUT', `/api/v1/windows/${window.id}/validity/${packets.Master}`, {
    masters: [{ criterionId: 'design', levelId: 'l3' }],
    decision: 'earned',
  });

  const dashboard = () => call<WindowDashboard>(staff.chair1, 'GET', `/api/v1/windows/${window.id}/dashboard`);
  const until = async (check: (d: WindowDashboard) => boolean) => {
    for (let i = 0; i < 400 && !check(await dashboard()); i++) await new Promise((r) => setTimeout(r, 25));
  };
  const levels: Record<string, [string, string]> = {
    Agreeing: ['l3', 'l3'],
    Apart: ['l4', 'l2'],
    Northside: ['l3', 'l3'],
  };
  await Promise.all(Object.entries(firsts).map(([p, who]) => score(who, packets[p]!, levels[p]![0])));
  // Routing runs after each upload is acknowledged: wait for the three second assignments.
  await until((d) => d.packets.filter((p) => p.assessors.length === 2).length === 3);
  for (const packet of (await dashboard()).packets) {
    const second = packet.assessors.find((a) => a.username !== firsts[packet.pseudonym]);
    if (second) await score(second.username, packet.packetId, levels[packet.pseudonym]![1]);
  }
  await until((d) => d.counts['in-adjudication'] === 1 && d.counts['double-scored'] === 2);

  return {
    running,
    url: running.url,
    windowId: window.id,
    windowName,
    packets,
    as: (who, method, path, body) => call(staff[who], method, path, body),
    status: async (who, path) =>
      (await fetch(`${running.url}${path}`, { headers: { Authorization: `Bearer ${staff[who]}` } })).status,
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

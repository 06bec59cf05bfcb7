import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningHub } from '../../../src/hub/server';
import { startHubFromTemplate } from '../../support/hub-start';
import { createUser } from '../../../src/hub/services/users';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../../support/packets';
import { hubApi } from './hub-api';

export const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

export interface QualityHub {
  running: RunningHub;
  url: string;
  windowId: string;
  windowName: string;
  close(): Promise<void>;
}

/**
 * A hub with one open window whose policy flags after 2 compared packets, chair1, assessor1 (who
 * scores two levels above assessor2 on most double-scored packets: flagged lenient and disagreeing),
 * assessor2 and assessor3 (who agree with each other), and one validity packet ("Known") that
 * assessor1 scored at the master's level.
 */
export async function startQualityHub(): Promise<QualityHub> {
  const dir = await tempDir('anchor-quality-hub-');
  const running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  const user = (username: string, roles: ('admin' | 'chair' | 'assessor')[]) =>
    createUser(running.hub, { username, password: PASSWORD, roles }, null);
  const tokenFor = async (userId: string) => (await running.hub.tokens.signIn(userId)).accessToken;
  const admin = await tokenFor((await user('admin1', ['admin'])).id);
  const chair = await tokenFor((await user('chair1', ['chair'])).id);
  const people = {
    assessor1: await user('assessor1', ['assessor']),
    assessor2: await user('assessor2', ['assessor']),
    assessor3: await user('assessor3', ['assessor']),
  };
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(people).map(async ([name, u]) => [name, await tokenFor(u.id)] as const)),
  ) as Record<keyof typeof people, string>;
  const call = <T>(token: string, method: string, path: string, body?: unknown) =>
    hubApi<T>(running.url, method, path, token, body);
  const score = (who: keyof typeof people, packetId: string, levelId: string, minutes: number) => {
    const record = scoreRecord(packetId, who, {
      criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the lesson video.' }],
      decision: { kind: levelId === 'l1' || levelId === 'l2' ? 'not-yet' : 'earned' },
      createdAt: '2026-10-02T09:00:00.000Z',
      submittedAt: new Date(Date.parse('2026-10-02T09:00:00.000Z') + minutes * 60_000).toISOString(),
    });
    return call(tokens[who], 'PUT', `/api/v1/scores/${record.id}`, { baseRevision: 0, record });
  };

  const now = running.hub.now();
  const windowName = 'Autumn review window';
  const window = await call<{ id: string }>(admin, 'POST', '/api/v1/windows', {
    name: windowName,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 10 * DAY).toISOString(),
    decisionsDueAt: new Date(now + 20 * DAY).toISOString(),
    scoringPolicy: {
      secondScoring: { randomShare: 0, resubmissions: false, nearCutMargin: 0 },
      quality: { minScored: 2, minExactAgreement: 0.6, maxAbsSeverity: 0.5 },
      validity: { rate: 0.2 },
    },
  });
  const files = await defaultFiles();
  const upload = async (pseudonym: string) => {
    const packetId = randomUUID();
    const file = await writePacket(dir, `${packetId}.anchor`, {
      files,
      manifest: { ...manifestFor(files, packetId), candidate: { pseudonym } },
    });
    await call(admin, 'POST', '/api/v1/packets', new Uint8Array(await readFile(file)));
    return packetId;
  };
  const assign = (packetId: string, who: keyof typeof people) =>
    call(admin, 'POST', '/api/v1/assignments', { windowId: window.id, packetId, assessorId: people[who].id });

  // Twelve packets double-scored in pairs: assessor1 with assessor2 (apart, then closer), assessor2 with assessor3.
  const pairs: [keyof typeof people, string, keyof typeof people, string][] = [
    ['assessor1', 'l4', 'assessor2', 'l2'],
    ['assessor1', 'l4', 'assessor2', 'l2'],
    ['assessor1', 'l4', 'assessor2', 'l3'],
    ['assessor1', 'l4', 'assessor2', 'l2'],
    ['assessor1', 'l3', 'assessor2', 'l2'],
    ['assessor1', 'l4', 'assessor2', 'l4'],
    ['assessor1', 'l4', 'assessor2', 'l3'],
    ['assessor2', 'l3', 'assessor3', 'l3'],
    ['assessor2', 'l2', 'assessor3', 'l2'],
    ['assessor2', 'l3', 'assessor3', 'l3'],
    ['assessor2', 'l4', 'assessor3', 'l3'],
    ['assessor2', 'l3', 'assessor3', 'l3'],
  ];
  for (const [i, [a, la, b, lb]] of pairs.entries()) {
    const packetId = await upload(`Candidate ${String(i + 1).padStart(2, '0')}`);
    await assign(packetId, a);
    await assign(packetId, b);
    await score(a, packetId, la, 25 + i * 3);
    await score(b, packetId, lb, 40 - i);
  }
  const known = await upload('Known');
  await call(chair, 'PUT', `/api/v1/windows/${window.id}/validity/${known}`, {
    masters: [{ criterionId: 'design', levelId: 'l3' }],
    decision: 'earned',
  });
  await assign(known, 'assessor1');
  await score('assessor1', known, 'l4', 30);

  return {
    running,
    url: running.url,
    windowId: window.id,
    windowName,
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningHub } from '../../../src/hub/server';
import { startHubFromTemplate } from '../../support/hub-start';
import { createUser } from '../../../src/hub/services/users';
import { defaultFiles, manifestFor, scoreRecord, tempDir, writePacket } from '../../support/packets';
import { hubApi } from './hub-api';

/** The password of every account on the norming hub. */
export const PASSWORD = 'correct horse battery';

export interface Participant {
  id: string;
  username: string;
  token: string;
}

export interface NormingHub {
  running: RunningHub;
  url: string;
  sessionId: string;
  /** The anchors in scoring order, each with its pseudonym. */
  anchors: { packetId: string; pseudonym: string }[];
  participants: Participant[];
  facilitatorToken: string;
  /** A participant's score for one anchor at one level (criterion "design"), through the hub's PUT. */
  score(participant: Participant, packetId: string, levelId: string): Promise<void>;
  /** A JSON call of the hub API as the facilitator. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * A real hub over HTTP with one norming session ready: `facilitator1`, participants
 * `assessor1…N`, one anchor packet per master level given (test rubric: one criterion "design",
 * levels l1–l4). Tokens are issued in-process, so fifty participants do not meet the sign-in throttle.
 */
export async function startNormingHub({
  participants: count,
  masters = ['l3', 'l2', 'l4'],
  mode = 'qualification',
}: {
  participants: number;
  masters?: string[];
  mode?: 'calibration' | 'qualification';
}): Promise<NormingHub> {
  const dir = await tempDir('anchor-norming-hub-');
  const running = await startHubFromTemplate({ dataDir: join(dir, 'hub'), port: 0, log: () => undefined });
  const tokenFor = async (userId: string) => (await running.hub.tokens.signIn(userId)).accessToken;
  const admin = await createUser(running.hub, { username: 'admin1', password: PASSWORD, roles: ['admin'] }, null);
  const facilitator = await createUser(
    running.hub,
    { username: 'facilitator1', password: PASSWORD, roles: ['facilitator'] },
    null,
  );
  const adminToken = await tokenFor(admin.id);
  const facilitatorToken = await tokenFor(facilitator.id);

  const call = <T>(token: string, method: string, path: string, body?: unknown) =>
    hubApi<T>(running.url, method, path, token, body);

  const participants: Participant[] = [];
  for (let i = 1; i <= count; i++) {
    const user = await createUser(
      running.hub,
      { username: `assessor${i}`, password: PASSWORD, roles: ['assessor'] },
      null,
    );
    participants.push({ id: user.id, username: user.username, token: await tokenFor(user.id) });
  }

  const files = await defaultFiles();
  const anchors: NormingHub['anchors'] = [];
  for (let i = 0; i < masters.length; i++) {
    const packetId = randomUUID();
    const pseudonym = `Anchor A-${101 + i}`;
    const file = await writePacket(dir, `${packetId}.anchor`, {
      files,
      manifest: { ...manifestFor(files, packetId), candidate: { pseudonym } },
    });
    await call(adminToken, 'POST', '/api/v1/packets', new Uint8Array(await readFile(file)));
    anchors.push({ packetId, pseudonym });
  }
  const rationales = [
    'Checks align to the objective and are used.',
    'Checks exist but do not adjust teaching.',
    'Checks align and adapt the lesson.',
  ];
  const session = await call<{ id: string }>(facilitatorToken, 'POST', '/api/v1/norming/sessions', {
    title: 'Checking for understanding: spring calibration',
    credentialId: 'cfu',
    mode,
    anchors: anchors.map(({ packetId }, i) => ({
      packetId,
      masters: [{ criterionId: 'design', levelId: masters[i], rationale: rationales[i % rationales.length] }],
    })),
    participantIds: participants.map((p) => p.id),
    thresholds: { minExact: 0.7, minAdjacent: 0.95, unscorableFails: true, validDays: 365 },
  });

  return {
    running,
    url: running.url,
    sessionId: session.id,
    anchors,
    participants,
    facilitatorToken,
    score: async (participant, packetId, levelId) => {
      const record = scoreRecord(packetId, participant.username, {
        criteria: [{ criterionId: 'design', levelId, rationale: 'Seen in the lesson video.' }],
      });
      await call(participant.token, 'PUT', `/api/v1/norming/sessions/${session.id}/scores/${record.id}`, {
        baseRevision: 0,
        record,
      });
    },
    api: (method, path, body) => call(facilitatorToken, method, path, body),
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

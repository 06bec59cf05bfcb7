import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDemoSet } from './demo-set';
import { DEMO_ANCHORS, DEMO_MASTERS, DEMO_NORMING_TITLE } from './norming-seed';
import { CreateNormingSessionRequest } from '../shared/contract/norming';
import { createSession, listSessionsFor } from '../hub/services/norming';
import type { Role } from '../shared/contract/hub-api';
import type { HubContext } from '../hub/context';
import { assignAutomatically } from '../hub/services/assignments';
import { ingestPacket } from '../hub/services/ingest-packet';
import { createUser } from '../hub/services/users';
import { appendAudit } from '../hub/store/audit';
import { insertConflict, listConflicts } from '../hub/store/conflicts';
import { findUserForSignIn } from '../hub/store/users';
import { findWindowByName, insertWindow } from '../hub/store/windows';

/** The password of every demo account. Public knowledge: why --demo is refused off loopback. */
export const DEMO_PASSWORD = 'anchor-demo';

export const DEMO_USERS: readonly { username: string; roles: Role[] }[] = [
  { username: 'admin1', roles: ['admin'] },
  { username: 'chair1', roles: ['chair'] },
  { username: 'facilitator1', roles: ['facilitator'] },
  { username: 'assessor1', roles: ['assessor'] },
  { username: 'assessor2', roles: ['assessor'] },
  { username: 'assessor3', roles: ['assessor'] },
  { username: 'assessor4', roles: ['assessor'] },
];

export const DEMO_WINDOW = 'Demo review window';
const DAY = 24 * 60 * 60 * 1000;

/** Invented schools and districts, so conflict-of-interest skipping shows in the demo. */
const DEMO_SCHOOLS = [
  { school: 'Riverside Elementary', district: 'North Valley USD' },
  { school: 'Harbor View Middle', district: 'Harbor City SD' },
  { school: 'Lakeside High', district: 'North Valley USD' },
];
/** assessor4 used to teach in Harbor City: auto-assignment must route those packets elsewhere. */
const DEMO_CONFLICT = { username: 'assessor4', district: 'Harbor City SD' };

export interface DemoSeedSummary {
  users: number;
  packets: number;
  assignments: number;
  windowId: string;
  normingSessionId: string;
}

/**
 * Fills a hub with the demo: the seven accounts, an open review window, the demo packets
 * (built by writeDemoSet, uploaded through the same validation as any upload) and two assessors
 * per packet. Safe to run again: what exists is kept, only what is missing is added.
 */
export async function seedDemo(hub: HubContext): Promise<DemoSeedSummary> {
  let users = 0;
  for (const user of DEMO_USERS) {
    if (await findUserForSignIn(hub.db, user.username)) continue;
    await createUser(hub, { ...user, password: DEMO_PASSWORD }, null);
    users++;
  }
  const conflicted = await findUserForSignIn(hub.db, DEMO_CONFLICT.username);
  if (conflicted && (await listConflicts(hub.db, conflicted.id)).length === 0) {
    await insertConflict(hub.db, conflicted.id, { district: DEMO_CONFLICT.district }, hub.now());
  }

  const existing = await findWindowByName(hub.db, DEMO_WINDOW, hub.now());
  const windowId = existing?.isOpen ? existing.id : await createDemoWindow(hub);

  const work = await mkdtemp(join(hub.uploadDir, 'demo-'));
  let packets = 0;
  const packetIds: string[] = [];
  try {
    const files = await writeDemoSet(work);
    for (const [index, file] of files.entries()) {
      const outcome = await ingestPacket(hub, file, {
        uploadedBy: null,
        ...DEMO_SCHOOLS[index % DEMO_SCHOOLS.length]!,
      });
      if (!outcome.ok) {
        throw new Error(
          `demo packet ${file} was refused: ${outcome.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        );
      }
      packetIds.push(outcome.packet.packetId);
      if (!outcome.alreadyUploaded) packets++;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const assigned = await assignAutomatically(hub, { windowId, packetIds, assessorsPerPacket: 2 }, null);
  const normingSessionId = await seedNorming(hub);
  return { users, packets, assignments: assigned.created.length, windowId, normingSessionId };
}

/**
 * A calibration session ready to run: the three anchors (uploaded like any packet, before the
 * live packets are assigned so they are never assigned), their masters, facilitator1 running it
 * and assessor1–4 taking part. Kept when it exists.
 */
type MasterInput = (typeof DEMO_MASTERS)[string];

async function seedNorming(hub: HubContext): Promise<string> {
  const facilitator = await findUserForSignIn(hub.db, 'facilitator1');
  if (!facilitator) throw new Error('the demo facilitator account is missing');
  const principal = {
    userId: facilitator.id,
    username: 'facilitator1',
    roles: ['facilitator'] as const,
    sessionId: '',
    accessExpiresAt: 0,
  };
  const existing = (await listSessionsFor(hub, principal)).find((s) => s.title === DEMO_NORMING_TITLE);
  if (existing) return existing.id;
  const work = await mkdtemp(join(hub.uploadDir, 'demo-anchors-'));
  const anchors: { packetId: string; masters: MasterInput }[] = [];
  try {
    for (const [index, file] of (await writeDemoSet(work, DEMO_ANCHORS)).entries()) {
      const outcome = await ingestPacket(hub, file, { uploadedBy: null, school: null, district: null });
      if (!outcome.ok)
        throw new Error(`demo anchor ${file} was refused: ${outcome.problems.map((p) => p.message).join('; ')}`);
      const code = DEMO_ANCHORS[index]!.pseudonym.replace('Anchor ', '');
      anchors.push({ packetId: outcome.packet.packetId, masters: DEMO_MASTERS[code]! });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const participants: string[] = [];
  for (const username of ['assessor1', 'assessor2', 'assessor3', 'assessor4']) {
    const user = await findUserForSignIn(hub.db, username);
    if (user) participants.push(user.id);
  }
  const view = await createSession(
    hub,
    principal,
    CreateNormingSessionRequest.parse({
      title: DEMO_NORMING_TITLE,
      credentialId: 'checking-for-understanding',
      mode: 'calibration',
      anchors,
      participantIds: participants,
    }),
  );
  return view.id;
}

/** Opened yesterday, closes in two weeks, decisions due three weeks after that. */
async function createDemoWindow(hub: HubContext): Promise<string> {
  const now = hub.now();
  const id = await insertWindow(hub.db, {
    name: DEMO_WINDOW,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 14 * DAY).toISOString(),
    decisionsDueAt: new Date(now + 35 * DAY).toISOString(),
    status: 'open',
  });
  await appendAudit(
    hub.db,
    { actor: null, action: 'window.create', subject: `window:${id}`, detail: { demo: true } },
    now,
  );
  return id;
}

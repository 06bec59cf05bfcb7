import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/hub/routes';
import { createUser } from '../../src/hub/services/users';
import { insertAdjudication } from '../../src/hub/store/scoring-quality';
import { insertWindow } from '../../src/hub/store/windows';
import { forEachBackend } from './support/backends';
import { CREDENTIAL, CRITERION, normingSession, type NormingFixture } from './support/norming';
import {
  addUser,
  assign,
  openWindow,
  packetFile,
  PASSWORD,
  scoreRecord,
  signIn,
  startTestHub,
  uploadPacket,
  type TestHub,
  type TestUser,
} from './support/hub';

/**
 * The authorization matrix: every route × every role × the caller's own resource and someone
 * else's, with the status each must get. The caller with the assessor role is assessor1; "own"
 * means assessor1's packet and score, "other" means assessor2's. Chairs and admins have no
 * assignments of their own, so for them "own" and "other" are simply two different packets.
 * Adding a route without adding it here fails the first test.
 */
type Caller = 'anonymous' | 'assessor' | 'facilitator' | 'chair' | 'admin' | 'lead' | 'platform';
/**
 * own: assessor1's packet and score; other: assessor2's; conflicted: a packet of a school that
 * assessor1 (who was assigned it and scored it first) and chair1 declared a conflict with.
 */
type Scope = 'own' | 'other' | 'conflicted';
type Expected = Record<Caller, number>;

const CALLERS: Caller[] = ['anonymous', 'assessor', 'facilitator', 'chair', 'admin', 'lead', 'platform'];
const same = (status: number): Expected => Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Expected;
const signedIn = (status: number): Expected => ({ ...same(status), anonymous: 401 });
const only = (roles: Caller[], status: number): Expected =>
  Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 401 : roles.includes(c) ? status : 403])) as Expected;
/** A norming route open to anyone signed in: participants and staff get `status`, everyone else 404. */
const norming = (participant: number, staff: number): Expected => ({
  anonymous: 401,
  assessor: participant,
  facilitator: staff,
  chair: 404,
  admin: staff,
  lead: 404,
  platform: 404,
});
const NORMING_STAFF: Caller[] = ['facilitator', 'admin'];
/** Who declared a conflict with the conflicted packet's school in this matrix (the roles that may declare one). */
const DECLARED: Caller[] = ['assessor', 'chair'];
/**
 * The routes about one packet, tried on the conflicted packet too: as on their own packet, except
 * that each caller who declared the conflict gets 404 wherever their role would let them in —
 * conflicts outrank every role, and the answer confirms nothing about the packet.
 */
const ABOUT_ONE_PACKET = new Set([
  'GET /api/v1/packets/{packetId}',
  'GET /api/v1/packets/{packetId}/evidence/{evidenceId}',
  'PUT /api/v1/scores/{scoreId}',
  'GET /api/v1/scores/{scoreId}',
  'GET /api/v1/windows/{windowId}/packets/{packetId}/back-reading',
  'GET /api/v1/adjudications/{adjudicationId}',
  'PUT /api/v1/adjudications/{adjudicationId}/resolution',
  'GET /api/v1/windows/{windowId}/packets/{packetId}/thread',
  'POST /api/v1/windows/{windowId}/packets/{packetId}/thread',
  'GET /api/v1/windows/{windowId}/packets/{packetId}/decision',
  'PUT /api/v1/windows/{windowId}/decisions/{packetId}',
  'GET /api/v1/windows/{windowId}/packets/{packetId}/candidate-report',
  'POST /api/v1/windows/{windowId}/packets/{packetId}/identity-reveal',
]);
function conflictedExpectation(route: string, row: { expected: { own?: Expected } }): Expected | undefined {
  if (!ABOUT_ONE_PACKET.has(route) || !row.expected.own) return undefined;
  const own = row.expected.own;
  return Object.fromEntries(
    CALLERS.map((c) => [c, DECLARED.includes(c) && own[c] !== 403 && own[c] !== 401 ? 404 : own[c]]),
  ) as Expected;
}
/** Committee routes: who reads and resolves adjudications, who may sit on a packet's committee, who decides. */
const COMMITTEE: Caller[] = ['chair', 'admin', 'lead'];
const MEMBERS: Caller[] = ['chair', 'admin', 'lead', 'assessor'];
const DECIDERS: Caller[] = ['chair', 'admin'];
const DECISION = { decisionTypeId: 'earned', candidateFeedback: { overall: 'Well done.' }, reason: 'Matrix decision.' };

interface Request {
  method: string;
  path: string;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  token?: string;
}

interface MatrixRow {
  expected: Partial<Record<Scope, Expected>>;
  request(caller: Caller, scope: Scope): Promise<Request>;
}

forEachBackend((backend) => {
  let hub: TestHub;
  const users = {} as Record<Exclude<Caller, 'anonymous'>, TestUser>;
  let otherAssessor: TestUser;
  let windowId: string;
  const resources = {} as Record<Scope, { packetId: string; scoreId: string; scoreBody: unknown }>;

  const tokenOf = (caller: Caller) => (caller === 'anonymous' ? undefined : users[caller].token);
  const usernameOf = (caller: Caller) => (caller === 'anonymous' ? 'assessor1' : users[caller].username);
  const ownerOf = (scope: Scope) => (scope === 'other' ? otherAssessor : users.assessor);

  const MATRIX: Record<string, MatrixRow> = {
    'GET /api/v1/health': {
      expected: { own: same(200) },
      request: async () => ({ method: 'GET', path: '/api/v1/health' }),
    },
    'GET /api/v1/openapi.json': {
      expected: { own: same(200) },
      request: async () => ({ method: 'GET', path: '/api/v1/openapi.json' }),
    },
    'POST /api/v1/session': {
      expected: { own: same(200) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/session',
        json: { username: usernameOf(caller), password: PASSWORD },
      }),
    },
    'POST /api/v1/session/refresh': {
      expected: { own: same(200) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/session/refresh',
        json: { refreshToken: (await signIn(hub, usernameOf(caller))).refreshToken },
      }),
    },
    'DELETE /api/v1/session': {
      expected: { own: signedIn(204) },
      // A session of its own, so the caller's matrix token survives.
      request: async (caller) => ({
        method: 'DELETE',
        path: '/api/v1/session',
        token: caller === 'anonymous' ? undefined : (await signIn(hub, usernameOf(caller))).accessToken,
      }),
    },
    'GET /api/v1/assignments': {
      expected: { own: signedIn(200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/assignments', token: tokenOf(caller) }),
    },
    'GET /api/v1/packets/{packetId}': {
      // Facilitators read norming anchors only; these packets are assigned for live scoring.
      // Leads read scored packets (both of these are scored), to back-read them.
      expected: {
        own: { ...only(['assessor', 'facilitator', 'chair', 'admin', 'lead'], 200), facilitator: 404 },
        other: { ...only(['assessor', 'facilitator', 'chair', 'admin', 'lead'], 200), assessor: 404, facilitator: 404 },
      },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/packets/${resources[scope].packetId}`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/packets/{packetId}/evidence/{evidenceId}': {
      // Leads read scored packets (both of these are scored), to back-read them.
      expected: {
        own: { ...only(['assessor', 'facilitator', 'chair', 'admin', 'lead'], 200), facilitator: 404 },
        other: { ...only(['assessor', 'facilitator', 'chair', 'admin', 'lead'], 200), assessor: 404, facilitator: 404 },
      },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/packets/${resources[scope].packetId}/evidence/item-2`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/scores/{scoreId}': {
      // Own: replaying assessor1's stored score (200). Other: scoring assessor2's packet (404).
      expected: { own: only(['assessor'], 200), other: only(['assessor'], 404) },
      request: async (caller, scope) => {
        if (scope !== 'other') {
          return {
            method: 'PUT',
            path: `/api/v1/scores/${resources[scope].scoreId}`,
            json: resources[scope].scoreBody,
            token: tokenOf(caller),
          };
        }
        const record = scoreRecord(resources.other.packetId, 'assessor1');
        return {
          method: 'PUT',
          path: `/api/v1/scores/${record.id}`,
          json: { baseRevision: 0, record },
          token: tokenOf(caller),
        };
      },
    },
    'GET /api/v1/scores/{scoreId}': {
      expected: {
        own: only(['assessor', 'chair', 'admin'], 200),
        other: { ...only(['assessor', 'chair', 'admin'], 200), assessor: 404 },
      },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/scores/${resources[scope].scoreId}`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/events': {
      expected: { own: signedIn(200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/events', token: tokenOf(caller) }),
    },
    'POST /api/v1/conflicts': {
      expected: { own: only(['assessor', 'chair'], 201) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/conflicts',
        json: { school: `School ${randomUUID()}` },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/conflicts': {
      expected: { own: only(['assessor', 'chair'], 200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/conflicts', token: tokenOf(caller) }),
    },
    'POST /api/v1/packets': {
      expected: { own: only(['admin'], 201) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/packets',
        body: (await packetFile(hub.dir)).bytes,
        contentType: 'application/octet-stream',
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/packets': {
      // Chairs read it to choose validity packets (without school and district); conflicted
      // packets are left out of the list (tests/hub/packet-list.test.ts).
      expected: { own: only(['admin', 'chair'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/packets?windowId=${windowId}`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows': {
      expected: { own: only(['admin'], 201) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/windows',
        json: windowBody(),
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows': {
      expected: { own: only(['chair', 'admin', 'lead'], 200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/windows', token: tokenOf(caller) }),
    },
    'PATCH /api/v1/windows/{windowId}': {
      // Own: the window assessor1 works in (renamed, harmlessly). Other: a window without them.
      expected: { own: only(['admin'], 200), other: only(['admin'], 200) },
      request: async (caller, scope) => ({
        method: 'PATCH',
        path: `/api/v1/windows/${scope === 'own' ? windowId : await freshWindow()}`,
        json: { name: `Renamed ${randomUUID().slice(0, 8)}` },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/quality': {
      expected: { own: only(['chair', 'admin'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/quality`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/dashboard': {
      expected: { own: only(['chair', 'admin'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/dashboard`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/progress': {
      expected: { own: only(['chair', 'admin'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/progress`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/assignments/{assignmentId}/reassign': {
      // A fresh packet's assignment to assessor1 (own) or assessor2 (other), moved to the other one.
      expected: { own: only(['chair', 'admin'], 200), other: only(['chair', 'admin'], 200) },
      request: async (caller, scope) => {
        const packetId = await uploadPacket(hub, users.admin);
        const record = await assign(hub, users.admin, await freshWindow(), packetId, ownerOf(scope));
        const to = scope === 'own' ? otherAssessor : users.assessor;
        return {
          method: 'POST',
          path: `/api/v1/assignments/${record.id}/reassign`,
          json: { assessorId: to.id },
          token: tokenOf(caller),
        };
      },
    },
    'GET /api/v1/windows/{windowId}/validity': {
      expected: { own: only(['chair', 'admin'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/validity`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/windows/{windowId}/validity/{packetId}': {
      // A fresh packet, not yet assigned, marked in a fresh window.
      expected: { own: only(['chair', 'admin'], 200) },
      request: async (caller) => ({
        method: 'PUT',
        path: `/api/v1/windows/${await freshWindow()}/validity/${await uploadPacket(hub, users.admin)}`,
        json: { masters: [{ criterionId: 'design', levelId: 'l3' }], decision: 'earned' },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/qualifications': {
      // Own: assessor1's qualifications; other: assessor2's. Staff read anyone's, an assessor only their own.
      expected: {
        own: only(['assessor', 'facilitator', 'chair', 'admin', 'lead'], 200),
        other: only(['facilitator', 'chair', 'admin', 'lead'], 200),
      },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/qualifications?userId=${ownerOf(scope).id}`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/scorers': {
      expected: { own: only(['chair', 'admin', 'lead'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/scorers`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/scorers/{userId}/pause': {
      // Own: pausing assessor1; other: assessor2; each in a fresh window.
      expected: { own: only(['chair', 'admin'], 200), other: only(['chair', 'admin'], 200) },
      request: async (caller, scope) => ({
        method: 'POST',
        path: `/api/v1/windows/${await freshWindow()}/scorers/${ownerOf(scope).id}/pause`,
        json: { reason: 'Agreement below the policy.' },
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/scorers/{userId}/resume': {
      // The assessor is paused by an admin first, in a fresh window.
      expected: { own: only(['chair', 'admin'], 200), other: only(['chair', 'admin'], 200) },
      request: async (caller, scope) => {
        const fresh = await freshWindow();
        const paused = await hub.api('POST', `/api/v1/windows/${fresh}/scorers/${ownerOf(scope).id}/pause`, {
          token: users.admin.token,
          json: { reason: 'Agreement below the policy.' },
        });
        expect(paused.status).toBe(200);
        return {
          method: 'POST',
          path: `/api/v1/windows/${fresh}/scorers/${ownerOf(scope).id}/resume`,
          json: { reason: 'Recalibrated with the chair.' },
          token: tokenOf(caller),
        };
      },
    },
    'GET /api/v1/windows/{windowId}/back-reading': {
      expected: { own: only(['lead', 'chair', 'admin'], 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/back-reading`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/packets/{packetId}/back-reading': {
      expected: { own: only(['lead', 'chair', 'admin'], 200), other: only(['lead', 'chair', 'admin'], 200) },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/packets/${resources[scope].packetId}/back-reading`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/packets/{packetId}/back-reading/notes': {
      expected: { own: only(['lead', 'chair', 'admin'], 201) },
      request: async (caller) => ({
        method: 'POST',
        path: `/api/v1/windows/${windowId}/packets/${resources.own.packetId}/back-reading/notes`,
        json: { text: 'Rationales match the levels.' },
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/packets/{packetId}/back-reading/adjudication': {
      // A fresh scored packet per call: a packet goes to adjudication once per window.
      expected: { own: only(['lead', 'chair', 'admin'], 201) },
      request: async (caller) => {
        const packetId = await uploadPacket(hub, users.admin);
        await assign(hub, users.admin, windowId, packetId, users.assessor);
        const record = scoreRecord(packetId, users.assessor.username);
        const put = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
          token: users.assessor.token,
          json: { baseRevision: 0, record },
        });
        expect(put.status).toBe(201);
        return {
          method: 'POST',
          path: `/api/v1/windows/${windowId}/packets/${packetId}/back-reading/adjudication`,
          json: { reason: 'Level 3 on design is not supported by the rationale.' },
          token: tokenOf(caller),
        };
      },
    },
    'POST /api/v1/assignments': {
      expected: { own: only(['admin'], 201) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/assignments',
        json: { windowId: await freshWindow(), packetId: resources.own.packetId, assessorId: users.assessor.id },
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/assignments/auto': {
      expected: { own: only(['admin'], 200) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/assignments/auto',
        json: { windowId: await freshWindow(), packetIds: [resources.own.packetId] },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/assignments/all': {
      expected: { own: only(['admin'], 200), other: only(['admin'], 200) },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/assignments/all?assessorId=${ownerOf(scope).id}`,
        token: tokenOf(caller),
      }),
    },
    'DELETE /api/v1/assignments/{assignmentId}': {
      // A fresh, unscored assignment of assessor1 (own) or assessor2 (other) each time.
      expected: { own: only(['admin'], 204), other: only(['admin'], 204) },
      request: async (caller, scope) => {
        const record = await assign(hub, users.admin, await freshWindow(), resources[scope].packetId, ownerOf(scope));
        return { method: 'DELETE', path: `/api/v1/assignments/${record.id}`, token: tokenOf(caller) };
      },
    },
    'GET /api/v1/audit': {
      expected: { own: only(['chair', 'admin'], 200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/audit?format=csv', token: tokenOf(caller) }),
    },
    'POST /api/v1/users': {
      expected: { own: only(['admin'], 201) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/users',
        json: { username: `user-${randomUUID().slice(0, 8)}`, password: PASSWORD, roles: ['assessor'] },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/users': {
      expected: { own: only(['admin'], 200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/users', token: tokenOf(caller) }),
    },
    'PATCH /api/v1/users/{userId}': {
      // Own: the caller's account, given the roles it has (no change). Other: disabling a fresh account.
      expected: { own: only(['admin'], 200), other: only(['admin'], 200) },
      request: async (caller, scope) => {
        const self = caller === 'anonymous' ? users.assessor : users[caller];
        const target =
          scope === 'own' ? self : await createUser(hub.running.hub, { ...spareAccount(), roles: ['assessor'] }, null);
        return {
          method: 'PATCH',
          path: `/api/v1/users/${target.id}`,
          json: scope === 'own' ? { roles: [caller === 'anonymous' ? 'assessor' : caller] } : { disabled: true },
          token: tokenOf(caller),
        };
      },
    },
    'POST /api/v1/norming/sessions': {
      expected: { own: only(NORMING_STAFF, 201) },
      request: async (caller) => ({
        method: 'POST',
        path: '/api/v1/norming/sessions',
        json: {
          title: 'Matrix session',
          credentialId: CREDENTIAL,
          mode: 'calibration',
          anchors: [
            {
              packetId: await uploadPacket(hub, users.admin),
              masters: [{ criterionId: CRITERION, levelId: 'l3', rationale: 'Aligned checks.' }],
            },
          ],
          participantIds: [users.assessor.id],
        },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/norming/sessions': {
      expected: { own: signedIn(200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/norming/sessions', token: tokenOf(caller) }),
    },
    'GET /api/v1/norming/sessions/{sessionId}': {
      // Own: a session assessor1 takes part in. Other: one only assessor2 takes part in.
      expected: { own: norming(200, 200), other: norming(404, 200) },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/norming/sessions/${(await matrixSession(scope)).sessionId}`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/norming/sessions/{sessionId}/scores/{scoreId}': {
      // Only a participant scores; staff who take no part get 404 like anyone else.
      expected: { own: norming(201, 404), other: norming(404, 404) },
      request: async (caller, scope) => {
        const { sessionId, packetIds } = await matrixSession(scope, { fresh: true });
        const record = scoreRecord(packetIds[0]!, usernameOf(caller), {
          criteria: [{ criterionId: CRITERION, levelId: 'l2', rationale: 'Partly aligned.' }],
        });
        return {
          method: 'PUT',
          path: `/api/v1/norming/sessions/${sessionId}/scores/${record.id}`,
          json: { baseRevision: 0, record },
          token: tokenOf(caller),
        };
      },
    },
    'GET /api/v1/norming/sessions/{sessionId}/scores': {
      expected: { own: norming(200, 200), other: norming(404, 200) },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/norming/sessions/${(await matrixSession(scope)).sessionId}/scores`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/norming/sessions/{sessionId}/reveal': {
      expected: { own: only(NORMING_STAFF, 200) },
      request: async (caller) => ({
        method: 'POST',
        path: `/api/v1/norming/sessions/${(await matrixSession('own', { fresh: true })).sessionId}/reveal`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/norming/sessions/{sessionId}/consensus/{criterionId}': {
      expected: { own: only(NORMING_STAFF, 200) },
      request: async (caller) => ({
        method: 'PUT',
        path: `/api/v1/norming/sessions/${(await matrixSession('own', { fresh: true, revealed: true })).sessionId}/consensus/${CRITERION}`,
        json: { rationale: 'The checks align with the objective.' },
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/norming/sessions/{sessionId}/participants/{userId}/reopen': {
      expected: { own: only(NORMING_STAFF, 200) },
      request: async (caller) => ({
        method: 'POST',
        path: `/api/v1/norming/sessions/${(await matrixSession('own', { fresh: true, revealed: true })).sessionId}/participants/${users.assessor.id}/reopen`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/norming/sessions/{sessionId}/close': {
      expected: { own: only(NORMING_STAFF, 200) },
      request: async (caller) => ({
        method: 'POST',
        path: `/api/v1/norming/sessions/${(await matrixSession('own', { fresh: true, revealed: true })).sessionId}/close`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/norming/sessions/{sessionId}/report': {
      expected: { own: only(NORMING_STAFF, 200) },
      request: async (caller) => ({
        method: 'GET',
        path: `/api/v1/norming/sessions/${(await matrixSession('own')).sessionId}/report`,
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/adjudications/{adjudicationId}': {
      expected: { own: only(COMMITTEE, 200), other: only(COMMITTEE, 200) },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/adjudications/${await adjudication(scope)}`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/adjudications/{adjudicationId}/resolution': {
      // A fresh adjudication each time: a resolution is recorded once.
      expected: { own: only(COMMITTEE, 200), other: only(COMMITTEE, 200) },
      request: async (caller, scope) => ({
        method: 'PUT',
        path: `/api/v1/adjudications/${await adjudication(scope, true)}/resolution`,
        json: {
          criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'Aligned checks.' }],
          decision: { kind: 'earned' },
        },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/packets/{packetId}/thread': {
      // Own: the packet assessor1 scored (a member after submitting). Other: assessor2's packet.
      expected: { own: only(MEMBERS, 200), other: { ...only(MEMBERS, 200), assessor: 404 } },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/packets/${resources[scope].packetId}/thread`,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/packets/{packetId}/thread': {
      expected: { own: only(MEMBERS, 201), other: { ...only(MEMBERS, 201), assessor: 404 } },
      request: async (caller, scope) => ({
        method: 'POST',
        path: `/api/v1/windows/${windowId}/packets/${resources[scope].packetId}/thread`,
        json: { body: 'Matrix message.' },
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/windows/{windowId}/packets/{packetId}/decision': {
      expected: { own: only(MEMBERS, 200), other: { ...only(MEMBERS, 200), assessor: 404 } },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/windows/${windowId}/packets/${resources[scope].packetId}/decision`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/windows/{windowId}/decisions/{packetId}': {
      // Deciding again before release adds a revision, so every caller may repeat it.
      expected: { own: only(DECIDERS, 200), other: only(DECIDERS, 200) },
      request: async (caller, scope) => ({
        method: 'PUT',
        path: `/api/v1/windows/${windowId}/decisions/${resources[scope].packetId}`,
        json: DECISION,
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/decisions/batch': {
      expected: { own: only(DECIDERS, 200), other: only(DECIDERS, 200) },
      request: async (caller, scope) => ({
        method: 'POST',
        path: `/api/v1/windows/${windowId}/decisions/batch`,
        json: { packetIds: [resources[scope].packetId] },
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/releases': {
      // A fresh window with the packet decided in it, each time: a packet is released once.
      expected: { own: only(DECIDERS, 201), other: only(DECIDERS, 201) },
      request: async (caller, scope) => ({
        method: 'POST',
        path: `/api/v1/windows/${await decidedWindow(scope)}/releases`,
        json: {},
        token: tokenOf(caller),
      }),
    },
    'GET /api/v1/releases': {
      expected: { own: only(['platform', 'admin'], 200) },
      request: async (caller) => ({ method: 'GET', path: '/api/v1/releases', token: tokenOf(caller) }),
    },
    'GET /api/v1/windows/{windowId}/packets/{packetId}/candidate-report': {
      expected: { own: only(DECIDERS, 200), other: only(DECIDERS, 200) },
      request: async (caller, scope) => ({
        method: 'GET',
        path: `/api/v1/windows/${await releasedWindow(scope)}/packets/${resources[scope].packetId}/candidate-report?format=json`,
        token: tokenOf(caller),
      }),
    },
    'PUT /api/v1/packets/{packetId}/identity': {
      expected: { own: only(['admin', 'platform'], 200), other: only(['admin', 'platform'], 200) },
      request: async (caller, scope) => ({
        method: 'PUT',
        path: `/api/v1/packets/${resources[scope].packetId}/identity`,
        json: { name: 'Matrix Candidate' },
        token: tokenOf(caller),
      }),
    },
    'POST /api/v1/windows/{windowId}/packets/{packetId}/identity-reveal': {
      // A window where the packet is decided and its identity recorded; a second reveal answers the same.
      expected: { own: only(DECIDERS, 200), other: only(DECIDERS, 200) },
      request: async (caller, scope) => ({
        method: 'POST',
        path: `/api/v1/windows/${await revealableWindow(scope)}/packets/${resources[scope].packetId}/identity-reveal`,
        json: { reason: 'Matrix reveal.' },
        token: tokenOf(caller),
      }),
    },
  };

  const adjudications: Partial<Record<Scope, string>> = {};
  /** An adjudication of the scope's packet (its scoring compared with itself: routing is not under test here). */
  async function adjudication(scope: Scope, fresh = false): Promise<string> {
    if (!fresh && adjudications[scope]) return adjudications[scope]!;
    const id = await insertAdjudication(hub.running.hub.db, {
      windowId: await freshWindow(),
      packetId: resources[scope].packetId,
      scoreIds: [resources[scope].scoreId],
      discrepancies: [{ kind: 'criterion', criterionId: 'design', gap: 2 }],
      at: hub.running.hub.now(),
    });
    if (!fresh) adjudications[scope] = id;
    return id;
  }

  /** A fresh window in which the scope's packet (already scored by its owner) is assigned and decided. */
  async function decidedWindow(scope: Scope): Promise<string> {
    const id = await freshWindow();
    await assign(hub, users.admin, id, resources[scope].packetId, ownerOf(scope));
    const decided = await hub.api('PUT', `/api/v1/windows/${id}/decisions/${resources[scope].packetId}`, {
      token: users.admin.token,
      json: DECISION,
    });
    expect(decided.status).toBe(200);
    return id;
  }

  const releasedWindows: Partial<Record<Scope, string>> = {};
  async function releasedWindow(scope: Scope): Promise<string> {
    if (releasedWindows[scope]) return releasedWindows[scope]!;
    const id = await decidedWindow(scope);
    const released = await hub.api('POST', `/api/v1/windows/${id}/releases`, { token: users.admin.token, json: {} });
    expect(released.status).toBe(201);
    return (releasedWindows[scope] = id);
  }

  const revealableWindows: Partial<Record<Scope, string>> = {};
  async function revealableWindow(scope: Scope): Promise<string> {
    if (revealableWindows[scope]) return revealableWindows[scope]!;
    const id = await decidedWindow(scope);
    const recorded = await hub.api('PUT', `/api/v1/packets/${resources[scope].packetId}/identity`, {
      token: users.admin.token,
      json: { name: 'Matrix Candidate' },
    });
    expect(recorded.status).toBe(200);
    return (revealableWindows[scope] = id);
  }

  const sharedSessions: Partial<Record<Scope, NormingFixture>> = {};
  /** A session assessor1 (own) or only assessor2 (other) takes part in; shared unless a route changes it. */
  async function matrixSession(scope: Scope, { fresh = false, revealed = false } = {}): Promise<NormingFixture> {
    if (!fresh && sharedSessions[scope]) return sharedSessions[scope]!;
    const session = await normingSession(hub, {
      staff: users.facilitator,
      uploader: users.admin,
      participants: [ownerOf(scope)],
      revealed,
    });
    if (!fresh) sharedSessions[scope] = session;
    return session;
  }

  function spareAccount() {
    return { username: `spare-${randomUUID().slice(0, 8)}`, password: PASSWORD };
  }

  function windowBody() {
    const now = hub.running.hub.now();
    return {
      name: `Matrix ${randomUUID().slice(0, 8)}`,
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      decisionsDueAt: new Date(now + 2 * 86_400_000).toISOString(),
    };
  }

  async function freshWindow(): Promise<string> {
    return insertWindow(hub.running.hub.db, { ...windowBody(), status: 'open' });
  }

  /** Sends a request and returns its status; an event stream is cancelled once its headers arrive. */
  async function statusOf(request: Request): Promise<number> {
    const controller = new AbortController();
    const response = await fetch(hub.running.url + request.path, {
      method: request.method,
      signal: controller.signal,
      headers: {
        ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
        ...(request.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(request.contentType ? { 'Content-Type': request.contentType } : {}),
      },
      body: request.json !== undefined ? JSON.stringify(request.json) : request.body && new Uint8Array(request.body),
    });
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) controller.abort();
    else await response.arrayBuffer();
    return response.status;
  }

  beforeAll(async () => {
    hub = await startTestHub({ backend });
    users.admin = await addUser(hub, 'admin1', ['admin']);
    users.chair = await addUser(hub, 'chair1', ['chair']);
    users.facilitator = await addUser(hub, 'facilitator1', ['facilitator']);
    users.assessor = await addUser(hub, 'assessor1', ['assessor']);
    users.lead = await addUser(hub, 'lead1', ['lead']);
    users.platform = await addUser(hub, 'platform1', ['platform']);
    otherAssessor = await addUser(hub, 'assessor2', ['assessor']);
    windowId = await openWindow(hub, users.admin);
    for (const [scope, owner] of [
      ['own', users.assessor],
      ['other', otherAssessor],
    ] as const) {
      const packetId = await uploadPacket(hub, users.admin);
      await assign(hub, users.admin, windowId, packetId, owner);
      const record = scoreRecord(packetId, owner.username);
      const scoreBody = { baseRevision: 0, record };
      const stored = await hub.api('PUT', `/api/v1/scores/${record.id}`, { token: owner.token, json: scoreBody });
      expect(stored.status).toBe(201);
      resources[scope] = { packetId, scoreId: record.id, scoreBody };
    }
    // The conflicted packet: assigned to assessor1 and scored, decided, released and given an identity
    // in windows of its own, all before assessor1 and chair1 declare the conflict with its school.
    const packetId = await uploadPacket(hub, users.admin, '?school=Conflicted%20Academy');
    await assign(hub, users.admin, windowId, packetId, users.assessor);
    const record = scoreRecord(packetId, users.assessor.username);
    const scoreBody = { baseRevision: 0, record };
    const stored = await hub.api('PUT', `/api/v1/scores/${record.id}`, {
      token: users.assessor.token,
      json: scoreBody,
    });
    expect(stored.status).toBe(201);
    resources.conflicted = { packetId, scoreId: record.id, scoreBody };
    await releasedWindow('conflicted');
    await revealableWindow('conflicted');
    for (const declarer of [users.assessor, users.chair]) {
      const declared = await hub.api('POST', '/api/v1/conflicts', {
        token: declarer.token,
        json: { school: 'Conflicted Academy' },
      });
      expect(declared.status).toBe(201);
    }
  });
  afterAll(() => hub.close());

  describe('authorization matrix', () => {
    it('covers every route the hub serves, and nothing else', () => {
      expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    });

    for (const [route, row] of Object.entries(MATRIX)) {
      for (const scope of ['own', 'other', 'conflicted'] as const) {
        const expected = scope === 'conflicted' ? conflictedExpectation(route, row) : row.expected[scope];
        if (!expected) continue;
        for (const caller of CALLERS) {
          it(`${route} as ${caller} on ${scope} → ${expected[caller]}`, async () => {
            expect(await statusOf(await row.request(caller, scope))).toBe(expected[caller]);
          });
        }
      }
    }

    it('a forged token, or a refresh token sent as an access token, counts as none', async () => {
      const path = '/api/v1/assignments';
      expect(await statusOf({ method: 'GET', path, token: 'anchor_at_forged' })).toBe(401);
      expect(await statusOf({ method: 'GET', path, token: users.assessor.session.refreshToken })).toBe(401);
    });

    it('refuses requests addressed to a foreign Host while bound to loopback (DNS rebinding)', async () => {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: hub.running.port, path: '/api/v1/health', headers: { Host: 'attacker.example' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(421);
    });
  });
});

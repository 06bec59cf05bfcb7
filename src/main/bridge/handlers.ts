import { BridgeError, type BridgeHandlers } from '../../shared/contract/bridge';
import type { HubService } from '../hub/hub-service';
import { adminHandlers } from '../hub/admin';
import { facilitatorHandlers } from '../hub/norming-staff';
import { isAnchor } from '../hub/norming-participant';
import { scorerQualityHandlers } from '../hub/scorer-quality';
import { windowDashboardHandlers } from '../hub/window-dashboard';
import { committeeCopyFrom, committeeHandlers, isCommitteeCopy } from '../hub/committee';
import { pullPacket } from '../hub/pull';
import { toBridgeError } from '../hub/hub-error';
import { backReadingHandlers } from '../hub/back-reading';
import { auditHandlers } from '../hub/audit-log';

export interface HandlerContext {
  hub: HubService;
  version: string;
  transport: 'ipc' | 'http';
}

/** The bridge's implementation: each channel delegates to a plain-Node service. */
export function createBridgeHandlers({ hub, version, transport }: HandlerContext): BridgeHandlers {
  // Every library call is about the signed-in person's workspace, resolved at the moment of the call.
  const store = async () => (await hub.currentWorkspace()).store;
  return {
    'app.info': async () => ({ version, transport }),
    // Anchors and committee copies are marked so the queue leaves them out: anchors are scored blind
    // from the Norming screen, a committee copy is read from the adjudication it was downloaded for.
    'packets.list': async () => {
      const packets = await store();
      return packets.list().map((p) => {
        const source = packets.source(p.packetId);
        if (isAnchor(source)) return { ...p, normingAnchor: true };
        return isCommitteeCopy(source) ? { ...p, committeeCopy: true } : p;
      });
    },
    'packets.get': async ({ packetId }) => {
      const packet = await (await store()).get(packetId);
      if (!packet) throw new BridgeError(`Packet ${packetId} is not in the library.`, 'not-found');
      return packet;
    },
    'packets.import': async ({ path, fileName }) => (await store()).import(path, fileName),
    'packets.remove': async ({ packetId }) => ({ removed: await (await store()).remove(packetId) }),
    'packets.verify': async ({ packetId }) => {
      const problems = await (await store()).cache.verify(packetId);
      return { ok: problems.length === 0, problems };
    },
    'hub.status': () => hub.status(),
    'hub.signIn': ({ hubUrl, username, password }) => hub.signIn(hubUrl, username, password),
    'hub.signOut': () => hub.signOut(),
    'hub.startDemo': () => hub.startDemo(),
    'hub.assignments': () => hub.assignments(),
    'hub.pull': async ({ packetIds }) => ({ pulls: await hub.pull(packetIds) }),
    'hub.pulls': async () => ({ pulls: (await hub.pulls()).list() }),
    'hub.uploadScore': ({ record, baseRevision, workspaceId, destination }) =>
      hub.uploadScore(record, baseRevision, workspaceId, destination),
    'hub.conflicts': async () => ({ conflicts: await hub.conflicts() }),
    'hub.declareConflict': (conflict) => hub.declareConflict(conflict),
    ...facilitatorHandlers(() => hub.normingStaff),
    ...adminHandlers(() => hub.client),
    ...windowDashboardHandlers(() => hub.client),
    ...committeeHandlers(() => hub.client),
    // The committee reads the evidence as an assessor does: pulled and verified, kept as a committee copy.
    'committee.openEvidence': async ({ packetId }) => {
      const outcome = await pullPacket(hub.client, await store(), packetId, undefined, committeeCopyFrom).catch(
        toBridgeError,
      );
      if (!outcome.ok) throw new BridgeError('The packet could not be downloaded from the hub.', 'bad-request');
      return { packetId };
    },
    ...scorerQualityHandlers(() => hub.client),
    ...backReadingHandlers(() => hub.client),
    ...auditHandlers(() => hub.client),
    'norming.sessions': () => hub.norming.sessions(),
    'norming.session': ({ sessionId }) => hub.norming.session(sessionId),
    'norming.qualifications': (filter) => hub.norming.qualifications(filter),
    'norming.pullAnchors': async ({ sessionId, packetIds }) => ({
      pulls: await hub.norming.pullAnchors(sessionId, packetIds),
    }),
    'norming.anchorPulls': async () => ({ pulls: await hub.norming.anchorPulls() }),
  };
}

import type { BridgeHandlers } from '../../shared/contract/bridge';
import type { COMMITTEE_DECISION_CHANNELS } from '../../shared/contract/committee-bridge';
import { type ReleaseOutcome } from '../../shared/contract/committee-bridge';
import { ReleaseRefusal } from '../../shared/contract/decisions';
import type { HubClient } from './hub-client';
import { toBridgeError } from './hub-error';

/**
 * What a packet a committee member downloads to read (an adjudication's evidence) is recorded as in
 * the library: not an assignment, so retention does not purge it as "unassigned" at the next
 * listing, while the adjudicator is still reading it (as norming anchors, see anchorFrom).
 */
export function committeeCopyFrom(hubUrl: string): string {
  return `committee copy from ${hubUrl}`;
}

/** Whether a library packet is a committee copy (its recorded source, see committeeCopyFrom). */
export function isCommitteeCopy(source: string | undefined): boolean {
  return source?.startsWith('committee copy from ') ?? false;
}

/** openEvidence needs the library as well as the hub, so the bridge table wires it (bridge/handlers.ts). */
type CommitteeHandlers = Pick<
  BridgeHandlers,
  Exclude<keyof typeof COMMITTEE_DECISION_CHANNELS, 'committee.openEvidence'>
>;

/**
 * The committee's channels: each one hub route, read with the route table's schema. The hub alone
 * decides who may call them; its refusals (404 for a conflicted person, 403 submit-first, 409
 * adjudication-open, released, …) reach the screen as bridge errors with the hub's message. A
 * refused release is an answer, not an error: the screen lists the packets that stopped it. The
 * client is looked up at each call, so the table can be built before the hub service exists.
 */
export function committeeHandlers(client: () => HubClient): CommitteeHandlers {
  return {
    'committee.adjudication': ({ adjudicationId }) =>
      client().ok('getAdjudication', { params: { adjudicationId } }).catch(toBridgeError),
    'committee.resolveAdjudication': ({ adjudicationId, ...json }) =>
      client().ok('resolveAdjudication', { params: { adjudicationId }, json }).catch(toBridgeError),
    'committee.decisionView': ({ windowId, packetId }) =>
      client().ok('getDecisionWorkspace', { params: { windowId, packetId } }).catch(toBridgeError),
    'committee.thread': ({ windowId, packetId }) =>
      client().ok('getPacketThread', { params: { windowId, packetId } }).catch(toBridgeError),
    'committee.postThread': ({ windowId, packetId, body }) =>
      client().ok('postPacketThread', { params: { windowId, packetId }, json: { body } }).catch(toBridgeError),
    'committee.decide': ({ windowId, packetId, ...json }) =>
      client().ok('decidePacket', { params: { windowId, packetId }, json }).catch(toBridgeError),
    'committee.batchDecide': ({ windowId, ...json }) =>
      client().ok('batchDecide', { params: { windowId }, json }).catch(toBridgeError),
    'committee.release': async ({ windowId, ...json }): Promise<ReleaseOutcome> => {
      const answer = await client()
        .okOrConflict('releaseDecisions', { params: { windowId }, json })
        .catch(toBridgeError);
      if (answer.status === 'ok') return { kind: 'released', release: answer.body };
      const refusal = ReleaseRefusal.safeParse(answer.body);
      return refusal.success
        ? { kind: 'refused', message: refusal.data.error.message, refused: refusal.data.refused }
        : { kind: 'refused', message: 'The hub refused the release.', refused: [] };
    },
    'committee.revealIdentity': ({ windowId, packetId, reason }) =>
      client().ok('revealIdentity', { params: { windowId, packetId }, json: { reason } }).catch(toBridgeError),
    'committee.rubric': ({ packetId }) =>
      client()
        .packet(packetId)
        .then((view) => view.manifest?.rubric ?? null)
        .catch(toBridgeError),
    'committee.candidateReport': async ({ windowId, packetId }) => {
      const bytes = await client()
        .okBytes('getCandidateReport', { params: { windowId, packetId }, query: { format: 'pdf' } })
        .catch(toBridgeError);
      return {
        fileName: `candidate-report-${packetId.slice(0, 8)}.pdf`,
        mediaType: 'application/pdf',
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}

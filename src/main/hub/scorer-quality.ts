import type { BridgeHandlers } from '../../shared/contract/bridge';
import type { SCORER_QUALITY_CHANNELS } from '../../shared/contract/scorer-quality';
import type { HubClient } from './hub-client';
import { toBridgeError } from './hub-error';

/** How many packets the validity picker offers at once; a search narrows them. */
const CANDIDATES = 50;

type ScorerQualityHandlers = Pick<BridgeHandlers, keyof typeof SCORER_QUALITY_CHANNELS>;

/**
 * The scorer-quality screen's channels: each one hub route, read with the route table's schema.
 * The hub alone decides who may read statistics (chair, admin, lead) or pause and mark validity
 * packets (chair, admin); its refusals reach the screen as bridge errors with the hub's message.
 */
export function scorerQualityHandlers(client: () => HubClient): ScorerQualityHandlers {
  return {
    'quality.scorers': ({ windowId }) => client().ok('listScorers', { params: { windowId } }).catch(toBridgeError),
    'quality.pause': ({ windowId, assessorId, reason, recalibrate }) =>
      client()
        .ok('pauseScorer', { params: { windowId, userId: assessorId }, json: { reason, recalibrate } })
        .catch(toBridgeError),
    'quality.resume': ({ windowId, assessorId, reason }) =>
      client()
        .ok('resumeScorer', { params: { windowId, userId: assessorId }, json: { reason } })
        .catch(toBridgeError),
    'quality.validity': ({ windowId }) =>
      client().ok('listValidityPackets', { params: { windowId } }).catch(toBridgeError),
    'quality.markValidity': ({ windowId, packetId, masters, decision }) =>
      client()
        .ok('markValidityPacket', { params: { windowId, packetId }, json: { masters, decision } })
        .catch(toBridgeError),
    'quality.validityCandidates': ({ windowId, q }) =>
      client()
        .ok('listPackets', {
          query: { windowId, assigned: 'none', kind: 'live', limit: String(CANDIDATES), ...(q ? { q } : {}) },
        })
        .catch(toBridgeError),
    'quality.packetRubric': async ({ packetId }) => {
      const { manifest } = await client().ok('getPacket', { params: { packetId } }).catch(toBridgeError);
      return {
        packetId,
        pseudonym: manifest.candidate.pseudonym,
        credentialTitle: manifest.credential.title,
        criteria: manifest.rubric.criteria.map((c) => ({
          id: c.id,
          title: c.title,
          levels: c.levels.map((l) => ({ id: l.id, label: l.label })),
        })),
      };
    },
  };
}

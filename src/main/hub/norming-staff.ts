import type { z } from 'zod';
import type { BridgeHandlers } from '../../shared/contract/bridge';
import type { HubEvent } from '../../shared/contract/hub-events';
import type { NORMING_STAFF_CHANNELS } from '../../shared/contract/norming-staff';
import type { Rubric } from '../../shared/domain/rubric';
import type { BridgeEventBus } from '../bridge/events';
import type { HubClient } from './hub-client';
import { toBridgeError } from './hub-error';

type StaffChannel = keyof typeof NORMING_STAFF_CHANNELS;
type StaffHandlers = Pick<BridgeHandlers, StaffChannel>;

/**
 * The facilitator's side of norming in the main (or host) process: each channel is one hub
 * route, read with the route table's schema, and the hub's norming events are forwarded to the
 * page as norming.boardChanged, so the board updates as participants submit, without polling.
 */
export class NormingStaff {
  /** Anchors never change their rubric: one fetch per packet for the life of the process. */
  private readonly rubrics = new Map<string, Promise<Rubric>>();

  constructor(
    readonly client: HubClient,
    private readonly events: BridgeEventBus | undefined,
  ) {}

  /** Forwards the hub's norming events; every other event is someone else's. */
  onHubEvent(event: HubEvent): void {
    if (event.type === 'norming.scoreReceived') {
      const { sessionId, packetId, participantId, late } = event;
      this.events?.emit('norming.boardChanged', { kind: 'score', sessionId, packetId, participantId, late });
    } else if (event.type === 'norming.sessionChanged') {
      this.events?.emit('norming.boardChanged', { kind: 'session', sessionId: event.sessionId, status: event.status });
    }
  }

  /** The rubric an anchor is scored on (from its manifest; facilitators may read anchors). */
  rubric(packetId: string): Promise<Rubric> {
    let rubric = this.rubrics.get(packetId);
    if (!rubric) {
      rubric = this.client.packet(packetId).then((p) => p.manifest.rubric);
      // A failure is not remembered: the next board load asks again.
      rubric.catch(() => this.rubrics.delete(packetId));
      this.rubrics.set(packetId, rubric);
    }
    return rubric;
  }
}

/**
 * The bridge handlers of the facilitator's channels. The service is looked up at each call, so
 * the handler table can be built (and checked against the contract) before the service exists.
 */
export function facilitatorHandlers(service: () => NormingStaff): StaffHandlers {
  const params = (sessionId: string) => ({ params: { sessionId } });
  const client = () => service().client;
  return {
    'facilitator.sessions': () => client().ok('listNormingSessions', {}).catch(toBridgeError),
    'facilitator.session': async ({ sessionId }) => {
      const session = await client().ok('getNormingSession', params(sessionId)).catch(toBridgeError);
      const first = session.anchors[0];
      const rubric = first
        ? await service()
            .rubric(first.packetId)
            .catch(() => null)
        : null;
      return { session, rubric };
    },
    'facilitator.scores': ({ sessionId }) => client().ok('listNormingScores', params(sessionId)).catch(toBridgeError),
    'facilitator.reveal': ({ sessionId }) =>
      client().ok('revealNormingSession', params(sessionId)).catch(toBridgeError),
    'facilitator.consensus': ({ sessionId, criterionId, ...body }: ConsensusChannelInput) =>
      client().ok('putNormingConsensus', { params: { sessionId, criterionId }, json: body }).catch(toBridgeError),
    'facilitator.reopen': ({ sessionId, userId }) =>
      client().ok('reopenNormingParticipant', { params: { sessionId, userId } }).catch(toBridgeError),
    'facilitator.close': ({ sessionId }) => client().ok('closeNormingSession', params(sessionId)).catch(toBridgeError),
    'facilitator.report': ({ sessionId }) => client().ok('getNormingReport', params(sessionId)).catch(toBridgeError),
    'facilitator.reportCsv': async ({ sessionId }) => {
      const csv = await client()
        .okText('getNormingReport', { ...params(sessionId), query: { format: 'csv' } })
        .catch(toBridgeError);
      return { fileName: `norming-report-${sessionId.slice(0, 8)}.csv`, csv };
    },
  };
}

type ConsensusChannelInput = z.output<(typeof NORMING_STAFF_CHANNELS)['facilitator.consensus']['input']>;

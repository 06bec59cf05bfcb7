import { z } from 'zod';
import { Uuid } from '../domain/common';
import { PullList } from './assignments';
import { NormingSessionList, NormingSessionView, NormingStatus, QualificationList } from './norming';

// A participant's side of norming over the bridge: their sessions as the hub lets them see them
// (blind before the reveal: the hub decides, these channels only pass its answer on), the anchor
// packets downloaded for offline scoring, and a push when a session changes. Scores travel by the
// one outbox (hub.uploadScore with a norming destination, scores.ts).

export const NormingSessionInput = z.strictObject({ sessionId: Uuid });

export const NORMING_PARTICIPANT_CHANNELS = {
  /** The sessions the signed-in assessor takes part in (or runs), newest first. */
  'norming.sessions': { input: z.strictObject({}), output: NormingSessionList },
  /** One session, as the hub shows it to the caller. */
  'norming.session': { input: NormingSessionInput, output: NormingSessionView },
  /**
   * Queues a session's anchor packets for download into the workspace (all of them, or the ones
   * named); progress arrives as norming.anchorPullsChanged events (or norming.anchorPulls).
   */
  'norming.pullAnchors': {
    input: z.strictObject({ sessionId: Uuid, packetIds: z.array(Uuid).min(1).max(50).optional() }),
    output: PullList,
  },
  'norming.anchorPulls': { input: z.strictObject({}), output: PullList },
  /**
   * Each person's latest qualification per credential, as the hub lets the caller see them: staff
   * everyone's (optionally one person's or one credential's), an assessor their own.
   */
  'norming.qualifications': {
    input: z.strictObject({ userId: Uuid.optional(), credentialId: z.string().min(1).max(200).optional() }),
    output: QualificationList,
  },
} as const;

export const NORMING_PARTICIPANT_EVENTS = {
  /**
   * The hub announced a session change (created, revealed, reopened, closed), or its event stream
   * (re)connected and changes may have gone unseen (sessionId null): read the sessions again.
   */
  'norming.changed': z.strictObject({ sessionId: Uuid.nullable(), status: NormingStatus.nullable() }),
  /** An anchor download was queued, made progress, finished or failed: the whole list as it is now. */
  'norming.anchorPullsChanged': PullList,
} as const;

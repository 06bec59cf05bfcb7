import { z } from 'zod';
import { LocalId, Uuid } from '../domain/common';
import { Rubric } from '../domain/rubric';
import {
  CloseNormingResponse,
  ConsensusView,
  NormingReport,
  NormingScoreView,
  NormingSessionList,
  NormingSessionView,
  PutConsensusRequest,
} from './norming';

// The facilitator's side of norming over the bridge: the board of one session (who submitted,
// reveal, the statistics, consensus, qualification, the report). The hub enforces who may do
// what (facilitator or admin); these channels only carry its answers, read with its schemas.

const SessionRef = z.strictObject({ sessionId: Uuid });

/** One session as its facilitator sees it, with the rubric its anchors are scored on (for level labels). */
export const FacilitatorSession = z.strictObject({ session: NormingSessionView, rubric: Rubric.nullable() });
export type FacilitatorSession = z.infer<typeof FacilitatorSession>;

/** One participant's score as the facilitator reads it (norming.ts names the schema only). */
export type FacilitatorScore = z.infer<typeof NormingScoreView>;

export const ConsensusInput = PutConsensusRequest.extend({ sessionId: Uuid, criterionId: LocalId });

/** The CSV report, ready to save under a name that says which session it is. */
export const ReportCsv = z.strictObject({ fileName: z.string(), csv: z.string() });

export const NORMING_STAFF_CHANNELS = {
  'facilitator.sessions': { input: z.strictObject({}), output: NormingSessionList },
  'facilitator.session': { input: SessionRef, output: FacilitatorSession },
  /** Every participant's latest score (names and levels): facilitators only, enforced by the hub. */
  'facilitator.scores': { input: SessionRef, output: z.strictObject({ scores: z.array(NormingScoreView) }) },
  'facilitator.reveal': { input: SessionRef, output: NormingSessionView },
  'facilitator.consensus': { input: ConsensusInput, output: ConsensusView },
  'facilitator.reopen': { input: SessionRef.extend({ userId: Uuid }), output: NormingSessionView },
  'facilitator.close': { input: SessionRef, output: CloseNormingResponse },
  'facilitator.report': { input: SessionRef, output: NormingReport },
  'facilitator.reportCsv': { input: SessionRef, output: ReportCsv },
} as const;

/**
 * The board's push: a participant submitted (who and which anchor, never the level, as the hub
 * sends it) or a session changed status. Named apart from the participant side's events so both
 * can be forwarded without one screen reacting to the other's.
 */
export const BoardChanged = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('score'),
    sessionId: Uuid,
    packetId: Uuid,
    participantId: Uuid,
    late: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('session'), sessionId: Uuid, status: z.enum(['open', 'revealed', 'closed']) }),
]);
export type BoardChanged = z.infer<typeof BoardChanged>;

export const NORMING_STAFF_EVENTS = {
  'norming.boardChanged': BoardChanged,
} as const;

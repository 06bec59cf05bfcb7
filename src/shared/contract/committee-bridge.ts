import { z } from 'zod';
import { Uuid } from '../domain/common';
import { Rubric } from '../domain/rubric';
import {
  AdjudicationDetail,
  BatchDecideRequest,
  BatchDecideResponse,
  DecideRequest,
  DecisionView,
  DecisionWorkspace,
  IdentityReveal,
  PacketThread,
  PostThreadMessageRequest,
  ReleaseRefusal,
  ReleaseRequest,
  ReleaseView,
  ResolveAdjudicationRequest,
  RevealIdentityRequest,
  ThreadMessage,
} from './decisions';

// The committee's channels (issue 12, parts 4, 5, 6, 11): each is one hub route, and the hub alone
// decides who may call it (a conflicted person gets not-found, an assessor who has not submitted
// gets forbidden with the hub's reason). Inputs carry the route's path ids beside its body.

const PacketRef = z.strictObject({ windowId: Uuid, packetId: Uuid });

/** A release either happened or was refused as a whole, naming every packet that stopped it. */
export const ReleaseOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('released'), release: ReleaseView }),
  z.strictObject({
    kind: z.literal('refused'),
    message: z.string(),
    refused: ReleaseRefusal.shape.refused,
  }),
]);
export type ReleaseOutcome = z.infer<typeof ReleaseOutcome>;

/** A candidate report as bytes, base64 (the bridge carries JSON), ready to save under fileName. */
export const CandidateReportFile = z.strictObject({
  fileName: z.string(),
  mediaType: z.literal('application/pdf'),
  base64: z.string(),
});
export type CandidateReportFile = z.infer<typeof CandidateReportFile>;

export const COMMITTEE_DECISION_CHANNELS = {
  'committee.adjudication': { input: z.strictObject({ adjudicationId: Uuid }), output: AdjudicationDetail },
  'committee.resolveAdjudication': {
    input: ResolveAdjudicationRequest.extend({ adjudicationId: Uuid }),
    output: AdjudicationDetail,
  },
  'committee.decisionView': { input: PacketRef, output: DecisionWorkspace },
  'committee.thread': { input: PacketRef, output: PacketThread },
  'committee.postThread': { input: PacketRef.extend(PostThreadMessageRequest.shape), output: ThreadMessage },
  'committee.decide': { input: DecideRequest.extend(PacketRef.shape), output: DecisionView },
  'committee.batchDecide': {
    input: BatchDecideRequest.extend({ windowId: Uuid }),
    output: BatchDecideResponse,
  },
  'committee.release': { input: ReleaseRequest.extend({ windowId: Uuid }), output: ReleaseOutcome },
  'committee.revealIdentity': { input: PacketRef.extend(RevealIdentityRequest.shape), output: IdentityReveal },
  'committee.candidateReport': { input: PacketRef, output: CandidateReportFile },
  /** The packet's rubric off its manifest (null when the hub has none), to name criteria and levels. */
  'committee.rubric': { input: z.strictObject({ packetId: Uuid }), output: Rubric.nullable() },
  /**
   * Downloads the packet's evidence into the signed-in person's library (verified, like an
   * assessor's pull) as a committee copy, so an adjudicator resolves beside it in the scoring screen.
   */
  'committee.openEvidence': {
    input: z.strictObject({ packetId: Uuid }),
    output: z.strictObject({ packetId: Uuid }),
  },
} as const;

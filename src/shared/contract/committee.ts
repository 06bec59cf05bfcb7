import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';

// Scoring quality in a review window (issue 12): why each packet was or was not routed to a
// second, blind scoring, and the packets whose two scorings disagree enough to need adjudication.

export const SecondScoringView = z.strictObject({
  packetId: Uuid,
  /** The policy rules that selected the packet; empty when none did. */
  reasons: z.array(z.enum(['random-share', 'resubmission', 'near-cut'])),
  /** The second assessor's assignment, when one was made. */
  assignmentId: Uuid.nullable(),
  /** Why no assignment was made although a rule selected the packet. */
  note: z.string().nullable(),
  decidedAt: IsoDateTime,
});

export const DiscrepancyView = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('decision'), first: z.string(), second: z.string() }),
  z.strictObject({ kind: z.literal('criterion'), criterionId: z.string(), gap: z.number().int() }),
  z.strictObject({ kind: z.literal('total'), gap: z.number() }),
  z.strictObject({ kind: z.literal('back-read'), reason: z.string() }),
]);

export const AdjudicationView = z.strictObject({
  id: Uuid,
  packetId: Uuid,
  /** The two scorings compared, first received first. */
  scoreIds: z.array(Uuid),
  discrepancies: z.array(DiscrepancyView),
  status: z.enum(['open', 'resolved']),
  openedAt: IsoDateTime,
});
export type AdjudicationView = z.infer<typeof AdjudicationView>;

export const WindowQuality = z.strictObject({
  secondScoring: z.array(SecondScoringView),
  adjudications: z.array(AdjudicationView),
});
export type WindowQuality = z.infer<typeof WindowQuality>;

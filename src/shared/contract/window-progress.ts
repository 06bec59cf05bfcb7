import { z } from 'zod';
import { IsoDateTime, Uuid } from '../domain/common';

// The window's progress (issue 12, part 1: "turnaround against the due date"): per UTC day, how
// many of its packets were assigned, fully scored, decided and released by the end of that day,
// how long packets waited for their decision, and where the last week's pace lands the last one.
// Read after the dashboard, on its own route, so the dashboard's 5,000-packet budget is untouched.

/** A UTC calendar day, YYYY-MM-DD: every viewer gets the same days whatever their time zone. */
export const UtcDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2026-08-14');

/** Cumulative counts of packets at the end of one UTC day. */
export const ProgressDay = z.strictObject({
  day: UtcDay,
  assigned: z.number().int(),
  /** Every assessor assigned the packet had uploaded a score (a decided packet counts as scored). */
  scored: z.number().int(),
  decided: z.number().int(),
  released: z.number().int(),
});
export type ProgressDay = z.infer<typeof ProgressDay>;

/** Packets by whole UTC days from their last assessor's score to the decision (decided) or to today (waiting). */
export const TurnaroundBar = z.strictObject({
  days: z.number().int().min(0),
  decided: z.number().int(),
  waiting: z.number().int(),
});
export type TurnaroundBar = z.infer<typeof TurnaroundBar>;

/** Where the last decision lands at the recent pace, or why that cannot be said. */
export const DecisionProjection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('done'), lastDecisionDay: UtcDay }),
  z.strictObject({
    kind: z.literal('projected'),
    /** Decisions per day over the last basisDays days (today included). */
    perDay: z.number(),
    basisDays: z.number().int(),
    landsOn: UtcDay,
    /** Days from the decisions-due day to landsOn: positive late, negative early, 0 on the day. */
    daysLate: z.number().int(),
  }),
  z.strictObject({
    kind: z.literal('not-enough-data'),
    reason: z.enum(['no-packets', 'too-early', 'no-recent-decisions']),
  }),
]);
export type DecisionProjection = z.infer<typeof DecisionProjection>;

export const WindowProgress = z.strictObject({
  window: z.strictObject({
    id: Uuid,
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    decisionsDueAt: IsoDateTime,
  }),
  asOf: IsoDateTime,
  /** The UTC day of asOf: the last day with counts. */
  today: UtcDay,
  /** Packets in the window (through their assignments), the same ones the dashboard lists. */
  packets: z.number().int(),
  /** From the window's opening day (or an earlier assignment's) to today, every day, none skipped. */
  days: z.array(ProgressDay),
  /** From 0 days to the longest, every whole day (a day with no packet is a zero bar). */
  turnaround: z.array(TurnaroundBar),
  /** Undecided packets still waiting for a score: not in the turnaround. */
  stillScoring: z.number().int(),
  /** A packet waiting at least this many days for its decision is at risk. */
  waitingRiskDays: z.number().int(),
  projection: DecisionProjection,
});
export type WindowProgress = z.infer<typeof WindowProgress>;

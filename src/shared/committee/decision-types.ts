import { z } from 'zod';
import { LocalId, NonEmptyText } from '../domain/common';

// A review window's decision types (issue 12, part 5): the committee's own words for its decisions
// ("Earned with distinction", "Not yet — resubmit next window"), each mapped to one of the three
// outcomes every other part of Anchor understands. The outcome, never the label, decides what a
// candidate-facing report and the issuing platform read.

export const DecisionOutcome = z.enum(['earned', 'not-yet', 'unscorable'], {
  error: 'must be earned, not-yet or unscorable',
});
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const DecisionType = z.strictObject({
  id: LocalId,
  label: NonEmptyText,
  outcome: DecisionOutcome,
});
export type DecisionType = z.infer<typeof DecisionType>;

/** What a window without its own types offers: the three outcomes under their usual names. */
export const DEFAULT_DECISION_TYPES: readonly DecisionType[] = [
  { id: 'earned', label: 'Earned', outcome: 'earned' },
  { id: 'not-yet', label: 'Not yet', outcome: 'not-yet' },
  { id: 'unscorable', label: 'Unscorable', outcome: 'unscorable' },
];

/** A window's list: at least one type, ids unique. */
export const DecisionTypes = z
  .array(DecisionType)
  .min(1, { error: 'a window needs at least one decision type' })
  .superRefine((types, ctx) => {
    const seen = new Set<string>();
    types.forEach((type, index) => {
      if (seen.has(type.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${type.id}"` });
      seen.add(type.id);
    });
  });

/** The type a batch decision uses for an outcome: the window's first type with that outcome. */
export function typeForOutcome(types: readonly DecisionType[], outcome: DecisionOutcome): DecisionType | undefined {
  return types.find((type) => type.outcome === outcome);
}

import { z } from 'zod';

export const ConditionCode = z.enum(
  ['missing-evidence', 'wrong-credential', 'file-unreadable', 'integrity-concern', 'other'],
  { error: 'must be one of missing-evidence, wrong-credential, file-unreadable, integrity-concern, other' },
);
export type ConditionCode = z.infer<typeof ConditionCode>;

/** An assessor's recommended outcome. Unscorable is a condition, never a low score. */
export const Decision = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('earned') }),
    z.strictObject({ kind: z.literal('not-yet') }),
    z.strictObject({
      kind: z.literal('unscorable'),
      conditionCode: ConditionCode,
      explanation: z.string().trim().min(1, { error: 'an unscorable decision needs an explanation' }),
    }),
  ],
  { error: 'must be a decision: earned, not-yet or unscorable' },
);
export type Decision = z.infer<typeof Decision>;
export type DecisionKind = Decision['kind'];

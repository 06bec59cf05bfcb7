import { z } from 'zod';
import { LocalId, NonEmptyText } from './common';

/** One ordered performance level of a criterion (lowest first). */
export const RubricLevel = z.strictObject({
  id: LocalId,
  label: NonEmptyText,
  score: z.number({ error: 'must be a number' }),
  descriptor: NonEmptyText,
  /** Pre-written feedback an assessor can offer a candidate at this level. */
  feedback: z.string().optional(),
});
export type RubricLevel = z.infer<typeof RubricLevel>;

export const RubricCriterion = z
  .strictObject({
    id: LocalId,
    title: NonEmptyText,
    description: z.string().optional(),
    lookFors: z.array(NonEmptyText).default([]),
    weight: z.number().positive({ error: 'must be greater than zero' }).optional(),
    levels: z.array(RubricLevel).min(2, { error: 'a criterion needs at least two levels' }),
    /**
     * Ready-made feedback the rubric's authors offer for this criterion (the comment bank's shipped
     * entries, beside each level's `feedback`). Optional: packets written before it stay valid.
     */
    commentBank: z.array(NonEmptyText).optional(),
  })
  .superRefine((criterion, ctx) => {
    const seen = new Set<string>();
    criterion.levels.forEach((level, index) => {
      if (seen.has(level.id)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'id'], message: `duplicate level id "${level.id}"` });
      }
      seen.add(level.id);
      const previous = criterion.levels[index - 1];
      if (previous && level.score <= previous.score) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'score'],
          message: 'levels must be ordered lowest first with strictly increasing scores',
        });
      }
    });
  });
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/**
 * How criterion levels combine into the decision the rubric implies.
 * "all-at-least": every criterion at a level scoring at least `minLevelScore`.
 * "total-at-least": the (weighted) sum of level scores reaches `minTotal`.
 */
export const DecisionRule = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('all-at-least'),
      minLevelScore: z.number(),
      description: z.string().optional(),
    }),
    z.strictObject({
      kind: z.literal('total-at-least'),
      minTotal: z.number(),
      description: z.string().optional(),
    }),
  ],
  { error: 'must be a decision rule of kind "all-at-least" or "total-at-least"' },
);
export type DecisionRule = z.infer<typeof DecisionRule>;

export const Rubric = z
  .strictObject({
    id: LocalId,
    version: z.string().regex(/^\d+(\.\d+){0,2}$/, { error: 'must be a version such as 1 or 2.1' }),
    title: NonEmptyText,
    criteria: z.array(RubricCriterion).min(1, { error: 'a rubric needs at least one criterion' }),
    decisionRule: DecisionRule,
    /** Levels scoring below this need a written rationale (used by the review screen). */
    rationaleRequiredBelowScore: z.number().optional(),
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'id'],
          message: `duplicate criterion id "${criterion.id}"`,
        });
      }
      seen.add(criterion.id);
    });
  });
export type Rubric = z.infer<typeof Rubric>;

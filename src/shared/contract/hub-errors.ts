import { z } from 'zod';

/** The body of every error the hub answers with (4xx and 5xx). */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    /** Present when a body or packet failed validation: one entry per problem found. */
    problems: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

import { z } from 'zod';
import { LocalId, NonEmptyText } from './common';

/** A micro-credential: one discrete teaching competency, optionally part of a stack. */
export const Credential = z.strictObject({
  id: LocalId,
  title: NonEmptyText,
  competency: NonEmptyText,
  stack: z.strictObject({ id: LocalId, title: NonEmptyText }).optional(),
});
export type Credential = z.infer<typeof Credential>;

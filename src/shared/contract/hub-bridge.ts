import { z } from 'zod';
import { Uuid } from '../domain/common';
import { ScoreRecord } from '../domain/score';
import { AssignmentView, ConflictView, ScoreReceipt, ScoreView, UserView } from './hub-api';
import { Workspace } from './workspace';

// What the renderer and the main (or host) process exchange about the hub. The hub's own wire
// contract is hub-api.ts; these are the bridge's views of it. Tokens never appear here.

export const HubStatus = z.strictObject({
  /** The signed-in account, or null. */
  user: UserView.nullable(),
  /** The hub signed in to, else the last one used (to prefill the sign-in form). */
  hubUrl: z.string().nullable(),
  /** The last user name signed in with, to prefill the form. */
  lastUsername: z.string().nullable(),
  /** How tokens are protected at rest, for the hub screen ("sealed by the OS key store (…)"). */
  tokenProtection: z.string(),
  /** True while the hub's event stream is open: new assignments show up as they happen. */
  live: z.boolean(),
  /**
   * Grows with every assignment or window change the hub announced, and with every (re)connection
   * of the event stream (changes while it was down went unseen); the renderer refreshes when it moves.
   */
  assignmentsVersion: z.number().int().min(0),
  /** The local demo hub: offered when no hub is configured (first run). */
  demoHub: z.strictObject({ available: z.boolean(), url: z.string().nullable() }),
  /** Whose work is shown: the signed-in user's workspace, else the local one (imported packets). */
  workspace: Workspace,
});
export type HubStatus = z.infer<typeof HubStatus>;

export const SignInInput = z.strictObject({
  hubUrl: z
    .string()
    .trim()
    .min(1, { error: 'enter the hub address' })
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: 'must be an http:// or https:// address, such as https://hub.example.org',
      }),
    ),
  username: z.string().trim().min(1, { error: 'enter your user name' }).max(64),
  password: z.string().min(1, { error: 'enter your password' }).max(1024),
});

export const AssignmentsOutput = z.strictObject({
  assignments: z.array(AssignmentView),
  fetchedAt: z.string(),
  /** Pulled packets removed from this computer, each with the real reason: its window closed, or the hub no longer assigns it to this user. */
  purged: z.array(
    z.strictObject({ packetId: Uuid, pseudonym: z.string(), reason: z.enum(['window-closed', 'unassigned']) }),
  ),
  /** Pulls stopped before they finished (Anchor was closed mid-pull), downloading again from where they stopped. */
  resumed: z.array(Uuid),
});

/** One packet's pull as the main process tracks it; pulls continue while the screen is closed. */
export const PullState = z.strictObject({
  packetId: Uuid,
  state: z.enum(['queued', 'pulling', 'done', 'failed']),
  receivedBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** Why it failed, in words the assessor can act on. */
  error: z.string().optional(),
});
export type PullState = z.infer<typeof PullState>;
export const PullList = z.strictObject({ pulls: z.array(PullState) });
export type PullList = z.infer<typeof PullList>;

export const UploadScoreInput = z.strictObject({
  record: ScoreRecord,
  baseRevision: z.number().int().min(0),
  /** The workspace the review was written in: it is uploaded only under that person's session. */
  workspaceId: Workspace.shape.id.optional(),
});

/**
 * How one score upload ended. The outbox decides from the kind: stored and conflict are final
 * until the assessor acts, retry is tried again with backoff, signed-out waits for a sign-in,
 * rejected needs the assessor (or an admin) to change something first.
 */
export const UploadOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stored'), receipt: ScoreReceipt }),
  z.strictObject({ kind: z.literal('conflict'), server: ScoreView.nullable(), reason: z.string() }),
  z.strictObject({ kind: z.literal('retry'), reason: z.string() }),
  z.strictObject({ kind: z.literal('signed-out'), reason: z.string() }),
  z.strictObject({ kind: z.literal('rejected'), reason: z.string() }),
]);
export type UploadOutcome = z.infer<typeof UploadOutcome>;

export const ConflictsOutput = z.strictObject({ conflicts: z.array(ConflictView) });
export const DeclareConflictInput = z
  .strictObject({
    school: z.string().trim().max(200).optional(),
    district: z.string().trim().max(200).optional(),
  })
  .refine((c) => Boolean(c.school) || Boolean(c.district), { error: 'name a school, a district or both' });

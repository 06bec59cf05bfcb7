import { z } from 'zod';
import { Workspace } from './workspace';
import { IsoDateTime, Uuid } from '../domain/common';
import { ScoreRecord } from '../domain/score';
import { ErrorBody } from './hub-errors';

// Submitted reviews on their way to the hub: uploaded exactly once under the review's own id,
// with a receipt, or a conflict when the hub holds another version.

// ── on the hub ────────────────────────────────────────────────────────────────────────────
export const PutScoreRequest = z.strictObject({
  /** The revision this one replaces: 0 for a first review, else the revision the assessor reopened. */
  baseRevision: z.number().int().min(0),
  record: ScoreRecord,
});
/** Proof that the hub holds a score; the same upload again returns the same receipt. */
export const ScoreReceipt = z.strictObject({
  scoreId: Uuid,
  packetId: Uuid,
  revision: z.number().int(),
  receivedAt: IsoDateTime,
});
export type ScoreReceipt = z.infer<typeof ScoreReceipt>;
export const ScoreView = z.strictObject({ receipt: ScoreReceipt, record: ScoreRecord });
export type ScoreView = z.infer<typeof ScoreView>;
/** 409: the hub's latest revision for this packet and assessor is not the one the upload was based on. */
export const ScoreConflictBody = ErrorBody.extend({ server: ScoreView.nullable() });

// ── over the bridge ───────────────────────────────────────────────────────────────────────
/**
 * How one score upload ended. The outbox decides from the kind: stored and conflict are final
 * until the assessor acts, retry is tried again with backoff, signed-out waits for a sign-in,
 * rejected needs the assessor (or an admin) to change something first.
 */
export const UploadOutcome = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('stored'),
    receipt: ScoreReceipt,
    /** The hub's word on a stored score the assessor must hear (a norming score that arrived late). */
    notice: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('conflict'), server: ScoreView.nullable(), reason: z.string() }),
  z.strictObject({ kind: z.literal('retry'), reason: z.string() }),
  z.strictObject({ kind: z.literal('signed-out'), reason: z.string() }),
  z.strictObject({ kind: z.literal('rejected'), reason: z.string() }),
]);
export type UploadOutcome = z.infer<typeof UploadOutcome>;

/**
 * Where a submitted review goes: the assessor's live queue (PUT /scores/{id}), or a norming
 * session (PUT /norming/sessions/{id}/scores/{id}). One outbox carries both; the main process
 * routes by this.
 */
export const ScoreDestination = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('live') }),
  z.strictObject({ kind: z.literal('norming'), sessionId: Uuid }),
]);
export type ScoreDestination = z.infer<typeof ScoreDestination>;

/**
 * The hub's own request body (the upload the outbox sends is exactly what the hub receives),
 * plus the workspace the review was written in: it is uploaded only under that person's session.
 */
export const UploadScoreInput = PutScoreRequest.extend({
  workspaceId: Workspace.shape.id.optional(),
  /** Live when absent (entries queued before norming existed). */
  destination: ScoreDestination.optional(),
});

export const SCORE_CHANNELS = {
  'hub.uploadScore': { input: UploadScoreInput, output: UploadOutcome },
} as const;

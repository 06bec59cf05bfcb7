import { z } from 'zod';
import { IsoDateTime, NonEmptyText, Uuid } from '../domain/common';
import { PacketManifest } from '../packet/manifest';

// An assessor's queue on the hub: assignments, the packets behind them, pulling their evidence to
// this computer, and the conflicts of interest that keep packets out of the queue.

// ── on the hub ────────────────────────────────────────────────────────────────────────────
/** One row of an assessor's queue: enough to list and pull it, nothing that identifies anyone. */
export const AssignmentView = z.strictObject({
  assignmentId: Uuid,
  packetId: Uuid,
  assignedAt: IsoDateTime,
  window: z.strictObject({ id: Uuid, name: z.string(), closesAt: IsoDateTime, decisionsDueAt: IsoDateTime }),
  credential: z.strictObject({ id: z.string(), title: z.string() }),
  pseudonym: z.string(),
  attempt: z.number().int(),
  submittedAt: IsoDateTime,
  evidenceCount: z.number().int(),
  totalBytes: z.number().int(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;
/**
 * An open review window the assessor cannot be assigned in yet: it requires a current
 * qualification they do not hold. Says why and what to do.
 */
export const QualificationNotice = z.strictObject({
  /** qualification: the window needs one they lack; paused: a chair paused them in it (scorer quality). */
  kind: z.enum(['qualification', 'paused']).default('qualification'),
  windowId: Uuid,
  windowName: z.string(),
  credentialId: z.string(),
  /** When their last qualification in it expired; null when they never qualified. */
  expiredAt: IsoDateTime.nullable(),
  message: z.string(),
});
export type QualificationNotice = z.infer<typeof QualificationNotice>;

export const AssignmentList = z.strictObject({
  assignments: z.array(AssignmentView),
  notices: z.array(QualificationNotice).default([]),
});

export const CreateAssignmentRequest = z.strictObject({ windowId: Uuid, packetId: Uuid, assessorId: Uuid });
/** An assignment as the admin sees it. */
export const AssignmentRecord = z.strictObject({
  id: Uuid,
  windowId: Uuid,
  packetId: Uuid,
  assessorId: Uuid,
  assessorUsername: z.string(),
  assignedAt: IsoDateTime,
});
export type AssignmentRecord = z.infer<typeof AssignmentRecord>;
export const AssignmentRecordList = z.strictObject({ assignments: z.array(AssignmentRecord) });

export const AutoAssignRequest = z.strictObject({
  windowId: Uuid,
  /** Which packets to assign; all uploaded packets when omitted. */
  packetIds: z.array(Uuid).max(10_000).optional(),
  /** How many assessors should score each packet (2 for double scoring). */
  assessorsPerPacket: z.number().int().min(1).max(10).default(1),
});
export const AutoAssignResponse = z.strictObject({
  created: z.array(AssignmentRecord),
  /** Packets that could not get all their assessors, and why. */
  shortfalls: z.array(z.strictObject({ packetId: Uuid, missing: z.number().int(), reason: z.string() })),
});

/** What every reader of a packet may see: the manifest carries the candidate's pseudonym only. */
export const PacketView = z.strictObject({ packetId: Uuid, uploadedAt: IsoDateTime, manifest: PacketManifest });
export type PacketView = z.infer<typeof PacketView>;
/** The admin's view adds the conflict-check fields that are never sent to assessors. */
export const AdminPacketView = PacketView.extend({ school: z.string().nullable(), district: z.string().nullable() });
export type AdminPacketView = z.infer<typeof AdminPacketView>;

/** A school or district name; blank means "not named", so a form's empty field can be sent as is. */
const ConflictLabel = NonEmptyText.max(200)
  .optional()
  .or(
    z
      .string()
      .trim()
      .max(0)
      .transform(() => undefined),
  );

/** The one declaration schema: the hub's request body and the bridge's input alike. */
export const DeclareConflictRequest = z
  .strictObject({ school: ConflictLabel, district: ConflictLabel })
  .refine((c) => c.school !== undefined || c.district !== undefined, {
    error: 'name a school, a district or both',
  });
export const ConflictView = z.strictObject({
  id: Uuid,
  school: z.string().nullable(),
  district: z.string().nullable(),
  declaredAt: IsoDateTime,
});
export type ConflictView = z.infer<typeof ConflictView>;
export const ConflictList = z.strictObject({ conflicts: z.array(ConflictView) });

// ── over the bridge ───────────────────────────────────────────────────────────────────────
export const AssignmentsOutput = z.strictObject({
  assignments: z.array(AssignmentView),
  fetchedAt: z.string(),
  /** Pulled packets removed from this computer: their window closed or the hub dropped them. */
  purged: z.array(
    z.strictObject({ packetId: Uuid, pseudonym: z.string(), reason: z.enum(['window-closed', 'unassigned']) }),
  ),
  /** Pulls stopped before they finished (Anchor was closed mid-pull), downloading again from where they stopped. */
  resumed: z.array(Uuid),
  /** Open windows that need a qualification the assessor does not hold. */
  notices: z.array(QualificationNotice).default([]),
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

export const ASSIGNMENT_CHANNELS = {
  'hub.assignments': { input: z.strictObject({}), output: AssignmentsOutput },
  /** Queues packets for download; progress arrives as hub.pullsChanged events (or hub.pulls). */
  'hub.pull': { input: z.strictObject({ packetIds: z.array(Uuid).min(1).max(10_000) }), output: PullList },
  'hub.pulls': { input: z.strictObject({}), output: PullList },
  'hub.conflicts': { input: z.strictObject({}), output: ConflictList },
  'hub.declareConflict': { input: DeclareConflictRequest, output: ConflictView },
} as const;

export const ASSIGNMENT_EVENTS = {
  /** A pull was queued, made progress, finished or failed: the whole list as it is now. */
  'hub.pullsChanged': PullList,
  /** The hub announced an assignment or window change, or its event stream (re)connected: list them again. */
  'hub.assignmentsChanged': z.strictObject({ version: z.number().int().min(0) }),
} as const;

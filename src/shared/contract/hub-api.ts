import { z } from 'zod';
import { IsoDateTime, NonEmptyText, Uuid } from '../domain/common';
import { ScoreRecord } from '../domain/score';
import { PacketManifest } from '../packet/manifest';

// The hub's wire contract: request and response bodies of /api/v1, written once as zod schemas.
// The hub's routes parse with them, its OpenAPI document is generated from them, and the
// desktop side (hub client, bridge, renderer) reads the same types.

export const Role = z.enum(['assessor', 'facilitator', 'chair', 'admin'], {
  error: 'must be one of assessor, facilitator, chair, admin',
});
export type Role = z.infer<typeof Role>;

export const Username = z.string({ error: 'must be text' }).regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
  error: 'must be 2–64 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit',
});

export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    /** Present when a body or packet failed validation: one entry per problem found. */
    problems: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ── sessions ──────────────────────────────────────────────────────────────────────────────
export const SignInRequest = z.strictObject({
  username: z.string({ error: 'must be text' }).min(1).max(64),
  password: z.string({ error: 'must be text' }).min(1).max(1024),
});
export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const UserView = z.strictObject({ id: Uuid, username: z.string(), roles: z.array(Role) });
export type UserView = z.infer<typeof UserView>;

export const SessionResponse = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: IsoDateTime,
  refreshTokenExpiresAt: IsoDateTime,
  user: UserView,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

// ── users ─────────────────────────────────────────────────────────────────────────────────
export const CreateUserRequest = z.strictObject({
  username: Username,
  // NIST SP 800-63B: length over composition rules; the KDF makes guessing expensive.
  password: z.string({ error: 'must be text' }).min(10, { error: 'must be at least 10 characters' }).max(1024),
  roles: z
    .array(Role)
    .min(1, { error: 'a user needs at least one role' })
    .transform((roles) => [...new Set(roles)]),
});

// ── review windows ────────────────────────────────────────────────────────────────────────
export const WindowStatus = z.enum(['scheduled', 'open', 'closed']);
export const CreateWindowRequest = z
  .strictObject({
    name: NonEmptyText,
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    decisionsDueAt: IsoDateTime,
    status: WindowStatus.default('open'),
  })
  .refine((w) => Date.parse(w.opensAt) < Date.parse(w.closesAt), {
    path: ['closesAt'],
    error: 'must be after opensAt',
  })
  .refine((w) => Date.parse(w.closesAt) <= Date.parse(w.decisionsDueAt), {
    path: ['decisionsDueAt'],
    error: 'must not be before closesAt',
  });
export const WindowView = z.strictObject({
  id: Uuid,
  name: z.string(),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  decisionsDueAt: IsoDateTime,
  status: WindowStatus,
  /** True while the status is "open" and now lies between opensAt and closesAt. */
  isOpen: z.boolean(),
});
export type WindowView = z.infer<typeof WindowView>;

// ── packets ───────────────────────────────────────────────────────────────────────────────
/** What every reader of a packet may see: the manifest carries the candidate's pseudonym only. */
export const PacketView = z.strictObject({ packetId: Uuid, uploadedAt: IsoDateTime, manifest: PacketManifest });
export type PacketView = z.infer<typeof PacketView>;
/** The admin's view adds the conflict-check fields that are never sent to assessors. */
export const AdminPacketView = PacketView.extend({ school: z.string().nullable(), district: z.string().nullable() });
export type AdminPacketView = z.infer<typeof AdminPacketView>;
export const UploadPacketResponse = z.strictObject({ packet: AdminPacketView, alreadyUploaded: z.boolean() });

// ── assignments ───────────────────────────────────────────────────────────────────────────
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
export const AssignmentList = z.strictObject({ assignments: z.array(AssignmentView) });

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

// ── conflicts of interest ─────────────────────────────────────────────────────────────────
export const DeclareConflictRequest = z
  .strictObject({
    school: NonEmptyText.max(200).optional(),
    district: NonEmptyText.max(200).optional(),
  })
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

// ── scores ────────────────────────────────────────────────────────────────────────────────
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

// ── events ────────────────────────────────────────────────────────────────────────────────
export const HubEvent = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('assignment.created'),
    assignmentId: Uuid,
    windowId: Uuid,
    packetId: Uuid,
    assessorId: Uuid,
  }),
  z.strictObject({
    type: z.literal('score.received'),
    scoreId: Uuid,
    packetId: Uuid,
    assessorId: Uuid,
    revision: z.number().int(),
  }),
  /** An admin removed an assignment: the assessor no longer sees the packet or its evidence. */
  z.strictObject({
    type: z.literal('assignment.removed'),
    assignmentId: Uuid,
    windowId: Uuid,
    packetId: Uuid,
    assessorId: Uuid,
  }),
  /** An admin changed a review window (renamed, dates moved, opened or closed): refresh queues. */
  z.strictObject({ type: z.literal('window.updated'), window: WindowView }),
]);
export type HubEvent = z.infer<typeof HubEvent>;

// ── administration: listing and changing windows, assignments and users ─────────────────
export const WindowList = z.strictObject({ windows: z.array(WindowView) });

/**
 * A partial change to a review window; at least one field. The merged window must keep
 * opensAt < closesAt <= decisionsDueAt (the hub checks that against the stored values).
 */
export const UpdateWindowRequest = z
  .strictObject({
    name: NonEmptyText.optional(),
    opensAt: IsoDateTime.optional(),
    closesAt: IsoDateTime.optional(),
    decisionsDueAt: IsoDateTime.optional(),
    status: WindowStatus.optional(),
  })
  .refine((w) => Object.values(w).some((value) => value !== undefined), {
    error: 'change at least one of name, opensAt, closesAt, decisionsDueAt, status',
  });

export const AssignmentRecordList = z.strictObject({ assignments: z.array(AssignmentRecord) });

/** An account as the admin sees it: a UserView plus whether it is disabled. */
export const AdminUserView = UserView.extend({ disabled: z.boolean(), createdAt: IsoDateTime });
export type AdminUserView = z.infer<typeof AdminUserView>;
export const UserList = z.strictObject({ users: z.array(AdminUserView) });

/**
 * A change to an account; at least one field. `roles` replaces the account's roles; `disabled`
 * true stops sign-in and ends its sessions at once, false lets it sign in again.
 */
export const UpdateUserRequest = z
  .strictObject({ roles: CreateUserRequest.shape.roles.optional(), disabled: z.boolean().optional() })
  .refine((u) => u.roles !== undefined || u.disabled !== undefined, { error: 'change roles, disabled or both' });

import { DecisionType, DecisionTypes, DEFAULT_DECISION_TYPES } from '../committee/decision-types';
import { ScoringPolicy } from '../committee/policy';
import { z } from 'zod';
import { IsoDateTime, NonEmptyText, Uuid } from '../domain/common';
import { AdminPacketView } from './assignments';
import { Role, Username, UserView } from './hub-session';

// Running a hub (admins, and chairs reading windows): review windows, accounts, packet uploads.
// The desktop bridge has no channels here yet.

// ── accounts ──────────────────────────────────────────────────────────────────────────────
export const CreateUserRequest = z.strictObject({
  username: Username,
  // NIST SP 800-63B: length over composition rules; the KDF makes guessing expensive.
  password: z.string({ error: 'must be text' }).min(10, { error: 'must be at least 10 characters' }).max(1024),
  roles: z
    .array(Role)
    .min(1, { error: 'a user needs at least one role' })
    .transform((roles) => [...new Set(roles)]),
});

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

// ── review windows ────────────────────────────────────────────────────────────────────────
export const WindowStatus = z.enum(['scheduled', 'open', 'closed']);
export const CreateWindowRequest = z
  .strictObject({
    name: NonEmptyText,
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    decisionsDueAt: IsoDateTime,
    status: WindowStatus.default('open'),
    /** A credential id: only assessors with a current qualification in it may be assigned in this window. */
    requiredQualification: NonEmptyText.nullable().default(null),
    /** Double scoring and adjudication rules; null: every packet is scored once, as assigned. */
    scoringPolicy: ScoringPolicy.nullable().default(null),
    /** The committee's decision types; null: earned / not yet / unscorable (DEFAULT_DECISION_TYPES). */
    decisionTypes: DecisionTypes.nullable().default(null),
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
  /** The credential whose current qualification an assessor needs to be assigned here; null when none. */
  requiredQualification: z.string().nullable().default(null),
  scoringPolicy: ScoringPolicy.nullable().default(null),
  /** The decision types a chair picks from in this window (the defaults when none were set). */
  decisionTypes: z.array(DecisionType).default([...DEFAULT_DECISION_TYPES]),
});
export type WindowView = z.infer<typeof WindowView>;
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
    requiredQualification: NonEmptyText.nullable().optional(),
    scoringPolicy: ScoringPolicy.nullable().optional(),
    /** Replaces the window's decision types; null restores the defaults. */
    decisionTypes: DecisionTypes.nullable().optional(),
  })
  .refine((w) => Object.values(w).some((value) => value !== undefined), {
    error:
      'change at least one of name, opensAt, closesAt, decisionsDueAt, status, requiredQualification, scoringPolicy, ' +
      'decisionTypes',
  });

// ── packets ───────────────────────────────────────────────────────────────────────────────
export const UploadPacketResponse = z.strictObject({ packet: AdminPacketView, alreadyUploaded: z.boolean() });

/** One row of the hub's audit trail: who did what to which subject, when, and the details. */
export const AuditEntryView = z.strictObject({
  id: z.number().int(),
  at: IsoDateTime,
  /** The acting account, or null for the hub itself (routing, the demo seed) and failed sign-ins. */
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export const AuditList = z.strictObject({
  entries: z.array(AuditEntryView),
  /** With ?limit=: whether more entries match beyond this page. */
  hasMore: z.boolean().optional(),
});

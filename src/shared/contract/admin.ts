import { z } from 'zod';
import { Uuid } from '../domain/common';
import {
  AdminPacketView,
  AssignmentRecord,
  AssignmentRecordList,
  AutoAssignRequest,
  AutoAssignResponse,
  CreateAssignmentRequest,
} from './assignments';
import {
  AdminUserView,
  CreateUserRequest,
  UpdateUserRequest,
  UpdateWindowRequest,
  UserList,
  WindowList,
  WindowView,
  CreateWindowRequest,
} from './hub-admin';
import { UserView } from './hub-session';
import { PacketList, PacketListFilter } from './packet-list';

// The admin's screens over the bridge: windows, packet uploads, accounts and assignments. Each
// channel is one hub route; the hub keeps every rule (last admin, already scored, closed window),
// so these schemas only carry its requests and answers, written once in hub-admin.ts and
// assignments.ts.

/** A blank school or district is "not named": the form's empty field can be sent as is. */
const OptionalLabel = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));

/** What the carriers deliver for one picked .anchor file: a local path only they may supply. */
export const UploadPacketInput = z.strictObject({
  path: z.string().min(1),
  fileName: z.string(),
  school: OptionalLabel,
  district: OptionalLabel,
});

/** One upload's result, kept per file so a batch shows what happened to each. */
export const UploadPacketOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('created'), fileName: z.string(), packet: AdminPacketView }),
  z.strictObject({ kind: z.literal('already-uploaded'), fileName: z.string(), packet: AdminPacketView }),
  z.strictObject({
    kind: z.literal('refused'),
    fileName: z.string(),
    message: z.string(),
    problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
]);
export type UploadPacketOutcome = z.infer<typeof UploadPacketOutcome>;

export const AssignmentFilter = z.strictObject({
  windowId: Uuid.optional(),
  assessorId: Uuid.optional(),
  packetId: Uuid.optional(),
});
export type AssignmentFilter = z.infer<typeof AssignmentFilter>;

export const ADMIN_CHANNELS = {
  'admin.windows': { input: z.strictObject({}), output: WindowList },
  'admin.createWindow': { input: CreateWindowRequest, output: WindowView },
  'admin.updateWindow': {
    input: z.strictObject({ windowId: Uuid, change: UpdateWindowRequest }),
    output: WindowView,
  },
  'admin.uploadPacket': { input: UploadPacketInput, output: UploadPacketOutcome },
  /** The hub's packets (GET /api/v1/packets): the Packets section's list and the hand-assignment picker. */
  'admin.packets': { input: PacketListFilter, output: PacketList },
  'admin.users': { input: z.strictObject({}), output: UserList },
  'admin.createUser': { input: CreateUserRequest, output: UserView },
  'admin.updateUser': { input: z.strictObject({ userId: Uuid, change: UpdateUserRequest }), output: AdminUserView },
  'admin.assignments': { input: AssignmentFilter, output: AssignmentRecordList },
  'admin.assign': { input: CreateAssignmentRequest, output: AssignmentRecord },
  'admin.autoAssign': { input: AutoAssignRequest, output: AutoAssignResponse },
  'admin.unassign': {
    input: z.strictObject({ assignmentId: Uuid }),
    output: z.strictObject({ removed: z.literal(true) }),
  },
} as const;

/** Channels whose input is a user-chosen file: each carrier turns the File into a local path. */
export const ADMIN_UPLOAD_CHANNELS = ['admin.uploadPacket'] as const satisfies readonly (keyof typeof ADMIN_CHANNELS)[];

import { z } from 'zod';
import { LocalId, Uuid } from '../domain/common';
import {
  AdminPacketView,
  AssignmentList,
  AssignmentRecord,
  AssignmentRecordList,
  AutoAssignRequest,
  AutoAssignResponse,
  ConflictList,
  ConflictView,
  CreateAssignmentRequest,
  DeclareConflictRequest,
  PacketView,
} from './assignments';
import {
  AdminUserView,
  AuditList,
  CreateUserRequest,
  CreateWindowRequest,
  UpdateUserRequest,
  UpdateWindowRequest,
  UploadPacketResponse,
  UserList,
  WindowList,
  WindowView,
} from './hub-admin';
import {
  AdjudicationDetail,
  BatchDecideRequest,
  BatchDecideResponse,
  DecideRequest,
  DecisionView,
  DecisionWorkspace,
  IdentityRecorded,
  IdentityReveal,
  PacketThread,
  PostThreadMessageRequest,
  PutIdentityRequest,
  ReleasedOutcomeList,
  ReleaseRefusal,
  ReleaseRequest,
  ReleaseView,
  ResolveAdjudicationRequest,
  RevealIdentityRequest,
  ThreadMessage,
} from './decisions';
import { AdjudicationView, WindowQuality } from './committee';
import {
  BackReadAdjudicationRequest,
  BackReadingList,
  BackReadingPacket,
  BackReadNote,
  BackReadNoteRequest,
} from './back-reading';
import { DashboardWire, ReassignRequest } from './window-dashboard';
import { WindowProgress } from './window-progress';
import {
  MarkValidityRequest,
  PauseScorerRequest,
  ResumeScorerRequest,
  ScorerPauseState,
  ScorerQuality,
  ValidityList,
  ValidityPacketView,
} from './scorer-quality';
import { ErrorBody } from './hub-errors';
import { PacketList } from './packet-list';
import { RefreshRequest, SessionResponse, SignInRequest, UserView, type Role } from './hub-session';
import {
  CloseNormingResponse,
  ConsensusView,
  CreateNormingSessionRequest,
  NormingReport,
  NormingScoreList,
  NormingScoreReceipt,
  NormingSessionList,
  NormingSessionView,
  PutConsensusRequest,
  PutNormingScoreRequest,
  QualificationList,
} from './norming';
import { PutScoreRequest, ScoreConflictBody, ScoreReceipt, ScoreView } from './scores';

// The hub's routes, written once: method, path, who may call, request and response schemas.
// The hub's router runs them (src/hub/routes implements one handler per entry), the OpenAPI
// document is generated from them, and the desktop's HubClient builds its requests from them
// and reads the answers with their schemas.

export type HubMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, anyone signed in, or holders of one of the listed roles. */
export type HubAccess = 'public' | 'signed-in' | readonly Role[];

/** How a response is described (and, with a schema, read by the client). */
export interface HubResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  mediaType?: string;
}

export interface HubRouteSpec {
  method: HubMethod;
  /** OpenAPI-style template, e.g. /api/v1/packets/{packetId}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: HubAccess;
  /** Path parameters; a value that fails its schema names nothing, so the hub answers 404. */
  params?: Record<string, z.ZodType<string>>;
  body?: z.ZodType;
  /** A raw (non-JSON) request body, documented by media type. */
  rawBody?: { mediaType: string; description: string };
  queryDocs?: Record<string, { description: string; required?: boolean }>;
  responses: Record<number, HubResponseDoc>;
}

/** Path parameters by meaning. */
const PARAMS = {
  packetId: Uuid,
  scoreId: Uuid,
  evidenceId: LocalId,
  windowId: Uuid,
  assignmentId: Uuid,
  userId: Uuid,
  sessionId: Uuid,
  criterionId: LocalId,
  adjudicationId: Uuid,
} as const;

const STAFF = ['facilitator', 'admin'] as const;
/** Who reads and resolves adjudications. */
const COMMITTEE = ['chair', 'admin', 'lead'] as const;
/** Who may be a member of a packet's committee (the hub narrows assessors to the packet's). */
const MEMBERS = ['chair', 'admin', 'lead', 'assessor'] as const;
/** Who decides and releases. */
const DECIDERS = ['chair', 'admin'] as const;
const NORMING_SESSION = '/api/v1/norming/sessions/{sessionId}';

/** Every route of /api/v1, keyed by its OpenAPI operationId. */
export const HUB_ROUTES = {
  // ── meta ────────────────────────────────────────────────────────────────────────────────
  health: {
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Whether the hub is up and its database answers',
    tag: 'Meta',
    access: 'public',
    responses: { 200: { description: 'Up', schema: z.strictObject({ ok: z.literal(true) }) } },
  },
  openapi: {
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'Meta',
    access: 'public',
    responses: { 200: { description: 'The OpenAPI document', mediaType: 'application/json' } },
  },

  // ── sessions ────────────────────────────────────────────────────────────────────────────
  signIn: {
    method: 'POST',
    path: '/api/v1/session',
    summary: 'Sign in with a username and password',
    description:
      'Returns a short-lived access token (send it as "Authorization: Bearer …") and a single-use refresh token. ' +
      'Repeated failures for one username or from one address are slowed: such attempts get 429 with Retry-After.',
    tag: 'Sessions',
    access: 'public',
    body: SignInRequest,
    responses: {
      200: { description: 'Signed in', schema: SessionResponse },
      400: { description: 'Malformed body', schema: ErrorBody },
      401: { description: 'Wrong username or password', schema: ErrorBody },
      403: { description: 'Right password, but the account is disabled', schema: ErrorBody },
      429: { description: 'Too many failed attempts: wait Retry-After seconds', schema: ErrorBody },
    },
  },
  refreshSession: {
    method: 'POST',
    path: '/api/v1/session/refresh',
    summary: 'Trade a refresh token for a new access and refresh token',
    description:
      'Refresh tokens are single-use. Presenting one a second time is taken as theft: the whole session is revoked.',
    tag: 'Sessions',
    access: 'public',
    body: RefreshRequest,
    responses: {
      200: { description: 'New tokens', schema: SessionResponse },
      400: { description: 'Malformed body', schema: ErrorBody },
      401: { description: 'Unknown, expired, reused or revoked refresh token', schema: ErrorBody },
    },
  },
  signOut: {
    method: 'DELETE',
    path: '/api/v1/session',
    summary: 'Sign out: revoke the session behind the access token',
    description: 'Its access and refresh tokens stop working at once, and its open event streams close.',
    tag: 'Sessions',
    access: 'signed-in',
    responses: {
      204: { description: 'Signed out' },
      401: { description: 'No valid access token', schema: ErrorBody },
    },
  },

  // ── an assessor's queue ─────────────────────────────────────────────────────────────────
  listAssignments: {
    method: 'GET',
    path: '/api/v1/assignments',
    summary: "The caller's assignments in open review windows",
    description: 'Candidates appear by pseudonym only.',
    tag: 'Assignments',
    access: 'signed-in',
    responses: { 200: { description: 'Your queue', schema: AssignmentList } },
  },
  getPacket: {
    method: 'GET',
    path: '/api/v1/packets/{packetId}',
    summary: 'A packet: manifest, rubric, prompts and evidence list',
    description:
      'Assessors get packets assigned to them in an open window and the anchors of norming sessions they take part ' +
      'in, and 404 for any other. Facilitators get norming anchors. Scoring leads get any packet with a stored ' +
      'score (to back-read it). Chairs and admins get any packet; only admins ' +
      'also get school and district. The manifest names the candidate by pseudonym only.',
    tag: 'Packets',
    access: ['assessor', 'facilitator', 'chair', 'admin', 'lead'],
    params: { packetId: PARAMS.packetId },
    responses: {
      200: {
        description: 'The packet; admins get AdminPacketView, everyone else PacketView',
        schema: z.union([PacketView, AdminPacketView]),
      },
      404: { description: 'No such packet, or not assigned to you', schema: ErrorBody },
    },
  },
  getEvidence: {
    method: 'GET',
    path: '/api/v1/packets/{packetId}/evidence/{evidenceId}',
    summary: 'The bytes of one evidence file, with Range support',
    description:
      'Same access rule as the packet. One byte range is honoured (206); a range past the end is 416. ' +
      'ETag and Repr-Digest carry the sha256 so a client can resume with If-Range and verify the whole file. ' +
      'Every read is written to the audit log.',
    tag: 'Packets',
    access: ['assessor', 'facilitator', 'chair', 'admin', 'lead'],
    params: { packetId: PARAMS.packetId, evidenceId: PARAMS.evidenceId },
    responses: {
      200: { description: 'The whole file', mediaType: '*/*' },
      206: { description: 'The requested byte range', mediaType: '*/*' },
      404: { description: 'No such packet or evidence, or not assigned to you', schema: ErrorBody },
      416: { description: 'The range starts past the end of the file' },
    },
  },
  putScore: {
    method: 'PUT',
    path: '/api/v1/scores/{scoreId}',
    summary: 'Upload a submitted review, exactly once',
    description:
      "Idempotent by scoreId (the review's own id): the same body again answers 200 with the first receipt. " +
      "baseRevision names the revision this one replaces (0 for a first review); when the hub's latest revision " +
      'for this packet and assessor differs, the answer is 409 with the hub\'s version in "server". ' +
      "record.assessorId must be the caller's username; the packet must be assigned to the caller in an open window.",
    tag: 'Scores',
    access: ['assessor'],
    params: { scoreId: PARAMS.scoreId },
    body: PutScoreRequest,
    responses: {
      201: { description: 'Stored', schema: ScoreReceipt },
      200: { description: 'Already stored: the receipt of the first upload', schema: ScoreReceipt },
      400: { description: 'Malformed body, or the record does not fit the packet', schema: ErrorBody },
      403: { description: 'The review window is not open', schema: ErrorBody },
      404: { description: 'The packet is not assigned to you', schema: ErrorBody },
      409: { description: 'Stale baseRevision, or a different record under this id', schema: ScoreConflictBody },
    },
  },
  getScore: {
    method: 'GET',
    path: '/api/v1/scores/{scoreId}',
    summary: 'A stored score with its receipt',
    description: "Assessors read their own scores; chairs and admins any, without the assessor's private notes.",
    tag: 'Scores',
    access: ['assessor', 'chair', 'admin'],
    params: { scoreId: PARAMS.scoreId },
    responses: {
      200: { description: 'The score', schema: ScoreView },
      404: { description: 'No such score, or not yours', schema: ErrorBody },
    },
  },
  events: {
    method: 'GET',
    path: '/api/v1/events',
    summary: 'Server-sent events: assignment, score and window changes',
    description:
      'A text/event-stream of HubEvent objects (event: assignment.created | assignment.removed | score.received | ' +
      'window.updated). Assessors receive events about their own assignments and scores, and window.updated for ' +
      'windows they have assignments in; chairs and admins all. The stream ends with an ' +
      '"session-expired" event when the access token expires (reconnect with a fresh one), and closes at sign-out ' +
      "and when an admin changes the account's roles or disables it (reconnect to get events for the new roles).",
    tag: 'Events',
    access: 'signed-in',
    responses: { 200: { description: 'The event stream', mediaType: 'text/event-stream' } },
  },
  declareConflict: {
    method: 'POST',
    path: '/api/v1/conflicts',
    summary: 'Declare a conflict of interest with a school or district',
    description:
      'Assessors and committee chairs declare them. Automatic assignment skips the declaring assessor for packets from ' +
      'that school or district; manual assignment refuses them; and the hub answers 404 to the declaring person for ' +
      'those packets, their evidence and their scores, whatever their role.',
    tag: 'Conflicts of interest',
    access: ['assessor', 'chair'],
    body: DeclareConflictRequest,
    responses: {
      201: { description: 'Declared', schema: ConflictView },
      400: { description: 'Malformed body', schema: ErrorBody },
    },
  },
  listConflicts: {
    method: 'GET',
    path: '/api/v1/conflicts',
    summary: 'The conflicts of interest the caller has declared',
    tag: 'Conflicts of interest',
    access: ['assessor', 'chair'],
    responses: { 200: { description: 'Your declarations', schema: ConflictList } },
  },

  // ── administration ──────────────────────────────────────────────────────────────────────
  uploadPacket: {
    method: 'POST',
    path: '/api/v1/packets',
    summary: 'Upload an .anchor evidence packet (admin)',
    description:
      'The body is the .anchor file itself. It is validated exactly as the desktop import validates it; ' +
      "a packet with problems is refused with 422 and the validator's list. school and district are kept " +
      'for conflict-of-interest checks only and are never sent to assessors.',
    tag: 'Packets',
    access: ['admin'],
    rawBody: { mediaType: 'application/octet-stream', description: 'The .anchor (zip) file' },
    queryDocs: {
      school: { description: "The candidate's school, for conflict-of-interest checks" },
      district: { description: "The candidate's district, for conflict-of-interest checks" },
    },
    responses: {
      201: { description: 'Uploaded', schema: UploadPacketResponse },
      200: { description: 'This exact packet was already on the hub', schema: UploadPacketResponse },
      409: { description: 'A different packet with the same id is on the hub', schema: ErrorBody },
      413: { description: 'Larger than the packet limits allow', schema: ErrorBody },
      415: { description: 'Not sent as application/octet-stream', schema: ErrorBody },
      422: { description: "The packet is invalid; error.problems lists the validator's findings", schema: ErrorBody },
    },
  },
  // ── the hub's packets (issue 12, part 2: the admin's Packets section and hand-assignment picker) ──
  listPackets: {
    method: 'GET',
    path: '/api/v1/packets',
    summary: "The hub's packets, newest upload first, filtered and paged (admin, chair)",
    description:
      'Admins pick packets here to assign by hand; chairs to choose a window’s validity packets (and they get no ' +
      'school or district). Each row counts the packet’s assignments in ?windowId= and in all, and flags norming ' +
      'anchors and the window’s validity packets. Filters combine: ?windowId=…&assigned=none&kind=live is what is ' +
      'still to assign in a window. Paged by a keyset: send nextBefore as ?before= for the next page. A filter that ' +
      'is not valid is a 400 listing each problem; packets the caller declared a conflict of interest with are left out.',
    tag: 'Packets',
    access: ['admin', 'chair'],
    queryDocs: {
      q: { description: 'Part of the pseudonym or credential title, any case' },
      windowId: { description: 'Count assignments in this review window; assigned and validity then refer to it' },
      assigned: { description: 'none: no assignment (in the window, else anywhere); some: at least one' },
      kind: { description: 'live (neither anchor nor validity), validity, or anchor' },
      limit: { description: 'At most this many rows (1–1000, default 100)' },
      before: { description: 'The nextBefore of the previous page' },
    },
    responses: {
      200: { description: 'One page of packets', schema: PacketList },
      400: { description: 'A filter is not valid (problems name each)', schema: ErrorBody },
      404: { description: 'No such review window', schema: ErrorBody },
    },
  },
  createWindow: {
    method: 'POST',
    path: '/api/v1/windows',
    summary: 'Create a review window (admin)',
    description:
      'Assessors see their assignments while a window is open: status "open" and now in [opensAt, closesAt).',
    tag: 'Administration',
    access: ['admin'],
    body: CreateWindowRequest,
    responses: {
      201: { description: 'Created', schema: WindowView },
      400: { description: 'Malformed body or inconsistent dates', schema: ErrorBody },
    },
  },
  listWindows: {
    method: 'GET',
    path: '/api/v1/windows',
    summary: 'Every review window, with its status and whether it is open now (admin, chair, lead)',
    description:
      'In opening order. Chairs read them to plan committee work and scoring leads to pick a window to back-read; ' +
      'assessors see the windows of their own assignments in GET /api/v1/assignments instead.',
    tag: 'Administration',
    access: ['admin', 'chair', 'lead'],
    responses: { 200: { description: 'The windows', schema: WindowList } },
  },
  updateWindow: {
    method: 'PATCH',
    path: '/api/v1/windows/{windowId}',
    summary: 'Change a review window: rename it, move its dates, open or close it (admin)',
    description:
      'Send only the fields to change; { "status": "closed" } closes a window early. The changed window must ' +
      'keep opensAt < closesAt <= decisionsDueAt. Assessors with assignments in the window get a window.updated event.',
    tag: 'Administration',
    access: ['admin'],
    params: { windowId: PARAMS.windowId },
    body: UpdateWindowRequest,
    responses: {
      200: { description: 'The window as it is now', schema: WindowView },
      400: { description: 'Malformed body, or the dates would be out of order', schema: ErrorBody },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  getWindowQuality: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/quality',
    summary:
      "A window's scoring quality: why each packet was or was not double-scored, and its adjudications (chair, admin)",
    description:
      'The window’s scoringPolicy decides on each packet’s first scoring whether a second, blind assessor scores it ' +
      '(a random share, resubmissions, first scores near the cut) and records the rule; two scorings that disagree ' +
      'beyond the policy open an adjudication. Packets the caller declared a conflict of interest with are left out.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId },
    responses: {
      200: { description: 'Second-scoring decisions and adjudications, oldest first', schema: WindowQuality },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  getWindowDashboard: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/dashboard',
    summary:
      "A window's dashboard: every packet's state, turnaround, at-risk packets, load per assessor (chair, admin)",
    description:
      'A packet is in a window through its assignments. Its state: in adjudication while an adjudication is open, ' +
      'double-scored once two or more assessors on it have uploaded a score, scored once after one, else assigned. ' +
      'At risk: not every assessor on it has submitted and fewer than 3 days remain before closesAt, or an ' +
      'adjudication is open and fewer than 7 days remain before decisionsDueAt (past deadlines count). daysLeft ' +
      'counts to closesAt while scoring is incomplete, to decisionsDueAt after. assessors lists who a packet may be ' +
      'reassigned to (enabled, qualified where the window requires it); conflicts are checked on reassignment. ' +
      'Packets the caller declared a conflict of interest with are left out entirely, counts and load included. ' +
      'Compact: each packet is a tuple [packetId, pseudonym, title index, state, assignments, daysLeft, riskReasons, ' +
      'open adjudicationId], each assignment [assignmentId, index into people, first submission in epoch ms or null]; ' +
      'a packet is at risk when it has risk reasons, and its first submission is the earliest of its assignments.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId },
    responses: {
      200: { description: 'The dashboard (compact: people and titles by index)', schema: DashboardWire },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  reassignAssignment: {
    method: 'POST',
    path: '/api/v1/assignments/{assignmentId}/reassign',
    summary: 'Move an assignment to another eligible assessor in one step (chair, admin)',
    description:
      'In one transaction the assignment is removed and the packet assigned, in the same window, to assessorId, ' +
      'who must be an enabled assessor, not already on the packet, without a declared conflict, and qualified ' +
      'where the window requires it. Audited; the previous assessor gets assignment.removed, the new one ' +
      'assignment.created. A caller with a declared conflict with the packet gets 404.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { assignmentId: PARAMS.assignmentId },
    body: ReassignRequest,
    responses: {
      200: { description: 'The new assignment', schema: AssignmentRecord },
      400: { description: 'Malformed body, or the user is not an assessor', schema: ErrorBody },
      404: { description: 'No such assignment or assessor', schema: ErrorBody },
      409: {
        description:
          'already-scored (the current assessor uploaded a score), already-assigned, conflict-of-interest, ' +
          'not-qualified, account-disabled or window-closed',
        schema: ErrorBody,
      },
    },
  },
  getWindowProgress: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/progress',
    summary: "A window's progress per UTC day, turnaround and projected last decision (chair, admin)",
    description:
      'For every UTC day from the window’s opening (or an earlier assignment) to today: how many of its packets ' +
      'were assigned, fully scored (every assessor on it uploaded a score), decided and released by the end of ' +
      'the day. turnaround: packets by whole UTC days from their last assessor’s first score to their first ' +
      'decision, or to today while undecided (an adjudication’s time counts as waiting). projection: where the ' +
      'last decision lands at the last 7 days’ pace, or why it cannot be said. The same packets as the ' +
      'dashboard: validity packets and those the caller declared a conflict of interest with are left out.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId },
    responses: {
      200: { description: 'The progress summary', schema: WindowProgress },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  // ── validity packets and scorer quality (issue 12, parts 8 and 9) ───────────────────────────
  listValidityPackets: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/validity',
    summary: "A window's validity packets with their masters, and how many assessors have scored each (chair, admin)",
    description:
      'Validity packets are seeded into every growing live queue (automatic or manual assignment, second scoring) at the policy’s validity.rate ' +
      'and look to assessors exactly like live packets. They are never routed to second scoring or adjudication, ' +
      'never on the dashboard, never decided or released. Packets the caller declared a conflict with are left out.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId },
    responses: {
      200: { description: 'The validity packets, oldest marked first', schema: ValidityList },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  markValidityPacket: {
    method: 'PUT',
    path: '/api/v1/windows/{windowId}/validity/{packetId}',
    summary: 'Mark a packet as a validity packet of the window, with its master levels (chair, admin)',
    description:
      'One master level per criterion of the packet’s rubric. Again with other masters corrects them (audited); ' +
      'every accuracy figure is computed from the current masters. Refused for a norming anchor and for a packet ' +
      'already assigned as live work in the window.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    body: MarkValidityRequest,
    responses: {
      200: { description: 'The validity packet', schema: ValidityPacketView },
      400: { description: 'Malformed body, or masters that do not fit the rubric', schema: ErrorBody },
      404: { description: 'No such window or packet (or a conflicted caller)', schema: ErrorBody },
      409: { description: 'anchor-packet or assigned-live', schema: ErrorBody },
    },
  },
  listScorers: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/scorers',
    summary:
      'Scorer quality per assessor: agreement with validity masters and second scorers, severity, scale use, time, trend, flags (chair, admin, lead)',
    description:
      'Agreement is counted per criterion level, by position on the scale. Severity is the mean signed difference ' +
      '(assessor − reference) in levels: below 0 severe, above 0 lenient. The trend is exact agreement per UTC day ' +
      'of the window. Flags follow the window policy’s quality limits, against validity masters once an assessor has ' +
      'minScored of them, else against second scorers. Scorings of packets the caller declared a conflict with ' +
      'are left out.',
    tag: 'Committees',
    access: ['chair', 'admin', 'lead'],
    params: { windowId: PARAMS.windowId },
    responses: {
      200: { description: 'Every assessor with an assignment in the window, or paused in it', schema: ScorerQuality },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  pauseScorer: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/scorers/{userId}/pause',
    summary: 'Pause an assessor in a window, optionally until they recalibrate (chair, admin)',
    description:
      'A paused assessor gets no new assignments in the window and is not picked for second scoring or validity ' +
      'packets; their assignments stay (a chair may reassign them). With recalibrate, the pause ends by itself once ' +
      'they hold the window’s required qualification recorded after the pause. The reason is shown to the assessor ' +
      '(a notice in GET /api/v1/assignments) and audited.',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId, userId: PARAMS.userId },
    body: PauseScorerRequest,
    responses: {
      200: { description: 'The assessor’s state now', schema: ScorerPauseState },
      400: { description: 'Malformed body, or the user is not an assessor', schema: ErrorBody },
      404: { description: 'No such window or user', schema: ErrorBody },
      409: {
        description: 'already-paused, or recalibration in a window that requires no qualification',
        schema: ErrorBody,
      },
    },
  },
  resumeScorer: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/scorers/{userId}/resume',
    summary: 'End an assessor’s pause in a window (chair, admin)',
    tag: 'Committees',
    access: ['chair', 'admin'],
    params: { windowId: PARAMS.windowId, userId: PARAMS.userId },
    body: ResumeScorerRequest,
    responses: {
      200: { description: 'The assessor’s state now', schema: ScorerPauseState },
      400: { description: 'Malformed body', schema: ErrorBody },
      404: { description: 'No such window or user', schema: ErrorBody },
      409: { description: 'not-paused', schema: ErrorBody },
    },
  },
  // ── back-reading (issue 12, part 10) ────────────────────────────────────────────────────
  listBackReading: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/back-reading',
    summary: "A window's scored packets to back-read, newest scoring first (lead, chair, admin)",
    description:
      'Every packet of the window with at least one stored scoring by an assessor assigned it there, with each ' +
      "assessor's latest revision, how many back-reading notes it has and its adjudication's status. ?assessorId= " +
      "keeps the packets that assessor scored, to sample one person's work. Packets the caller declared a conflict " +
      'of interest with are left out.',
    tag: 'Committees',
    access: ['lead', 'chair', 'admin'],
    params: { windowId: PARAMS.windowId },
    queryDocs: { assessorId: { description: 'Only packets this assessor (a user id) scored' } },
    responses: {
      200: { description: 'The scored packets', schema: BackReadingList },
      400: { description: 'assessorId is not a UUID', schema: ErrorBody },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  getBackReading: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/back-reading',
    summary: "One scored packet's scorings in full, with the back-readers' notes (lead, chair, admin)",
    description:
      "Each assessor's latest revision: levels, rationales, comments with their anchors, feedback and decision. " +
      "The assessors' private notes are never included. The back-readers' notes are visible to leads, chairs and " +
      'admins only. The reading is audited. A caller with a declared conflict with the packet gets 404.',
    tag: 'Committees',
    access: ['lead', 'chair', 'admin'],
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    responses: {
      200: { description: 'The scorings, notes and adjudication', schema: BackReadingPacket },
      404: { description: 'No such window, no scoring of the packet in it, or conflicted', schema: ErrorBody },
    },
  },
  postBackReadNote: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/back-reading/notes',
    summary: 'Leave a private back-reading note on a scored packet (lead, chair, admin)',
    description: 'Never shown to assessors or candidates. Notes are kept as written; audited.',
    tag: 'Committees',
    access: ['lead', 'chair', 'admin'],
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    body: BackReadNoteRequest,
    responses: {
      201: { description: 'The note', schema: BackReadNote },
      400: { description: 'An empty or over-long note', schema: ErrorBody },
      404: { description: 'No such window, no scoring of the packet in it, or conflicted', schema: ErrorBody },
    },
  },
  postBackReadAdjudication: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/back-reading/adjudication',
    summary: 'Send a scored packet to adjudication, with the reason (lead, chair, admin)',
    description:
      'Opens an adjudication of the packet in the window comparing its latest scorings, with one discrepancy ' +
      '{ kind: "back-read", reason }. Audited as adjudication.open; chairs and admins get an adjudication.opened event.',
    tag: 'Committees',
    access: ['lead', 'chair', 'admin'],
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    body: BackReadAdjudicationRequest,
    responses: {
      201: { description: 'The adjudication, open', schema: AdjudicationView },
      400: { description: 'An empty or over-long reason', schema: ErrorBody },
      404: { description: 'No such window, no scoring of the packet in it, or conflicted', schema: ErrorBody },
      409: { description: 'adjudication-exists: the packet already has one in this window', schema: ErrorBody },
    },
  },
  createAssignment: {
    method: 'POST',
    path: '/api/v1/assignments',
    summary: 'Assign a packet to an assessor by hand (admin)',
    tag: 'Assignments',
    access: ['admin'],
    body: CreateAssignmentRequest,
    responses: {
      201: { description: 'Assigned', schema: AssignmentRecord },
      400: { description: 'Malformed body, or the user is not an assessor', schema: ErrorBody },
      404: { description: 'No such window, packet or assessor', schema: ErrorBody },
      409: {
        description: 'Already assigned, declared conflict of interest, window closed, or account disabled',
        schema: ErrorBody,
      },
    },
  },
  autoAssign: {
    method: 'POST',
    path: '/api/v1/assignments/auto',
    summary: 'Assign packets automatically, balancing load and skipping conflicts (admin)',
    description:
      'Each packet gets assessorsPerPacket assessors; each pick is the enabled, eligible assessor with the fewest ' +
      'assignments in the window. Packets that cannot be fully staffed are listed in shortfalls.',
    tag: 'Assignments',
    access: ['admin'],
    body: AutoAssignRequest,
    responses: {
      200: { description: 'What was assigned', schema: AutoAssignResponse },
      400: { description: 'Malformed body or unknown packet ids', schema: ErrorBody },
      404: { description: 'No such window', schema: ErrorBody },
      409: { description: 'Window closed', schema: ErrorBody },
    },
  },
  listAllAssignments: {
    method: 'GET',
    path: '/api/v1/assignments/all',
    summary: "Every assessor's assignments, optionally filtered by window, assessor and packet (admin)",
    description:
      "Filters combine: ?windowId=…&assessorId=… lists one assessor's assignments in one window. An id that " +
      'matches nothing gives an empty list. Oldest assignment first.',
    tag: 'Assignments',
    access: ['admin'],
    queryDocs: {
      windowId: { description: 'Only assignments in this review window' },
      assessorId: { description: "Only this assessor's assignments (a user id)" },
      packetId: { description: 'Only assignments of this packet' },
    },
    responses: {
      200: { description: 'The assignments', schema: AssignmentRecordList },
      400: { description: 'A filter is not a UUID', schema: ErrorBody },
    },
  },
  deleteAssignment: {
    method: 'DELETE',
    path: '/api/v1/assignments/{assignmentId}',
    summary: 'Remove an assignment (admin)',
    description:
      'The assessor stops seeing the packet and its evidence at once (404, as for any packet not theirs) and ' +
      'gets an assignment.removed event. Refused with 409 already-scored when the assessor has uploaded a score ' +
      'for the packet and holds no other assignment of it, so no stored score is left without its assignment.',
    tag: 'Assignments',
    access: ['admin'],
    params: { assignmentId: PARAMS.assignmentId },
    responses: {
      204: { description: 'Removed' },
      404: { description: 'No such assignment', schema: ErrorBody },
      409: { description: 'The assessor already uploaded a score for this packet', schema: ErrorBody },
    },
  },
  exportAudit: {
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'The audit trail: every state change with who, when and what (admin, chair)',
    description:
      'Oldest first, optionally between ?since= and ?until= (ISO date-times, until exclusive). ?format=csv gives the ' +
      'same rows as CSV (id, at, actor, action, subject, detail as JSON) for a spreadsheet; cells a spreadsheet would ' +
      'run as a formula are defused. Filters combine: ?action=, ?actor= (a username), ?subject= (an exact subject ' +
      'such as packet:<id>, or a bare id matched against any kind). ?order=desc gives newest first, and ?limit= with ' +
      '?before= (an entry id) pages through it: the JSON answer then says whether more entries follow.',
    tag: 'Administration',
    access: ['admin', 'chair'],
    queryDocs: {
      since: { description: 'Only entries at or after this instant' },
      until: { description: 'Only entries before this instant' },
      action: { description: 'Only entries with this action, e.g. score.submit' },
      actor: { description: 'Only entries by the account with this username' },
      subject: { description: 'Only entries about this subject ("packet:<id>"), or about this id of any kind' },
      order: { description: 'asc (default, oldest first) or desc (newest first)' },
      limit: { description: 'At most this many entries (1–1000); JSON answers then carry hasMore' },
      before: { description: 'With order=desc: only entries older than this entry id (the next page)' },
      format: { description: 'json (default) or csv' },
    },
    responses: {
      200: { description: 'The entries', schema: AuditList },
      400: { description: 'A bad date or format', schema: ErrorBody },
    },
  },
  createUser: {
    method: 'POST',
    path: '/api/v1/users',
    summary: 'Create an account (admin)',
    tag: 'Administration',
    access: ['admin'],
    body: CreateUserRequest,
    responses: {
      201: { description: 'Created', schema: UserView },
      400: { description: 'Malformed body', schema: ErrorBody },
      409: { description: 'Username taken', schema: ErrorBody },
    },
  },
  listUsers: {
    method: 'GET',
    path: '/api/v1/users',
    summary: 'Every account, with its roles and whether it is disabled (admin)',
    tag: 'Administration',
    access: ['admin'],
    responses: { 200: { description: 'The accounts, by username', schema: UserList } },
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/v1/users/{userId}',
    summary: "Change an account's roles, or disable or enable it (admin)",
    description:
      'roles replaces the roles and takes effect on the next request. disabled: true stops sign-in (403 ' +
      'account-disabled) and ends every session of the account at once; false lets it sign in again. Accounts are ' +
      'disabled rather than deleted so their scores and audit trail stay. A change that would leave no enabled ' +
      'admin is refused.',
    tag: 'Administration',
    access: ['admin'],
    params: { userId: PARAMS.userId },
    body: UpdateUserRequest,
    responses: {
      200: { description: 'The account as it is now', schema: AdminUserView },
      400: { description: 'Malformed body', schema: ErrorBody },
      404: { description: 'No such account', schema: ErrorBody },
      409: { description: 'The change would leave the hub without an enabled admin', schema: ErrorBody },
    },
  },

  // ── norming ─────────────────────────────────────────────────────────────────────────────
  createNormingSession: {
    method: 'POST',
    path: '/api/v1/norming/sessions',
    summary:
      'Start a norming session: anchor packets with master scores, participants, thresholds (facilitator, admin)',
    description:
      'The packets become anchors: never assigned for live scoring. Every anchor must be of the session’s credential ' +
      'and carry a master level and rationale for each criterion of its rubric. Participants must be assessors.',
    tag: 'Norming',
    access: STAFF,
    body: CreateNormingSessionRequest,
    responses: {
      201: { description: 'The session, as its facilitator sees it', schema: NormingSessionView },
      400: {
        description: 'Malformed body, a master level not in the rubric, or a participant who is not an assessor',
        schema: ErrorBody,
      },
      404: { description: 'No such packet or user', schema: ErrorBody },
      409: { description: 'A packet is assigned for live scoring, or not of the credential', schema: ErrorBody },
    },
  },
  listNormingSessions: {
    method: 'GET',
    path: '/api/v1/norming/sessions',
    summary: 'Norming sessions: all for facilitators and admins, the caller’s own for participants',
    tag: 'Norming',
    access: 'signed-in',
    responses: { 200: { description: 'Newest first', schema: NormingSessionList } },
  },
  getNormingSession: {
    method: 'GET',
    path: NORMING_SESSION,
    summary: 'One norming session, as the caller may see it',
    description:
      'Blind until the reveal: a participant gets the anchors and their own scores, never the masters and never ' +
      'anyone else’s levels. After the reveal a participant also gets the masters and the distribution of levels, ' +
      'without names. Facilitators see names, masters and who has submitted.',
    tag: 'Norming',
    access: 'signed-in',
    params: { sessionId: PARAMS.sessionId },
    responses: {
      200: { description: 'The session', schema: NormingSessionView },
      404: { description: 'No such session, or the caller takes no part in it', schema: ErrorBody },
    },
  },
  putNormingScore: {
    method: 'PUT',
    path: `${NORMING_SESSION}/scores/{scoreId}`,
    summary: 'A participant’s score for one anchor packet (idempotent by the score id)',
    description:
      'The same upload again answers 200 with the first receipt. Before the reveal a participant may revise ' +
      '(baseRevision names the revision replaced). A score arriving after the reveal is kept but marked late and ' +
      'left out of the statistics, unless the facilitator reopened the session for this participant.',
    tag: 'Norming',
    access: 'signed-in',
    params: { sessionId: PARAMS.sessionId, scoreId: PARAMS.scoreId },
    body: PutNormingScoreRequest,
    responses: {
      200: { description: 'Already stored: the receipt of the first upload', schema: NormingScoreReceipt },
      201: { description: 'Stored', schema: NormingScoreReceipt },
      400: { description: 'Malformed body, or a record that does not fit the anchor’s rubric', schema: ErrorBody },
      404: { description: 'No such session or anchor, or the caller is not a participant', schema: ErrorBody },
      409: {
        description: 'Based on a revision that is not the latest, or a different record under a known id',
        schema: ErrorBody,
      },
    },
  },
  listNormingScores: {
    method: 'GET',
    path: `${NORMING_SESSION}/scores`,
    summary: 'Scores of a session: every participant’s for facilitators, only the caller’s own for a participant',
    tag: 'Norming',
    access: 'signed-in',
    params: { sessionId: PARAMS.sessionId },
    responses: {
      200: { description: 'Latest revision per participant and anchor', schema: NormingScoreList },
      404: { description: 'No such session, or the caller takes no part in it', schema: ErrorBody },
    },
  },
  revealNormingSession: {
    method: 'POST',
    path: `${NORMING_SESSION}/reveal`,
    summary: 'Reveal: participants see the masters and the distribution (facilitator, admin)',
    tag: 'Norming',
    access: STAFF,
    params: { sessionId: PARAMS.sessionId },
    responses: {
      200: { description: 'The session, revealed', schema: NormingSessionView },
      404: { description: 'No such session', schema: ErrorBody },
      409: { description: 'Already revealed or closed', schema: ErrorBody },
    },
  },
  putNormingConsensus: {
    method: 'PUT',
    path: `${NORMING_SESSION}/consensus/{criterionId}`,
    summary:
      'Record the discussion and consensus for one criterion, and master changes with reasons (facilitator, admin)',
    tag: 'Norming',
    access: STAFF,
    params: { sessionId: PARAMS.sessionId, criterionId: PARAMS.criterionId },
    body: PutConsensusRequest,
    responses: {
      200: { description: 'The consensus as recorded', schema: ConsensusView },
      400: { description: 'Malformed body, or a level not in the rubric', schema: ErrorBody },
      404: { description: 'No such session, criterion or anchor', schema: ErrorBody },
      409: { description: 'Before the reveal, or the session is closed', schema: ErrorBody },
    },
  },
  reopenNormingParticipant: {
    method: 'POST',
    path: `${NORMING_SESSION}/participants/{userId}/reopen`,
    summary: 'Let one participant’s scores after the reveal count (facilitator, admin)',
    tag: 'Norming',
    access: STAFF,
    params: { sessionId: PARAMS.sessionId, userId: PARAMS.userId },
    responses: {
      200: { description: 'The session', schema: NormingSessionView },
      404: { description: 'No such session or participant', schema: ErrorBody },
      409: {
        description: 'The session is not revealed (before it every score counts; after closing none changes)',
        schema: ErrorBody,
      },
    },
  },
  closeNormingSession: {
    method: 'POST',
    path: `${NORMING_SESSION}/close`,
    summary:
      'Settle the session; a qualification session records each participant’s qualification (facilitator, admin)',
    tag: 'Norming',
    access: STAFF,
    params: { sessionId: PARAMS.sessionId },
    responses: {
      200: { description: 'Closed, with the qualifications recorded', schema: CloseNormingResponse },
      404: { description: 'No such session', schema: ErrorBody },
      409: { description: 'Not revealed yet, or already closed', schema: ErrorBody },
    },
  },
  listQualifications: {
    method: 'GET',
    path: '/api/v1/qualifications',
    summary:
      "Each person's latest qualification per credential: current, expired or not qualified (staff; an assessor their own)",
    description:
      'One row per person and credential: the latest qualification a closed qualification session recorded, ' +
      'with its agreement, session and expiry. Facilitators, chairs, admins and leads read everyone; an ' +
      "assessor reads only their own (userId omitted or their own id; another person's id is 403).",
    tag: 'Norming',
    access: ['assessor', 'facilitator', 'chair', 'admin', 'lead'],
    queryDocs: {
      userId: { description: "Only this person's qualifications (a user id)" },
      credentialId: { description: 'Only qualifications in this credential' },
    },
    responses: {
      200: { description: 'The qualifications, by person then credential', schema: QualificationList },
      400: { description: 'userId is not a UUID', schema: ErrorBody },
      403: { description: "An assessor asking for another person's qualifications", schema: ErrorBody },
    },
  },
  getNormingReport: {
    method: 'GET',
    path: `${NORMING_SESSION}/report`,
    summary: 'The calibration report: per assessor and per criterion (facilitator, admin)',
    description:
      'JSON by default; ?format=csv gives the same figures as CSV (one row per assessor and per criterion), ' +
      '?format=pdf the calibration report with a chart of the levels chosen on each anchor.',
    tag: 'Norming',
    access: STAFF,
    params: { sessionId: PARAMS.sessionId },
    queryDocs: { format: { description: 'json (default), csv or pdf' } },
    responses: {
      200: { description: 'The report', schema: NormingReport },
      400: { description: 'Unknown format', schema: ErrorBody },
      404: { description: 'No such session', schema: ErrorBody },
    },
  },

  // ── committee decisions (issue 12: adjudication, decisions, release, identity) ────────────
  getAdjudication: {
    method: 'GET',
    path: '/api/v1/adjudications/{adjudicationId}',
    summary: 'An adjudication with both scorings in full, the discrepancies and any resolution (chair, admin, lead)',
    description:
      'The scorings carry feedback and the assessors’ usernames; rubric and packetId open the evidence. A caller ' +
      'with a declared conflict of interest with the packet gets 404.',
    tag: 'Committees',
    access: COMMITTEE,
    params: { adjudicationId: PARAMS.adjudicationId },
    responses: {
      200: { description: 'The adjudication', schema: AdjudicationDetail },
      404: { description: 'No such adjudication', schema: ErrorBody },
    },
  },
  resolveAdjudication: {
    method: 'PUT',
    path: '/api/v1/adjudications/{adjudicationId}/resolution',
    summary: 'Record the resolved scoring of an adjudication (chair, admin, lead)',
    description:
      'A level and rationale for every criterion of the packet’s rubric, and the resolved decision. Stored apart ' +
      'from the two scorings, which stay as they were; audited. The resolver may not be one of the two scorers.',
    tag: 'Committees',
    access: COMMITTEE,
    params: { adjudicationId: PARAMS.adjudicationId },
    body: ResolveAdjudicationRequest,
    responses: {
      200: { description: 'The adjudication, resolved', schema: AdjudicationDetail },
      400: { description: 'Malformed body, or a criterion or level the rubric lacks (problems)', schema: ErrorBody },
      404: { description: 'No such adjudication', schema: ErrorBody },
      409: {
        description: 'already-resolved (naming who resolved it), or resolver-scored (the caller is one of the scorers)',
        schema: ErrorBody,
      },
    },
  },
  getPacketThread: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/thread',
    summary: 'The committee’s discussion of one packet in one window (committee members)',
    description:
      'Committee members: chairs, admins, leads and the packet’s assessors in the window. An assessor on the packet ' +
      'reads it only after submitting their own scoring (403 submit-first before); anyone else, or a conflicted ' +
      'person, gets 404.',
    tag: 'Committees',
    access: MEMBERS,
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    responses: {
      200: { description: 'The messages, oldest first', schema: PacketThread },
      403: { description: 'submit-first: the caller scores this packet and has not submitted yet', schema: ErrorBody },
      404: { description: 'No such packet in the window, or not available to the caller', schema: ErrorBody },
    },
  },
  postPacketThread: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/thread',
    summary: 'Add a message to a packet’s discussion (committee members)',
    tag: 'Committees',
    access: MEMBERS,
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    body: PostThreadMessageRequest,
    responses: {
      201: { description: 'The message as stored', schema: ThreadMessage },
      400: { description: 'Malformed body', schema: ErrorBody },
      403: { description: 'submit-first: the caller scores this packet and has not submitted yet', schema: ErrorBody },
      404: { description: 'No such packet in the window, or not available to the caller', schema: ErrorBody },
    },
  },
  getDecisionWorkspace: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/decision',
    summary: 'Everything needed to decide one packet: scorings, discrepancies, thread, decision, suggested feedback',
    description:
      'For committee members (as for the thread; an assessor on the packet only after submitting their own). ' +
      'suggestedFeedback merges the assessors’ candidate feedback, each piece attributed to its scoring; blockers ' +
      'say why no decision can be recorded yet. identity appears once revealed, to chairs, admins and leads only.',
    tag: 'Committees',
    access: MEMBERS,
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    responses: {
      200: { description: 'The decision workspace', schema: DecisionWorkspace },
      403: { description: 'submit-first: the caller scores this packet and has not submitted yet', schema: ErrorBody },
      404: { description: 'No such packet in the window, or not available to the caller', schema: ErrorBody },
    },
  },
  decidePacket: {
    method: 'PUT',
    path: '/api/v1/windows/{windowId}/decisions/{packetId}',
    summary: 'Record the committee’s decision on a packet, with the candidate’s feedback (chair, admin)',
    description:
      'Refused while scoring is incomplete or an adjudication is open, and after release. Deciding again before ' +
      'release adds a revision; earlier ones are kept. Audited.',
    tag: 'Committees',
    access: DECIDERS,
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    body: DecideRequest,
    responses: {
      200: { description: 'The decision as recorded', schema: DecisionView },
      400: {
        description: 'Malformed body; an unknown decision type, criterion or level; levels needed (problems)',
        schema: ErrorBody,
      },
      404: { description: 'No such packet in the window, or not available to the caller', schema: ErrorBody },
      409: { description: 'scoring-incomplete, adjudication-open, released or validity-packet', schema: ErrorBody },
    },
  },
  batchDecide: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/decisions/batch',
    summary: 'Decide every listed packet whose scorings agree, with merged feedback (chair, admin)',
    description:
      'A packet is decided when every assessor on it submitted, no adjudication is open or was needed, all ' +
      'scorings recommend the same decision and choose the same levels, and it has no decision yet. Its decision ' +
      'type is the window’s first type with that outcome; its feedback the merged feedback. Every other packet is ' +
      'skipped with the reason. Each decision is audited.',
    tag: 'Committees',
    access: DECIDERS,
    params: { windowId: PARAMS.windowId },
    body: BatchDecideRequest,
    responses: {
      200: { description: 'Per packet: decided or skipped, and why', schema: BatchDecideResponse },
      400: { description: 'Malformed body', schema: ErrorBody },
      404: { description: 'No such window', schema: ErrorBody },
    },
  },
  releaseDecisions: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/releases',
    summary: 'Release decisions together: all or nothing (chair, admin)',
    description:
      'Releases the listed packets’ current decisions, or, with no list, every decided, unreleased packet of the ' +
      'window the caller has no conflict with — in one transaction under one release id. Any listed packet not ' +
      'decided, already released or not available to the caller refuses the whole release (409, listing them). ' +
      'Audited; publishes release.published. Only now does anything candidate-facing exist.',
    tag: 'Committees',
    access: DECIDERS,
    params: { windowId: PARAMS.windowId },
    body: ReleaseRequest,
    responses: {
      201: { description: 'Released', schema: ReleaseView },
      400: { description: 'Malformed body', schema: ErrorBody },
      404: { description: 'No such window', schema: ErrorBody },
      409: {
        description: 'Nothing released: the packets that stopped it (or nothing-to-release)',
        schema: ReleaseRefusal,
      },
    },
  },
  listReleasedOutcomes: {
    method: 'GET',
    path: '/api/v1/releases',
    summary: 'Released outcomes: decision, candidate feedback and levels per packet (platform, admin)',
    description: 'Only released decisions ever appear, oldest release first.',
    tag: 'Committees',
    access: ['platform', 'admin'],
    queryDocs: { windowId: { description: 'Only outcomes released in this review window' } },
    responses: {
      200: { description: 'The released outcomes', schema: ReleasedOutcomeList },
      400: { description: 'windowId is not a UUID', schema: ErrorBody },
    },
  },
  getCandidateReport: {
    method: 'GET',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/candidate-report',
    summary: 'The candidate’s feedback report of a released decision, as PDF or JSON (chair, admin)',
    description: 'Exists only after release (409 before). ?format=pdf (default) or json.',
    tag: 'Committees',
    access: DECIDERS,
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    queryDocs: { format: { description: 'pdf (default) or json' } },
    responses: {
      200: { description: 'The report', mediaType: 'application/pdf' },
      400: { description: 'Unknown format', schema: ErrorBody },
      404: { description: 'No such packet in the window, or not available to the caller', schema: ErrorBody },
      409: { description: 'not-released: nothing candidate-facing exists before release', schema: ErrorBody },
    },
  },
  putCandidateIdentity: {
    method: 'PUT',
    path: '/api/v1/packets/{packetId}/identity',
    summary: 'Record who the pseudonymous candidate of a packet is (admin, platform)',
    description: 'Held apart from the packet and never sent to assessors; replaced by a later PUT. Audited.',
    tag: 'Committees',
    access: ['admin', 'platform'],
    params: { packetId: PARAMS.packetId },
    body: PutIdentityRequest,
    responses: {
      200: { description: 'Recorded', schema: IdentityRecorded },
      400: { description: 'Malformed body', schema: ErrorBody },
      404: { description: 'No such packet', schema: ErrorBody },
    },
  },
  revealIdentity: {
    method: 'POST',
    path: '/api/v1/windows/{windowId}/packets/{packetId}/identity-reveal',
    summary:
      'Reveal the candidate’s identity to the committee, after the decision: logged, irreversible (chair, admin)',
    description:
      'Only once the packet is decided in the window. The first reveal is audited with its reason; revealing again ' +
      'returns the same reveal and logs nothing more.',
    tag: 'Committees',
    access: DECIDERS,
    params: { windowId: PARAMS.windowId, packetId: PARAMS.packetId },
    body: RevealIdentityRequest,
    responses: {
      200: { description: 'The revealed identity', schema: IdentityReveal },
      400: { description: 'Malformed body', schema: ErrorBody },
      404: { description: 'No such packet in the window, or not available to the caller', schema: ErrorBody },
      409: { description: 'not-decided, or no-identity (none was recorded for the packet)', schema: ErrorBody },
    },
  },
} as const satisfies Record<string, HubRouteSpec>;

export type HubRoutes = typeof HUB_ROUTES;
export type HubRouteId = keyof HubRoutes;
/** Every operationId, read off the table. */
export const HUB_ROUTE_IDS = Object.keys(HUB_ROUTES) as HubRouteId[];

type ParamsOf<S> = S extends { params: infer P } ? { [K in keyof P]: string } : Record<never, never>;
type BodySchemaOf<S> = S extends { body: infer B extends z.ZodType } ? B : undefined;
/** A route's request body as a client writes it (defaults optional). */
export type HubRequestBody<K extends HubRouteId> =
  BodySchemaOf<HubRoutes[K]> extends z.ZodType ? z.input<BodySchemaOf<HubRoutes[K]>> : undefined;
/** A route's path parameters. */
export type HubRouteParams<K extends HubRouteId> = ParamsOf<HubRoutes[K]>;

type SuccessStatus = 200 | 201 | 204;
/** What a route answers on success, read with its schema (undefined for an answer without a body). */
export type HubSuccessBody<K extends HubRouteId> = {
  [S in keyof HubRoutes[K]['responses'] & SuccessStatus]: HubRoutes[K]['responses'][S] extends {
    schema: infer Z extends z.ZodType;
  }
    ? z.output<Z>
    : undefined;
}[keyof HubRoutes[K]['responses'] & SuccessStatus];

/** The path of one route with its parameters filled in (each encoded as one path segment). */
export function hubPath<K extends HubRouteId>(id: K, params: HubRouteParams<K>): string {
  const values = params as Record<string, string>;
  return HUB_ROUTES[id].path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${id} needs the path parameter ${name}.`);
    return encodeURIComponent(value);
  });
}

/** The schema a route's answer with this status is read with, if the table gives one. */
export function hubResponseSchema(id: HubRouteId, status: number): z.ZodType | undefined {
  const responses = HUB_ROUTES[id].responses as Record<number, HubResponseDoc>;
  return responses[status]?.schema;
}

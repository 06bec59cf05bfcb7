import {
  AssignmentList,
  AssignmentRecord,
  AssignmentRecordList,
  AutoAssignRequest,
  AutoAssignResponse,
  CreateAssignmentRequest,
  ErrorBody,
} from '../../shared/contract/hub-api';
import { Uuid } from '../../shared/domain/common';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/route';
import { assignAutomatically, assignManually, unassign } from '../services/assignments';
import { listAssignmentRecords, listOpenAssignments } from '../store/assignments';
import { PARAMS } from './params';

const TAG = 'Assignments';

export const getAssignments = defineRoute({
  method: 'GET',
  path: '/api/v1/assignments',
  operationId: 'listAssignments',
  summary: "The caller's assignments in open review windows",
  description: 'Candidates appear by pseudonym only.',
  tag: TAG,
  access: 'signed-in',
  responses: { 200: { description: 'Your queue', schema: AssignmentList } },
  async handle({ hub, principal }) {
    return { status: 200, body: { assignments: await listOpenAssignments(hub.db, principal.userId, hub.now()) } };
  },
});

export const postAssignment = defineRoute({
  method: 'POST',
  path: '/api/v1/assignments',
  operationId: 'createAssignment',
  summary: 'Assign a packet to an assessor by hand (admin)',
  tag: TAG,
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
  async handle({ hub, principal, body }) {
    return { status: 201, body: await assignManually(hub, await body(), principal.userId) };
  },
});

export const postAutoAssign = defineRoute({
  method: 'POST',
  path: '/api/v1/assignments/auto',
  operationId: 'autoAssign',
  summary: 'Assign packets automatically, balancing load and skipping conflicts (admin)',
  description:
    'Each packet gets assessorsPerPacket assessors; each pick is the enabled, eligible assessor with the fewest ' +
    'assignments in the window. Packets that cannot be fully staffed are listed in shortfalls.',
  tag: TAG,
  access: ['admin'],
  body: AutoAssignRequest,
  responses: {
    200: { description: 'What was assigned', schema: AutoAssignResponse },
    400: { description: 'Malformed body or unknown packet ids', schema: ErrorBody },
    404: { description: 'No such window', schema: ErrorBody },
    409: { description: 'Window closed', schema: ErrorBody },
  },
  async handle({ hub, principal, body }) {
    return { status: 200, body: await assignAutomatically(hub, await body(), principal.userId) };
  },
});

const FILTERS = ['windowId', 'assessorId', 'packetId'] as const;

export const getAllAssignments = defineRoute({
  method: 'GET',
  path: '/api/v1/assignments/all',
  operationId: 'listAllAssignments',
  summary: "Every assessor's assignments, optionally filtered by window, assessor and packet (admin)",
  description:
    "Filters combine: ?windowId=…&assessorId=… lists one assessor's assignments in one window. An id that " +
    'matches nothing gives an empty list. Oldest assignment first.',
  tag: TAG,
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
  async handle({ hub, query }) {
    const filter: Partial<Record<(typeof FILTERS)[number], string>> = {};
    const problems: { path: string; message: string }[] = [];
    for (const name of FILTERS) {
      const value = query.get(name);
      if (value === null || value === '') continue;
      const parsed = Uuid.safeParse(value);
      if (parsed.success) filter[name] = parsed.data;
      else problems.push({ path: `query.${name}`, message: 'must be a lowercase UUID' });
    }
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'invalid-query',
        `The query is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        { problems },
      );
    }
    return { status: 200, body: { assignments: await listAssignmentRecords(hub.db, filter) } };
  },
});

export const deleteAssignmentRoute = defineRoute({
  method: 'DELETE',
  path: '/api/v1/assignments/{assignmentId}',
  operationId: 'deleteAssignment',
  summary: 'Remove an assignment (admin)',
  description:
    'The assessor stops seeing the packet and its evidence at once (404, as for any packet not theirs) and ' +
    'gets an assignment.removed event. Refused with 409 already-scored when the assessor has uploaded a score ' +
    'for the packet and holds no other assignment of it, so no stored score is left without its assignment.',
  tag: TAG,
  access: ['admin'],
  params: { assignmentId: PARAMS.assignmentId },
  responses: {
    204: { description: 'Removed' },
    404: { description: 'No such assignment', schema: ErrorBody },
    409: { description: 'The assessor already uploaded a score for this packet', schema: ErrorBody },
  },
  async handle({ hub, principal, params }) {
    await unassign(hub, params.assignmentId, principal.userId);
    return { status: 204, body: undefined };
  },
});

import {
  AssignmentList,
  AssignmentRecord,
  AutoAssignRequest,
  AutoAssignResponse,
  CreateAssignmentRequest,
  ErrorBody,
} from '../../shared/contract/hub-api';
import { defineRoute } from '../http/route';
import { assignAutomatically, assignManually } from '../services/assignments';
import { listOpenAssignments } from '../store/assignments';

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
    409: { description: 'Already assigned, declared conflict of interest, or window closed', schema: ErrorBody },
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
    'Each packet gets assessorsPerPacket assessors; each pick is the eligible assessor with the fewest ' +
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

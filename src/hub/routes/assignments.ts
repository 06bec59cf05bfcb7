import { Uuid } from '../../shared/domain/common';
import { hasRole } from '../auth/principal';
import { qualificationNotices } from '../services/qualification-notices';
import { ApiError } from '../http/errors';
import { implementRoute } from '../http/route';
import { assignAutomatically, assignManually, unassign } from '../services/assignments';
import { pauseNotices } from '../services/scorer-quality';
import { listAssignmentRecords, listOpenAssignments } from '../store/assignments';

export const getAssignments = implementRoute('listAssignments', async ({ hub, principal }) => {
  const now = hub.now();
  return {
    status: 200,
    body: {
      assignments: await listOpenAssignments(hub.db, principal.userId, now),
      notices: hasRole(principal, 'assessor')
        ? [
            ...(await qualificationNotices(hub.db, principal.userId, now)),
            ...(await pauseNotices(hub.db, principal.userId, now)),
          ]
        : [],
    },
  };
});

export const postAssignment = implementRoute('createAssignment', async ({ hub, principal, body }) => {
  return { status: 201, body: await assignManually(hub, await body(), principal.userId) };
});

export const postAutoAssign = implementRoute('autoAssign', async ({ hub, principal, body }) => {
  return { status: 200, body: await assignAutomatically(hub, await body(), principal.userId) };
});

const FILTERS = ['windowId', 'assessorId', 'packetId'] as const;

export const getAllAssignments = implementRoute('listAllAssignments', async ({ hub, query }) => {
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
});

export const deleteAssignmentRoute = implementRoute('deleteAssignment', async ({ hub, principal, params }) => {
  await unassign(hub, params.assignmentId, principal.userId);
  return { status: 204, body: undefined };
});

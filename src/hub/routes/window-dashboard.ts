import { implementRoute } from '../http/route';
import { reassign } from '../services/reassign';
import { windowDashboard } from '../services/window-dashboard';

export const getWindowDashboard = implementRoute('getWindowDashboard', async ({ hub, principal, params }) => {
  return { status: 200, body: await windowDashboard(hub, params.windowId, principal.userId) };
});

export const postReassign = implementRoute('reassignAssignment', async ({ hub, principal, params, body }) => {
  const { assessorId } = await body();
  const { created } = await reassign(hub, params.assignmentId, assessorId, principal.userId);
  return { status: 200, body: created };
});

import { compactDashboard } from '../../shared/committee/dashboard-wire';
import { implementRoute } from '../http/route';
import { reassign } from '../services/reassign';
import { windowDashboard } from '../services/window-dashboard';

export const getWindowDashboard = implementRoute('getWindowDashboard', async ({ hub, principal, params }) => {
  // Compact (DashboardWire): a 5,000-packet window is ~1 MB instead of ~3 MB to write, send and read.
  return { status: 200, body: compactDashboard(await windowDashboard(hub, params.windowId, principal.userId)) };
});

export const postReassign = implementRoute('reassignAssignment', async ({ hub, principal, params, body }) => {
  const { assessorId } = await body();
  const { created } = await reassign(hub, params.assignmentId, assessorId, principal.userId);
  return { status: 200, body: created };
});

import type { BridgeHandlers } from '../../shared/contract/bridge';
import type { DashboardWire, WINDOW_DASHBOARD_CHANNELS } from '../../shared/contract/window-dashboard';
import type { HubEvent } from '../../shared/contract/hub-events';
import type { BridgeEventBus } from '../bridge/events';
import type { HubClient } from './hub-client';
import { toBridgeError } from './hub-error';

type DashboardHandlers = Pick<BridgeHandlers, keyof typeof WINDOW_DASHBOARD_CHANNELS>;

/**
 * The window dashboard's channels: each one hub route, read with the route table's schema. The hub
 * alone decides who may read a dashboard or reassign (chair, admin); its refusals (409
 * already-scored, conflict-of-interest, …) reach the screen as bridge errors with the hub's message.
 * The client is looked up at each call, so the table can be built before the hub service exists.
 */
export function windowDashboardHandlers(client: () => HubClient): DashboardHandlers {
  return {
    'committee.windows': async () => {
      const { windows } = await client().ok('listWindows', {}).catch(toBridgeError);
      return {
        windows: windows.map(({ id, name, closesAt, decisionsDueAt, status }) => ({
          id,
          name,
          closesAt,
          decisionsDueAt,
          status,
        })),
      };
    },
    // Read as text and checked once, by the bridge's output schema (the hub's compact
    // DashboardWire, the page expands it): for 5,000 packets a second check would cost ~20 ms of a
    // 300 ms budget.
    'committee.dashboard': async ({ windowId }) =>
      JSON.parse(
        await client().okText('getWindowDashboard', { params: { windowId } }).catch(toBridgeError),
      ) as DashboardWire,
    'committee.progress': async ({ windowId }) =>
      client().ok('getWindowProgress', { params: { windowId } }).catch(toBridgeError),
    'committee.reassign': async ({ assignmentId, assessorId }) => {
      const created = await client()
        .ok('reassignAssignment', { params: { assignmentId }, json: { assessorId } })
        .catch(toBridgeError);
      return { assignmentId: created.id, assessorId: created.assessorId, assessorUsername: created.assessorUsername };
    },
  };
}

/**
 * Tells an open window dashboard that review work changed, so it reads the dashboard again at
 * once instead of polling: scores, assignments made or removed, adjudications opened, window
 * changes. The hub sends chairs and admins every such event; the page decides whether it is about
 * the window on screen.
 */
export function forwardWindowChange(events: BridgeEventBus | undefined, event: HubEvent): void {
  switch (event.type) {
    case 'score.received':
      events?.emit('committee.windowChanged', { windowId: null });
      return;
    case 'assignment.created':
    case 'assignment.removed':
    case 'adjudication.opened':
    case 'release.published':
    case 'thread.posted':
      events?.emit('committee.windowChanged', { windowId: event.windowId });
      return;
    case 'window.updated':
      events?.emit('committee.windowChanged', { windowId: event.window.id });
      return;
    default:
      return;
  }
}

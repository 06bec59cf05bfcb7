import { windowProgress as summarise } from '../../shared/committee/window-progress';
import type { WindowProgress } from '../../shared/contract/window-progress';
import type { HubContext } from '../context';
import { notFound } from '../http/errors';
import { packetTimelines } from '../store/window-progress';
import { findWindow } from '../store/windows';

/**
 * The window's progress as the viewer may see it: the dashboard's packets (their conflicted ones
 * left out) counted per UTC day, their turnaround, and the projected last decision.
 */
export async function windowProgress(hub: HubContext, windowId: string, viewerId: string): Promise<WindowProgress> {
  const now = hub.now();
  const window = await findWindow(hub.db, windowId, now);
  if (!window) throw notFound('The review window');
  const packets = await packetTimelines(hub.db, windowId, viewerId);
  return {
    window: {
      id: window.id,
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      decisionsDueAt: window.decisionsDueAt,
    },
    asOf: new Date(now).toISOString(),
    ...summarise(
      packets,
      { opensAt: Date.parse(window.opensAt), decisionsDueAt: Date.parse(window.decisionsDueAt) },
      now,
    ),
  };
}

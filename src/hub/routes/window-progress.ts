import { implementRoute } from '../http/route';
import { windowProgress } from '../services/window-progress';

export const getWindowProgress = implementRoute('getWindowProgress', async ({ hub, principal, params }) => {
  return { status: 200, body: await windowProgress(hub, params.windowId, principal.userId) };
});

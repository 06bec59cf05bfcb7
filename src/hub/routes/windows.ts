import { notFound } from '../http/errors';
import { implementRoute } from '../http/route';
import { windowQuality } from '../store/scoring-quality';
import { changeWindow } from '../services/windows';
import { appendAudit } from '../store/audit';
import { findWindow, insertWindow, listWindows } from '../store/windows';

export const postWindow = implementRoute('createWindow', async ({ hub, principal, body }) => {
  const input = await body();
  const now = hub.now();
  const window = await hub.db.transaction(async (tx) => {
    const id = await insertWindow(tx, input);
    await appendAudit(
      tx,
      { actor: principal.userId, action: 'window.create', subject: `window:${id}`, detail: input },
      now,
    );
    return findWindow(tx, id, now);
  });
  hub.events.policiesChanged();
  return { status: 201, body: window };
});

export const getWindows = implementRoute('listWindows', async ({ hub }) => {
  return { status: 200, body: { windows: await listWindows(hub.db, hub.now()) } };
});

export const patchWindow = implementRoute('updateWindow', async ({ hub, principal, params, body }) => {
  return { status: 200, body: await changeWindow(hub, params.windowId, await body(), principal.userId) };
});

export const getWindowQuality = implementRoute('getWindowQuality', async ({ hub, principal, params }) => {
  if (!(await findWindow(hub.db, params.windowId, hub.now()))) throw notFound('The review window');
  return { status: 200, body: await windowQuality(hub.db, params.windowId, principal.userId) };
});

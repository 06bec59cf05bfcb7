import { implementRoute } from '../http/route';
import { appendAudit } from '../store/audit';
import { insertConflict, listConflicts } from '../store/conflicts';

export const postConflict = implementRoute('declareConflict', async ({ hub, principal, body }) => {
  const input = await body();
  const now = hub.now();
  const conflict = await hub.db.transaction(async (tx) => {
    const row = await insertConflict(tx, principal.userId, input, now);
    await appendAudit(
      tx,
      {
        actor: principal.userId,
        action: 'conflict.declare',
        subject: `user:${principal.userId}`,
        detail: { conflictId: row.id },
      },
      now,
    );
    return row;
  });
  return { status: 201, body: conflict };
});

export const getConflicts = implementRoute('listConflicts', async ({ hub, principal }) => {
  return { status: 200, body: { conflicts: await listConflicts(hub.db, principal.userId) } };
});

import { ConflictList, ConflictView, DeclareConflictRequest, ErrorBody } from '../../shared/contract/hub-api';
import { defineRoute } from '../http/route';
import { appendAudit } from '../store/audit';
import { insertConflict, listConflicts } from '../store/conflicts';

const TAG = 'Conflicts of interest';

export const postConflict = defineRoute({
  method: 'POST',
  path: '/api/v1/conflicts',
  operationId: 'declareConflict',
  summary: 'Declare a conflict of interest with a school or district',
  description:
    'Automatic assignment skips the declaring assessor for packets from that school or district; manual assignment refuses them.',
  tag: TAG,
  access: ['assessor'],
  body: DeclareConflictRequest,
  responses: {
    201: { description: 'Declared', schema: ConflictView },
    400: { description: 'Malformed body', schema: ErrorBody },
  },
  async handle({ hub, principal, body }) {
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
  },
});

export const getConflicts = defineRoute({
  method: 'GET',
  path: '/api/v1/conflicts',
  operationId: 'listConflicts',
  summary: 'The conflicts of interest the caller has declared',
  tag: TAG,
  access: ['assessor'],
  responses: { 200: { description: 'Your declarations', schema: ConflictList } },
  async handle({ hub, principal }) {
    return { status: 200, body: { conflicts: await listConflicts(hub.db, principal.userId) } };
  },
});

import { CreateWindowRequest, ErrorBody, WindowView } from '../../shared/contract/hub-api';
import { defineRoute } from '../http/route';
import { appendAudit } from '../store/audit';
import { findWindow, insertWindow } from '../store/windows';

export const postWindow = defineRoute({
  method: 'POST',
  path: '/api/v1/windows',
  operationId: 'createWindow',
  summary: 'Create a review window (admin)',
  description: 'Assessors see their assignments while a window is open: status "open" and now in [opensAt, closesAt).',
  tag: 'Administration',
  access: ['admin'],
  body: CreateWindowRequest,
  responses: {
    201: { description: 'Created', schema: WindowView },
    400: { description: 'Malformed body or inconsistent dates', schema: ErrorBody },
  },
  async handle({ hub, principal, body }) {
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
    return { status: 201, body: window };
  },
});

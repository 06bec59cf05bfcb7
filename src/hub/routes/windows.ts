import {
  CreateWindowRequest,
  ErrorBody,
  UpdateWindowRequest,
  WindowList,
  WindowView,
} from '../../shared/contract/hub-api';
import { defineRoute } from '../http/route';
import { changeWindow } from '../services/windows';
import { appendAudit } from '../store/audit';
import { findWindow, insertWindow, listWindows } from '../store/windows';
import { PARAMS } from './params';

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

export const getWindows = defineRoute({
  method: 'GET',
  path: '/api/v1/windows',
  operationId: 'listWindows',
  summary: 'Every review window, with its status and whether it is open now (admin, chair)',
  description:
    'In opening order. Chairs read them to plan committee work; assessors see the windows of their own ' +
    'assignments in GET /api/v1/assignments instead.',
  tag: 'Administration',
  access: ['admin', 'chair'],
  responses: { 200: { description: 'The windows', schema: WindowList } },
  async handle({ hub }) {
    return { status: 200, body: { windows: await listWindows(hub.db, hub.now()) } };
  },
});

export const patchWindow = defineRoute({
  method: 'PATCH',
  path: '/api/v1/windows/{windowId}',
  operationId: 'updateWindow',
  summary: 'Change a review window: rename it, move its dates, open or close it (admin)',
  description:
    'Send only the fields to change; { "status": "closed" } closes a window early. The changed window must ' +
    'keep opensAt < closesAt <= decisionsDueAt. Assessors with assignments in the window get a window.updated event.',
  tag: 'Administration',
  access: ['admin'],
  params: { windowId: PARAMS.windowId },
  body: UpdateWindowRequest,
  responses: {
    200: { description: 'The window as it is now', schema: WindowView },
    400: { description: 'Malformed body, or the dates would be out of order', schema: ErrorBody },
    404: { description: 'No such window', schema: ErrorBody },
  },
  async handle({ hub, principal, params, body }) {
    return { status: 200, body: await changeWindow(hub, params.windowId, await body(), principal.userId) };
  },
});

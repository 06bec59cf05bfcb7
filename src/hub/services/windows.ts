import type { z } from 'zod';
import type { UpdateWindowRequest, WindowView } from '../../shared/contract/hub-api';
import type { Problem } from '../../shared/problems';
import type { HubContext } from '../context';
import { ApiError, notFound } from '../http/errors';
import { assessorsInWindow } from '../store/assignments';
import { appendAudit } from '../store/audit';
import { findWindow, updateWindow } from '../store/windows';

type EditableWindow = Pick<
  WindowView,
  'name' | 'opensAt' | 'closesAt' | 'decisionsDueAt' | 'status' | 'requiredQualification' | 'scoringPolicy'
> & { decisionTypes: WindowView['decisionTypes'] | null };
const EDITABLE = [
  'name',
  'opensAt',
  'closesAt',
  'decisionsDueAt',
  'status',
  'requiredQualification',
  'scoringPolicy',
  'decisionTypes',
] as const;
const DATES = new Set<string>(['opensAt', 'closesAt', 'decisionsDueAt']);

/**
 * Changes a review window: renames it, moves its dates, opens or closes it (closing early is
 * `{ status: "closed" }`). The fields sent are merged into the stored window, which must then keep
 * the rule a new window obeys: opensAt < closesAt <= decisionsDueAt. Runs with the window row
 * locked; a change that changes nothing writes nothing and announces nothing. The audit row keeps
 * the values before and after; assessors with assignments in the window get `window.updated`.
 */
export async function changeWindow(
  hub: HubContext,
  windowId: string,
  input: z.output<typeof UpdateWindowRequest>,
  actor: string | null,
): Promise<WindowView> {
  const now = hub.now();
  const outcome = await hub.db.transaction(async (tx) => {
    const current = await findWindow(tx, windowId, now, true);
    if (!current) throw notFound('The review window');
    const next: EditableWindow = { ...current };
    const before: Partial<EditableWindow> = {};
    const after: Partial<EditableWindow> = {};
    for (const field of EDITABLE) {
      const sent = input[field];
      if (sent === undefined) continue;
      const value = DATES.has(field) ? new Date(sent as string).toISOString() : sent;
      // A policy is an object: compared by value, so sending the same one changes nothing.
      if (JSON.stringify(value) === JSON.stringify(current[field])) continue;
      Object.assign(before, { [field]: current[field] });
      Object.assign(after, { [field]: value });
      Object.assign(next, { [field]: value });
    }
    if (Object.keys(after).length === 0) return { window: current, audience: undefined };
    const problems = dateProblems(next);
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'invalid-body',
        `The window's dates would not be in order: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        { problems },
      );
    }
    await updateWindow(tx, windowId, next);
    await appendAudit(
      tx,
      { actor, action: 'window.update', subject: `window:${windowId}`, detail: { before, after } },
      now,
    );
    const window = (await findWindow(tx, windowId, now))!;
    return { window, audience: await assessorsInWindow(tx, windowId) };
  });
  if (outcome.audience) hub.events.publish({ type: 'window.updated', window: outcome.window }, outcome.audience);
  hub.events.policiesChanged();
  return outcome.window;
}

/** The ordering rules of CreateWindowRequest, applied to the merged window. */
function dateProblems(window: EditableWindow): Problem[] {
  const problems: Problem[] = [];
  if (!(Date.parse(window.opensAt) < Date.parse(window.closesAt))) {
    problems.push({ path: 'body.closesAt', message: `must be after opensAt (${window.opensAt})` });
  }
  if (!(Date.parse(window.closesAt) <= Date.parse(window.decisionsDueAt))) {
    problems.push({ path: 'body.decisionsDueAt', message: `must not be before closesAt (${window.closesAt})` });
  }
  return problems;
}

import { hasRole, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import type { Queryable } from '../db/db';
import { ApiError, notFound } from '../http/errors';
import { isConflicted } from '../store/conflicts';
import { packetAssessors } from '../store/decisions';
import { findWindow } from '../store/windows';
import type { WindowView } from '../../shared/contract/hub-api';

/** Roles that sit on every packet's committee; assessors sit only on the packets they score. */
const STANDING_ROLES = ['chair', 'admin', 'lead'] as const;

export interface CommitteeSeat {
  window: WindowView;
  assessors: Awaited<ReturnType<typeof packetAssessors>>;
  /** True for chairs, admins and leads; false for an assessor seated because they scored the packet. */
  standing: boolean;
}

/**
 * Whether the caller sits on the committee of this packet in this window, and may read its
 * scorings and thread now. A declared conflict outranks every role (404, as for a packet that is
 * not there). Anyone assigned the packet who has not submitted their own scoring is refused with
 * 403 submit-first, whatever else they are: their scoring must stay independent. Otherwise chairs,
 * admins and leads sit on every committee, an assessor on those of packets they scored, others get 404.
 */
export async function committeeSeat(
  hub: HubContext,
  q: Queryable,
  principal: Principal,
  windowId: string,
  packetId: string,
): Promise<CommitteeSeat> {
  const { window, assessors } = await packetInWindow(hub, q, principal, windowId, packetId);
  const mine = assessors.find((a) => a.assessorId === principal.userId);
  if (mine && !mine.submitted) {
    throw new ApiError(
      403,
      'submit-first',
      'You are scoring this packet: submit your own scoring first, then the other scorings and the discussion open.',
    );
  }
  const standing = hasRole(principal, ...STANDING_ROLES);
  if (!standing && !mine) throw notFound('The packet');
  return { window, assessors, standing };
}

/** For chairs and admins acting on a packet: 404 when the window or packet is not there or the caller is conflicted. */
export async function deciderSeat(
  hub: HubContext,
  q: Queryable,
  principal: Principal,
  windowId: string,
  packetId: string,
): Promise<CommitteeSeat> {
  return { ...(await packetInWindow(hub, q, principal, windowId, packetId)), standing: true };
}

/** The window and the packet's assessors in it; 404 when either is not there or the caller is conflicted. */
async function packetInWindow(
  hub: HubContext,
  q: Queryable,
  principal: Principal,
  windowId: string,
  packetId: string,
): Promise<Omit<CommitteeSeat, 'standing'>> {
  const window = await findWindow(q, windowId, hub.now());
  if (!window) throw notFound('The packet');
  if (await isConflicted(q, principal.userId, packetId)) throw notFound('The packet');
  const assessors = await packetAssessors(q, windowId, packetId);
  if (assessors.length === 0) throw notFound('The packet');
  return { window, assessors };
}

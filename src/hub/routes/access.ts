import { seesEverything, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { notFound } from '../http/errors';
import { hasRole } from '../auth/principal';
import { assignmentState } from '../store/assignments';
import { isScored } from '../store/back-reading';
import { isConflicted } from '../store/conflicts';
import { isAnchorPacket, participatesWithPacket } from '../store/norming';
import { findPacket, type StoredPacket } from '../store/packets';

/**
 * The packet, if the caller may read it and declared no conflict of interest with it: admins and
 * chairs any packet; facilitators any norming
 * anchor; scoring leads any scored packet (to back-read it with its evidence); everyone else a packet assigned to them in an open window, or an anchor of a norming
 * session they take part in. Otherwise 404, the same answer as for a packet that does not exist,
 * so ids cannot be probed.
 */
export async function readablePacket(hub: HubContext, principal: Principal, packetId: string): Promise<StoredPacket> {
  // A declared conflict of interest outranks every role: that person never sees the packet.
  if (await isConflicted(hub.db, principal.userId, packetId)) throw notFound('The packet');
  const allowed =
    seesEverything(principal) ||
    (await assignmentState(hub.db, packetId, principal.userId, hub.now())) === 'open' ||
    (hasRole(principal, 'facilitator') && (await isAnchorPacket(hub.db, packetId))) ||
    (hasRole(principal, 'lead') && (await isScored(hub.db, packetId))) ||
    (await participatesWithPacket(hub.db, principal.userId, packetId));
  const packet = allowed ? await findPacket(hub.db, packetId) : undefined;
  if (!packet) throw notFound('The packet');
  return packet;
}

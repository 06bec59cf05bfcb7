import { seesEverything, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { notFound } from '../http/errors';
import { assignmentState } from '../store/assignments';
import { findPacket, type StoredPacket } from '../store/packets';

/**
 * The packet, if the caller may read it: admins and chairs any packet, everyone else only a
 * packet assigned to them in an open window. Otherwise 404, the same answer as for a packet
 * that does not exist, so ids cannot be probed.
 */
export async function readablePacket(hub: HubContext, principal: Principal, packetId: string): Promise<StoredPacket> {
  const allowed =
    seesEverything(principal) || (await assignmentState(hub.db, packetId, principal.userId, hub.now())) === 'open';
  const packet = allowed ? await findPacket(hub.db, packetId) : undefined;
  if (!packet) throw notFound('The packet');
  return packet;
}

import {
  PACKET_LIST_DEFAULT_LIMIT,
  packetCursor,
  PacketListFilter,
  readPacketCursor,
  type PacketList,
  type PacketListRow,
} from '../../shared/contract/packet-list';
import { problemsFromZod } from '../../shared/problems';
import { hasRole, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { ApiError, notFound } from '../http/errors';
import { listPackets } from '../store/packets';
import { findWindow } from '../store/windows';

/**
 * One page of the hub's packets for an admin (to assign by hand) or a chair (to choose a window's
 * validity packets). Chairs get no school or district: those exist for conflict checks, which the
 * hub runs, and chairs read packets without them everywhere else too (GET /packets/{id}).
 */
export async function packetList(hub: HubContext, principal: Principal, query: URLSearchParams): Promise<PacketList> {
  const filter = readFilter(query);
  if (filter.windowId !== undefined && !(await findWindow(hub.db, filter.windowId, hub.now()))) {
    throw notFound('The review window');
  }
  const limit = filter.limit ?? PACKET_LIST_DEFAULT_LIMIT;
  // One more than asked says whether another page follows, without counting them all.
  const found = await listPackets(hub.db, {
    text: filter.q?.toLowerCase(),
    windowId: filter.windowId,
    assigned: filter.assigned,
    kind: filter.kind,
    before: filter.before === undefined ? undefined : readPacketCursor(filter.before),
    limit: limit + 1,
    viewerId: principal.userId,
  });
  const hasMore = found.length > limit;
  const page = hasMore ? found.slice(0, limit) : found;
  const admin = hasRole(principal, 'admin');
  const packets = page.map(({ school, district, inWindow, total, ...rest }): PacketListRow => ({
    ...rest,
    ...(admin ? { school, district } : {}),
    assignments: { inWindow, total },
  }));
  return { packets, hasMore, nextBefore: hasMore ? packetCursor(packets.at(-1)!) : null };
}

/** The query string against the filter schema; anything wrong is a 400 naming each parameter. */
function readFilter(query: URLSearchParams) {
  const parsed = PacketListFilter.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error, 'query');
    throw new ApiError(
      400,
      'invalid-query',
      `The filters are not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`,
      { problems },
    );
  }
  return parsed.data;
}

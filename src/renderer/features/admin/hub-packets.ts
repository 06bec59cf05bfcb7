import { useCallback, useEffect, useRef, useState } from 'react';
import type { PacketListFilter, PacketListRow } from '../../../shared/contract/packet-list';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

// The hub's packet list (GET /api/v1/packets through admin.packets) as the admin's screens read
// it: the first page for a filter, further pages on request by the hub's cursor. The hub knows
// every packet, so what an admin can pick from no longer depends on what this page has seen.

/** How a packet is named in lists and pickers: "Pseudonym · credential". */
export function packetLabel(packet: Pick<PacketListRow, 'pseudonym' | 'credentialTitle'>): string {
  return `${packet.pseudonym} · ${packet.credentialTitle}`;
}

export interface HubPackets {
  /** Undefined until the first page arrives. */
  packets: PacketListRow[] | undefined;
  hasMore: boolean;
  loading: boolean;
  error: string | undefined;
  /** The first page again (after an upload or an assignment). */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * Pages of the hub's packets for `filter` (undefined: nothing to ask yet). A new filter starts
 * over; an answer to an older filter that arrives late is dropped, so typing in a search box
 * never shows the results of what was typed before.
 */
export function useHubPackets(filter: PacketListFilter | undefined): HubPackets {
  const [packets, setPackets] = useState<PacketListRow[]>();
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const generation = useRef(0);
  const key = filter === undefined ? undefined : JSON.stringify(filter);

  const fetchPage = useCallback(
    async (before: string | undefined, append: boolean) => {
      if (key === undefined) return;
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await bridge['admin.packets']({ ...(JSON.parse(key) as PacketListFilter), before });
        if (mine !== generation.current) return;
        setPackets((previous) => (append ? [...(previous ?? []), ...page.packets] : page.packets));
        setNext(page.nextBefore);
        setError(undefined);
      } catch (failure) {
        if (mine === generation.current) setError(describeError(failure));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [key],
  );

  const reload = useCallback(() => fetchPage(undefined, false), [fetchPage]);
  const loadMore = useCallback(() => (next === null ? Promise.resolve() : fetchPage(next, true)), [fetchPage, next]);
  // The rows of the previous filter stay until the new ones arrive: no flash of "Loading…" per search.
  useEffect(() => void reload(), [reload]);
  return { packets, hasMore: next !== null, loading, error, reload, loadMore };
}

/** `value`, once it has stopped changing for `ms`: a search box asks the hub once per pause, not per key. */
export function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

import { useSyncExternalStore } from 'react';
import type { AdminPacketView } from '../../../shared/contract/assignments';

// The hub lists windows, accounts and assignments, but has no list of packets: the packets an
// admin can pick from are the ones uploaded here (the hub's answer names them) and the ones
// already in an assignment. Kept for the life of the page; uploading a packet again brings it
// back ("already uploaded") after a reload.

export interface KnownPacket {
  packetId: string;
  /** "Pseudonym · credential", or the bare id for a packet seen only in an assignment. */
  label: string;
  school: string | null;
  district: string | null;
}

let packets: readonly KnownPacket[] = [];
const listeners = new Set<() => void>();

export function packetLabel(packet: AdminPacketView): string {
  return `${packet.manifest.candidate.pseudonym} · ${packet.manifest.credential.title}`;
}

/** Adds packets the hub described; a packet already known keeps its fuller description. */
export function rememberPackets(found: readonly KnownPacket[]): void {
  const byId = new Map(packets.map((p) => [p.packetId, p]));
  let changed = false;
  for (const packet of found) {
    const known = byId.get(packet.packetId);
    if (known && (known.label !== known.packetId || packet.label === packet.packetId)) continue;
    byId.set(packet.packetId, packet);
    changed = true;
  }
  if (!changed) return;
  packets = [...byId.values()];
  for (const listener of listeners) listener();
}

export function rememberUploaded(packet: AdminPacketView): void {
  rememberPackets([
    { packetId: packet.packetId, label: packetLabel(packet), school: packet.school, district: packet.district },
  ]);
}

/** Packets seen only by id (in an assignment). */
export function rememberIds(ids: readonly string[]): void {
  rememberPackets(ids.map((packetId) => ({ packetId, label: packetId, school: null, district: null })));
}

export function useKnownPackets(): readonly KnownPacket[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => packets,
  );
}

import type { PacketSummary } from '../../../shared/contract/library';

export type LibrarySort = 'imported' | 'submitted' | 'credential' | 'candidate';

/** Filters by every word of the query (credential, candidate, attempt) and sorts; pure, for speed tests. */
export function filterPackets(packets: readonly PacketSummary[], query: string, sort: LibrarySort): PacketSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length
    ? packets.filter((p) => {
        const haystack = `${p.credentialTitle} ${p.pseudonym} attempt ${p.attempt}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
    : [...packets];
  const by: Record<LibrarySort, (a: PacketSummary, b: PacketSummary) => number> = {
    imported: (a, b) => b.importedAt.localeCompare(a.importedAt),
    submitted: (a, b) => b.submittedAt.localeCompare(a.submittedAt),
    credential: (a, b) => a.credentialTitle.localeCompare(b.credentialTitle) || a.pseudonym.localeCompare(b.pseudonym),
    candidate: (a, b) => a.pseudonym.localeCompare(b.pseudonym),
  };
  return matches.sort(by[sort]);
}

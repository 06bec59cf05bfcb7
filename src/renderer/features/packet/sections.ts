import type { PacketManifest } from '../../../shared/packet/manifest';

/** Pseudo-items in the navigator besides the evidence files. */
export const RESPONSES_SECTION = 'responses';
export const HISTORY_SECTION = 'earlier-attempts';

export interface NavEntry {
  id: string;
  label: string;
  kind: string;
}

/** The navigator's entries in order: written responses, each evidence item, earlier attempts. */
export function navEntries(manifest: PacketManifest): NavEntry[] {
  const entries: NavEntry[] = [];
  if (manifest.prompts.length) entries.push({ id: RESPONSES_SECTION, label: 'Written responses', kind: 'responses' });
  for (const item of manifest.evidence) entries.push({ id: item.id, label: item.title, kind: item.kind });
  if (manifest.attempt.previous.length)
    entries.push({ id: HISTORY_SECTION, label: 'Earlier attempts', kind: 'history' });
  return entries;
}

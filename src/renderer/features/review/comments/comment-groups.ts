import type { EvidenceComment } from '../../../../shared/domain/score';
import type { PacketManifest } from '../../../../shared/packet/manifest';
import { compareAnchors } from '../../../../shared/review/anchors';
import { RESPONSES_SECTION } from '../../packet/sections';
import { anchorEntryId } from './anchor-entry';

export interface CommentGroup {
  /** The navigator entry the comments sit in: an evidence item's id, or the written responses. */
  entryId: string;
  title: string;
  comments: EvidenceComment[];
}

/**
 * The comments of a packet, one group per evidence item (written responses count as one), in the
 * order the packet reads and, inside each group, in the order of the places they point at. With
 * `entryId`, only that entry's group. Groups without comments are left out.
 */
export function groupComments(
  comments: readonly EvidenceComment[],
  manifest: PacketManifest,
  entryId?: string,
): CommentGroup[] {
  const byAnchor = compareAnchors(manifest);
  const sorted = [...comments].sort((a, b) => byAnchor(a.anchor, b.anchor));
  const groups = new Map<string, CommentGroup>();
  for (const comment of sorted) {
    const id = anchorEntryId(comment.anchor);
    if (entryId !== undefined && id !== entryId) continue;
    let group = groups.get(id);
    if (!group) {
      group = { entryId: id, title: entryTitle(id, manifest), comments: [] };
      groups.set(id, group);
    }
    group.comments.push(comment);
  }
  // Map keeps insertion order, which is the sorted order of each group's first comment.
  return [...groups.values()];
}

function entryTitle(entryId: string, manifest: PacketManifest): string {
  if (entryId === RESPONSES_SECTION) return 'Written responses';
  return manifest.evidence.find((item) => item.id === entryId)?.title ?? entryId;
}

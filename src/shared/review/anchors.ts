import type { EvidenceAnchor } from '../domain/score';
import type { PacketManifest } from '../packet/manifest';

/**
 * The evidence item an anchor points into, or undefined for a passage of a written response:
 * responses live in the manifest's prompts, not among the evidence files.
 */
export function anchorItemId(anchor: EvidenceAnchor): string | undefined {
  return anchor.itemId;
}

/**
 * Where an anchor sits inside its item, as numbers compared left to right: page then height on
 * the page, time, row then column, offset, region top then left. Comments sorted by it read in
 * the order the evidence does.
 */
export function anchorPosition(anchor: EvidenceAnchor): number[] {
  switch (anchor.kind) {
    case 'pdf':
      return [anchor.page, anchor.rect?.y ?? 0, anchor.rect?.x ?? 0];
    case 'media':
      return [anchor.seconds, 0];
    case 'media-range':
      return [anchor.start, anchor.end];
    case 'image':
      return [anchor.region.y, anchor.region.x];
    case 'table-cell':
      return [anchor.row, anchor.column];
    case 'table-rows':
      return [anchor.from, 0];
    case 'passage':
      return [anchor.start, anchor.end];
    case 'item':
      // The whole item comes before any place inside it.
      return [-1];
  }
}

/**
 * Orders anchors as the packet reads: written responses first (in prompt order), then evidence
 * items in manifest order, then by position inside each. Unknown items and prompts go last.
 */
export function compareAnchors(manifest: PacketManifest): (a: EvidenceAnchor, b: EvidenceAnchor) => number {
  const rank = new Map<string, number>();
  manifest.prompts.forEach((prompt, index) => rank.set(`prompt:${prompt.id}`, index));
  manifest.evidence.forEach((item, index) => rank.set(`item:${item.id}`, manifest.prompts.length + index));
  const rankOf = (anchor: EvidenceAnchor) => {
    const key =
      anchor.kind === 'passage' && anchor.promptId !== undefined
        ? `prompt:${anchor.promptId}`
        : `item:${anchor.itemId}`;
    return rank.get(key) ?? Number.MAX_SAFE_INTEGER;
  };
  return (a, b) => rankOf(a) - rankOf(b) || compareNumbers(anchorPosition(a), anchorPosition(b));
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff) return diff;
  }
  return 0;
}

import type { EvidenceAnchor } from '../../domain/score';
import type { PacketManifest } from '../../packet/manifest';

/**
 * Where a comment points, in words a reader can follow without Anchor open:
 * "Lesson plan, page 2", "Classroom video, 1:14", or just the item's title.
 */
export function anchorLabel(anchor: EvidenceAnchor, manifest: PacketManifest): string {
  // An item missing from the manifest should not happen, but its id still says more than nothing.
  const title = manifest.evidence.find((item) => item.id === anchor.itemId)?.title ?? anchor.itemId;
  switch (anchor.kind) {
    case 'pdf':
      return `${title}, page ${anchor.page}`;
    case 'media':
      return `${title}, ${mediaTime(anchor.seconds)}`;
    case 'item':
      return title;
  }
}

/** 74.6 → "1:14", 3725 → "1:02:05": whole seconds, rounded down like a video player's clock. */
export function mediaTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

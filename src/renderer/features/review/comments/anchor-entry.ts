import type { EvidenceAnchor } from '../../../../shared/domain/score';
import { anchorItemId } from '../../../../shared/review/anchors';
import { RESPONSES_SECTION } from '../../packet/sections';

/**
 * The navigator entry that shows an anchor: its evidence item, or the written responses for a
 * passage of a response (responses are one entry, not one item each).
 */
export function anchorEntryId(anchor: EvidenceAnchor): string {
  return anchorItemId(anchor) ?? RESPONSES_SECTION;
}

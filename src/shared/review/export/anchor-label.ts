import type { EvidenceAnchor } from '../../domain/score';
import type { PacketManifest } from '../../packet/manifest';

/** Quotes are cut to this many characters in labels; the comment list shows the whole text elsewhere. */
const QUOTE_LENGTH = 60;

/**
 * Where a comment points, in words a reader can follow without Anchor open: "Lesson plan, page
 * 2", "Classroom video, 1:14–1:40", "Results, cell C5", "Response 2: “…”", or the item's title.
 */
export function anchorLabel(anchor: EvidenceAnchor, manifest: PacketManifest): string {
  if (anchor.kind === 'passage' && anchor.promptId !== undefined) {
    const index = manifest.prompts.findIndex((prompt) => prompt.id === anchor.promptId);
    const name = index >= 0 ? `Response ${index + 1}` : `Response ${anchor.promptId}`;
    return `${name}: ${quoted(anchor.quote)}`;
  }
  // An item missing from the manifest should not happen, but its id still says more than nothing.
  const itemId = anchor.itemId ?? '';
  const title = manifest.evidence.find((item) => item.id === itemId)?.title ?? itemId;
  switch (anchor.kind) {
    case 'pdf':
      return `${title}, page ${anchor.page}`;
    case 'media':
      return `${title}, ${mediaTime(anchor.seconds)}`;
    case 'media-range':
      return `${title}, ${mediaTime(anchor.start)}–${mediaTime(anchor.end)}`;
    case 'image':
      return `${title}, region ${regionPercent(anchor.region)}`;
    case 'table-cell':
      return `${title}, cell ${columnLetters(anchor.column)}${anchor.row}`;
    case 'table-rows':
      return anchor.from === anchor.to ? `${title}, row ${anchor.from}` : `${title}, rows ${anchor.from}–${anchor.to}`;
    case 'passage':
      return `${title}: ${quoted(anchor.quote)}`;
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

/** 1 → "A", 26 → "Z", 27 → "AA": the column names spreadsheets use, so "cell C5" means what it says. */
export function columnLetters(column: number): string {
  let n = Math.max(1, Math.floor(column));
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A region of an image as "12–40 % × 30–55 %": across, then down, in whole percents of the image. */
export function regionPercent(region: { x: number; y: number; width: number; height: number }): string {
  const { x, y, width, height } = region;
  return `${percentSpan(x, x + width)} × ${percentSpan(y, y + height)}`;
}

/** 0.12, 0.4 → "12–40 %": whole percents, so the label stays short. */
function percentSpan(from: number, to: number): string {
  return `${Math.round(from * 100)}–${Math.round(to * 100)} %`;
}

/** The quote in typographic quotes, whitespace folded, cut with an ellipsis when long. */
export function quoted(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const cut = folded.length > QUOTE_LENGTH ? `${folded.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : folded;
  return `“${cut}”`;
}

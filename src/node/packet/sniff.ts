import type { EvidenceKind } from '../../shared/packet/manifest';

/** What a file's first bytes say it is, independent of its name or declared type. */
export type ContentFamily = 'pdf' | 'webm' | 'mp4' | 'ogg' | 'mp3' | 'wav' | 'png' | 'jpeg' | 'gif' | 'webp' | 'text';

/** Bytes needed by sniffContent to decide. */
export const SNIFF_BYTES = 1024;

/** Identifies a file from its leading bytes (magic numbers); undefined when nothing matches. */
export function sniffContent(head: Uint8Array): ContentFamily | undefined {
  const ascii = (start: number, text: string) =>
    head.length >= start + text.length && [...text].every((ch, i) => head[start + i] === ch.charCodeAt(0));
  const bytes = (start: number, ...values: number[]) =>
    head.length >= start + values.length && values.every((v, i) => head[start + i] === v);

  if (indexOfAscii(head, '%PDF-', SNIFF_BYTES) >= 0) return 'pdf';
  if (bytes(0, 0x1a, 0x45, 0xdf, 0xa3)) return 'webm';
  if (ascii(4, 'ftyp')) return 'mp4';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(0, 'ID3') || (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (bytes(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (bytes(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (looksLikeText(head)) return 'text';
  return undefined;
}

function indexOfAscii(head: Uint8Array, text: string, limit: number): number {
  const end = Math.min(head.length, limit) - text.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < text.length; j++) if (head[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Text has no NUL bytes and few control characters (tabs, newlines and carriage returns excepted). */
function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= head.length / 100;
}

interface AllowedType {
  kind: EvidenceKind;
  families: readonly ContentFamily[];
}

/**
 * The media types Anchor accepts, what kind of evidence each may be, and which sniffed
 * contents are consistent with it. Anything else is refused: the same list drives the
 * evidence protocol's MIME allow-list.
 */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, AllowedType>> = {
  'application/pdf': { kind: 'pdf', families: ['pdf'] },
  'video/webm': { kind: 'video', families: ['webm'] },
  'video/mp4': { kind: 'video', families: ['mp4'] },
  'video/ogg': { kind: 'video', families: ['ogg'] },
  'audio/webm': { kind: 'audio', families: ['webm'] },
  'audio/ogg': { kind: 'audio', families: ['ogg'] },
  'audio/mpeg': { kind: 'audio', families: ['mp3'] },
  'audio/mp4': { kind: 'audio', families: ['mp4'] },
  'audio/wav': { kind: 'audio', families: ['wav'] },
  'image/png': { kind: 'image', families: ['png'] },
  'image/jpeg': { kind: 'image', families: ['jpeg'] },
  'image/gif': { kind: 'image', families: ['gif'] },
  'image/webp': { kind: 'image', families: ['webp'] },
  'text/plain': { kind: 'text', families: ['text'] },
  'text/markdown': { kind: 'text', families: ['text'] },
  'text/csv': { kind: 'table', families: ['text'] },
};

/** Says why a declared kind/media type does not fit the sniffed content, or undefined when it does. */
export function mediaTypeProblem(
  kind: EvidenceKind,
  mediaType: string,
  sniffed: ContentFamily | undefined,
): string | undefined {
  const allowed = ALLOWED_MEDIA_TYPES[mediaType];
  if (!allowed)
    return `media type ${mediaType} is not accepted (allowed: ${Object.keys(ALLOWED_MEDIA_TYPES).join(', ')})`;
  if (allowed.kind !== kind) return `media type ${mediaType} is not a ${kind}`;
  if (!sniffed) return `declared as ${mediaType}, but the content is not a recognisable file of any accepted type`;
  if (!allowed.families.includes(sniffed))
    return `declared as ${mediaType}, but the content is ${describeFamily(sniffed)}`;
  return undefined;
}

function describeFamily(family: ContentFamily): string {
  return family === 'text' ? 'plain text' : `a ${family.toUpperCase()} file`;
}

/** One suggested piece of candidate feedback as the chair arranges it: kept or not, edited, in order. */
export interface FeedbackPieceDraft {
  key: string;
  text: string;
  /** Who wrote it ("alice, bob" when two assessors wrote the same words). */
  from: string;
  use: boolean;
}

export function draftPieces(
  prefix: string,
  pieces: readonly { text: string; sources: readonly { assessorUsername: string }[] }[],
): FeedbackPieceDraft[] {
  return pieces.map((piece, index) => ({
    key: `${prefix}-${index}`,
    text: piece.text,
    from: piece.sources.map((s) => s.assessorUsername).join(', '),
    use: true,
  }));
}

/** Moves the piece at index by delta (−1 up, +1 down), leaving the list as is at either end. */
export function movePiece(pieces: readonly FeedbackPieceDraft[], index: number, delta: number): FeedbackPieceDraft[] {
  const target = index + delta;
  if (target < 0 || target >= pieces.length) return [...pieces];
  const next = [...pieces];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The candidate's text: the kept pieces in the chair's order, one paragraph each. */
export function joinPieces(pieces: readonly FeedbackPieceDraft[]): string {
  return pieces
    .filter((piece) => piece.use && piece.text.trim() !== '')
    .map((piece) => piece.text.trim())
    .join('\n\n');
}

import { describe, expect, it } from 'vitest';
import { draftPieces, joinPieces, movePiece } from './feedback-pieces';

const pieces = draftPieces('overall', [
  { text: 'Clear plan.', sources: [{ assessorUsername: 'alice' }, { assessorUsername: 'bob' }] },
  { text: 'Cite the standard.', sources: [{ assessorUsername: 'carol' }] },
  { text: '  ', sources: [{ assessorUsername: 'bob' }] },
]);

describe('suggested feedback pieces', () => {
  it('keep who wrote each piece', () => {
    expect(pieces.map((p) => p.from)).toEqual(['alice, bob', 'carol', 'bob']);
  });

  it('join the kept pieces in the chair’s order, dropping blanks and the unticked', () => {
    const reordered = movePiece(pieces, 1, -1);
    expect(joinPieces(reordered)).toBe('Cite the standard.\n\nClear plan.');
    expect(joinPieces(reordered.map((p, i) => (i === 0 ? { ...p, use: false } : p)))).toBe('Clear plan.');
  });

  it('leave the order as is when moved past either end', () => {
    expect(movePiece(pieces, 0, -1).map((p) => p.key)).toEqual(pieces.map((p) => p.key));
    expect(movePiece(pieces, 2, 1).map((p) => p.key)).toEqual(pieces.map((p) => p.key));
  });
});

import { describe, expect, it } from 'vitest';
import { EvidenceAnchor } from './score';

const ok = (value: unknown) => EvidenceAnchor.safeParse(value).success;

describe('EvidenceAnchor', () => {
  it('still reads the anchors stored before regions, ranges, cells and passages', () => {
    expect(ok({ kind: 'pdf', itemId: 'plan', page: 2, rect: { x: 1, y: 2, width: 3, height: 4 }, quote: 'q' })).toBe(
      true,
    );
    expect(ok({ kind: 'media', itemId: 'video', seconds: 74.6 })).toBe(true);
    expect(ok({ kind: 'item', itemId: 'results' })).toBe(true);
  });

  it('takes a video range only when it ends after it starts', () => {
    expect(ok({ kind: 'media-range', itemId: 'v', start: 72, end: 100 })).toBe(true);
    expect(ok({ kind: 'media-range', itemId: 'v', start: 72, end: 72 })).toBe(false);
  });

  it('takes an image region as fractions of the image that stay inside it', () => {
    expect(ok({ kind: 'image', itemId: 'i', region: { x: 0.1, y: 0.2, width: 0.3, height: 0.4 } })).toBe(true);
    expect(ok({ kind: 'image', itemId: 'i', region: { x: 0.8, y: 0.2, width: 0.3, height: 0.4 } })).toBe(false);
    expect(ok({ kind: 'image', itemId: 'i', region: { x: 0.1, y: 0.2, width: 0, height: 0.4 } })).toBe(false);
    expect(ok({ kind: 'image', itemId: 'i', region: { x: 10, y: 20, width: 30, height: 40 } })).toBe(false);
  });

  it('takes table cells and row ranges counted from 1', () => {
    expect(ok({ kind: 'table-cell', itemId: 't', row: 5, column: 3 })).toBe(true);
    expect(ok({ kind: 'table-cell', itemId: 't', row: 0, column: 3 })).toBe(false);
    expect(ok({ kind: 'table-rows', itemId: 't', from: 4, to: 7 })).toBe(true);
    expect(ok({ kind: 'table-rows', itemId: 't', from: 7, to: 4 })).toBe(false);
  });

  it('takes a passage of either a response or a text item, never both or neither', () => {
    const passage = { kind: 'passage', start: 3, end: 9, quote: 'passage' };
    expect(ok({ ...passage, promptId: 'analysis' })).toBe(true);
    expect(ok({ ...passage, itemId: 'notes' })).toBe(true);
    expect(ok({ ...passage, itemId: 'notes', promptId: 'analysis' })).toBe(false);
    expect(ok(passage)).toBe(false);
    expect(ok({ ...passage, promptId: 'analysis', quote: '' })).toBe(false);
    expect(ok({ ...passage, promptId: 'analysis', end: 3 })).toBe(false);
  });
});

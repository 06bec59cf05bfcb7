import { describe, expect, it } from 'vitest';
import type { EvidenceAnchor } from '../domain/score';
import { compareAnchors } from './anchors';
import { richManifest } from './export/test-fixtures';

describe('compareAnchors', () => {
  it('reads the packet in order: responses, then items in manifest order, then places inside each', () => {
    const anchors: EvidenceAnchor[] = [
      { kind: 'table-rows', itemId: 'results', from: 4, to: 7 },
      { kind: 'media-range', itemId: 'video', start: 72, end: 100 },
      { kind: 'table-cell', itemId: 'results', row: 2, column: 3 },
      { kind: 'passage', promptId: 'analysis', start: 0, end: 5, quote: 'Seven' },
      { kind: 'pdf', itemId: 'lesson-plan', page: 2 },
      { kind: 'media', itemId: 'video', seconds: 12 },
      { kind: 'passage', promptId: 'context', start: 0, end: 6, quote: 'Twenty' },
      { kind: 'item', itemId: 'lesson-plan' },
      { kind: 'image', itemId: 'whiteboard', region: { x: 0.5, y: 0.1, width: 0.1, height: 0.1 } },
      { kind: 'pdf', itemId: 'gone', page: 1 },
    ];
    const sorted = [...anchors].sort(compareAnchors(richManifest));
    expect(sorted.map((a) => [a.kind, a.itemId ?? (a.kind === 'passage' ? a.promptId : '')])).toEqual([
      ['passage', 'context'],
      ['passage', 'analysis'],
      ['item', 'lesson-plan'],
      ['pdf', 'lesson-plan'],
      ['media', 'video'],
      ['media-range', 'video'],
      ['table-cell', 'results'],
      ['table-rows', 'results'],
      ['image', 'whiteboard'],
      ['pdf', 'gone'],
    ]);
  });
});

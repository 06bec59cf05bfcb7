import { describe, expect, it } from 'vitest';
import type { EvidenceAnchor, EvidenceComment } from '../../../../shared/domain/score';
import { richManifest } from '../../../../shared/review/export/test-fixtures';
import { groupComments } from './comment-groups';

let next = 0;
const comment = (text: string, anchor: EvidenceAnchor): EvidenceComment => ({
  id: `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`,
  text,
  anchor,
});

const comments = [
  comment('rows', { kind: 'table-rows', itemId: 'results', from: 4, to: 7 }),
  comment('late', { kind: 'media', itemId: 'video', seconds: 90 }),
  comment('cell', { kind: 'table-cell', itemId: 'results', row: 2, column: 3 }),
  comment('quote', { kind: 'passage', promptId: 'analysis', start: 0, end: 5, quote: 'Seven' }),
  comment('range', { kind: 'media-range', itemId: 'video', start: 10, end: 20 }),
  comment('region', { kind: 'image', itemId: 'whiteboard', region: { x: 0.1, y: 0.1, width: 0.2, height: 0.2 } }),
];

describe('groupComments', () => {
  it('groups the whole packet by item, in packet order, each group in the order of its places', () => {
    const groups = groupComments(comments, richManifest);
    expect(groups.map((g) => [g.entryId, g.title, g.comments.map((c) => c.text)])).toEqual([
      ['responses', 'Written responses', ['quote']],
      ['video', 'Classroom video', ['range', 'late']],
      ['results', 'Exit ticket results', ['cell', 'rows']],
      ['whiteboard', 'Whiteboard photo', ['region']],
    ]);
  });

  it('keeps only one item when asked, and nothing for an item without comments', () => {
    expect(groupComments(comments, richManifest, 'results').map((g) => g.comments.length)).toEqual([2]);
    expect(groupComments(comments, richManifest, 'lesson-plan')).toEqual([]);
  });
});

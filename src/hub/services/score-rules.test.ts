import { describe, expect, it } from 'vitest';
import type { EvidenceAnchor } from '../../shared/domain/score';
import { recordOf, richManifest } from '../../shared/review/export/test-fixtures';
import { scoreProblems } from './score-rules';

/** The fixture's record with one comment on `anchor`. */
function problemsFor(anchor: EvidenceAnchor) {
  const record = recordOf();
  const comment = { id: record.comments[0]?.id ?? '', text: 'Look here.', anchor };
  return scoreProblems(richManifest, { ...record, comments: [comment] });
}

describe('scoreProblems: comment anchors', () => {
  it('accepts every kind of place when it exists in the packet', () => {
    const anchors: EvidenceAnchor[] = [
      { kind: 'pdf', itemId: 'lesson-plan', page: 2 },
      { kind: 'media', itemId: 'video', seconds: 3 },
      { kind: 'media-range', itemId: 'video', start: 3, end: 9 },
      { kind: 'image', itemId: 'whiteboard', region: { x: 0.1, y: 0.1, width: 0.2, height: 0.2 } },
      { kind: 'table-cell', itemId: 'results', row: 5, column: 3 },
      { kind: 'table-rows', itemId: 'results', from: 4, to: 7 },
      { kind: 'passage', promptId: 'analysis', start: 0, end: 5, quote: 'Seven' },
      { kind: 'passage', itemId: 'notes', start: 0, end: 5, quote: 'We met' },
      { kind: 'item', itemId: 'results' },
    ];
    for (const anchor of anchors) expect(problemsFor(anchor), anchor.kind).toEqual([]);
  });

  it('refuses places the packet does not have', () => {
    expect(problemsFor({ kind: 'pdf', itemId: 'gone', page: 1 })[0]?.path).toBe(
      'body.record.comments[0].anchor.itemId',
    );
    expect(problemsFor({ kind: 'passage', promptId: 'gone', start: 0, end: 1, quote: 'x' })[0]?.path).toBe(
      'body.record.comments[0].anchor.promptId',
    );
    expect(problemsFor({ kind: 'passage', promptId: 'context', start: 0, end: 500, quote: 'x' })[0]?.path).toBe(
      'body.record.comments[0].anchor.end',
    );
    expect(problemsFor({ kind: 'table-cell', itemId: 'video', row: 1, column: 1 })[0]?.message).toMatch(
      /cannot point into video/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { anchorLabel, mediaTime } from './anchor-label';
import { manifest } from './test-fixtures';

describe('anchorLabel', () => {
  it('names the item and the page, time or nothing more', () => {
    expect(anchorLabel({ kind: 'pdf', itemId: 'lesson-plan', page: 2 }, manifest)).toBe('Lesson plan, page 2');
    expect(anchorLabel({ kind: 'media', itemId: 'video', seconds: 74.6 }, manifest)).toBe('Classroom video, 1:14');
    expect(anchorLabel({ kind: 'item', itemId: 'results' }, manifest)).toBe('Exit ticket results');
  });

  it('falls back to the item id for an item the manifest lacks', () => {
    expect(anchorLabel({ kind: 'pdf', itemId: 'gone', page: 1 }, manifest)).toBe('gone, page 1');
  });
});

describe('mediaTime', () => {
  it('reads like a player clock, rounding down', () => {
    expect(mediaTime(0)).toBe('0:00');
    expect(mediaTime(9.99)).toBe('0:09');
    expect(mediaTime(600)).toBe('10:00');
    expect(mediaTime(3725)).toBe('1:02:05');
  });
});

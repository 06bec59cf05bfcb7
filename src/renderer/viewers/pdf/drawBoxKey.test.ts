import { describe, expect, it } from 'vitest';
import { isDrawBoxKey, type DrawBoxKeyEvent } from './drawBoxKey';

const press = (over: Partial<DrawBoxKeyEvent> = {}): DrawBoxKeyEvent => ({
  key: 'b',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  typing: false,
  ...over,
});
const shown = { shown: true, canDraw: true };

describe('the draw-box shortcut (B)', () => {
  it('works whenever a PDF that takes comments is shown, wherever focus is', () => {
    expect(isDrawBoxKey(press(), shown)).toBe(true);
    expect(isDrawBoxKey(press({ key: 'B' }), shown)).toBe(true);
  });

  it('stands back while typing, with a modifier, when handled already, or when no PDF is shown', () => {
    expect(isDrawBoxKey(press({ typing: true }), shown)).toBe(false);
    expect(isDrawBoxKey(press({ ctrlKey: true }), shown)).toBe(false);
    expect(isDrawBoxKey(press({ metaKey: true }), shown)).toBe(false);
    expect(isDrawBoxKey(press({ altKey: true }), shown)).toBe(false);
    expect(isDrawBoxKey(press({ defaultPrevented: true }), shown)).toBe(false);
    expect(isDrawBoxKey(press(), { shown: false, canDraw: true })).toBe(false);
    expect(isDrawBoxKey(press(), { shown: true, canDraw: false })).toBe(false);
    expect(isDrawBoxKey(press({ key: 'c' }), shown)).toBe(false);
  });
});

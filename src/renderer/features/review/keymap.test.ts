import { describe, expect, it } from 'vitest';
import { actionFor, REVIEW_KEYMAP, type KeyPress } from './keymap';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});
const idle = { typing: false, paused: false };

describe('the review keymap', () => {
  it('declares each key once', () => {
    const keys = REVIEW_KEYMAP.map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps plain keys to their actions outside text fields', () => {
    expect(actionFor(press('c'), idle)).toBe('comment');
    expect(actionFor(press('C'), idle)).toBe('comment');
    expect(actionFor(press(']'), idle)).toBe('next-item');
    expect(actionFor(press('['), idle)).toBe('previous-item');
    expect(actionFor(press('?'), idle)).toBe('show-shortcuts');
    expect(actionFor(press('x'), idle)).toBeUndefined();
  });

  it('leaves plain letters to the text field, but chords still work there', () => {
    const typing = { typing: true, paused: false };
    expect(actionFor(press('c'), typing)).toBeUndefined();
    expect(actionFor(press('Enter', { ctrlKey: true }), typing)).toBe('submit');
    expect(actionFor(press('Enter', { metaKey: true }), typing)).toBe('submit');
    expect(actionFor(press('∫', { altKey: true, code: 'KeyB' }), typing)).toBe('open-comment-bank');
  });

  it('while a comment is written, only submit is handled', () => {
    const paused = { typing: false, paused: true };
    expect(actionFor(press('c'), paused)).toBeUndefined();
    expect(actionFor(press('b', { altKey: true, code: 'KeyB' }), paused)).toBeUndefined();
    expect(actionFor(press('Enter', { ctrlKey: true }), paused)).toBe('submit');
  });

  it('a modifier changes the key: Ctrl+C is copy, not a comment', () => {
    expect(actionFor(press('c', { ctrlKey: true }), idle)).toBeUndefined();
    expect(actionFor(press('Enter', { ctrlKey: true, altKey: true }), idle)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { formatPosition, formatTime } from './formatTime';
import { mediaKeyAction, seekTarget, stepRate } from './mediaKeys';

const key = (k: string, extra: Partial<{ ctrlKey: boolean; target: EventTarget | null }> = {}) => ({
  key: k,
  target: null,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('mediaKeyAction', () => {
  it('maps the player keys', () => {
    expect(mediaKeyAction(key(' '))).toBe('toggle');
    expect(mediaKeyAction(key('k'))).toBe('toggle');
    expect(mediaKeyAction(key('J'))).toBe('back');
    expect(mediaKeyAction(key('ArrowLeft'))).toBe('back');
    expect(mediaKeyAction(key('l'))).toBe('forward');
    expect(mediaKeyAction(key('ArrowRight'))).toBe('forward');
    expect(mediaKeyAction(key(','))).toBe('slower');
    expect(mediaKeyAction(key('>'))).toBe('faster');
  });
  it('leaves shortcuts with modifiers alone', () => {
    expect(mediaKeyAction(key('k', { ctrlKey: true }))).toBeNull();
    expect(mediaKeyAction(key('x'))).toBeNull();
  });
});

describe('stepRate', () => {
  it('moves along the list and stops at its ends', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.5, -1)).toBe(0.5);
  });
  it('snaps an off-list rate to the next listed one', () => {
    expect(stepRate(1.1, 1)).toBe(1.25);
    expect(stepRate(1.1, -1)).toBe(1);
  });
});

describe('seekTarget', () => {
  it('clamps to the media', () => {
    expect(seekTarget(3, -5, 60)).toBe(0);
    expect(seekTarget(58, 5, 60)).toBe(60);
    expect(seekTarget(10, 5, Number.NaN)).toBe(15);
  });
});

describe('formatTime', () => {
  it('formats positions', () => {
    expect(formatTime(65)).toBe('1:05');
    expect(formatTime(3725)).toBe('1:02:05');
    expect(formatTime(Number.NaN)).toBe('--:--');
    expect(formatPosition(20, 3700)).toBe('0:00:20 / 1:01:40');
    expect(formatPosition(20, 65)).toBe('0:20 / 1:05');
  });
});

describe('mediaKeyAction: range marks', () => {
  it('marks in with I and out with O, like video editors', () => {
    expect(mediaKeyAction(key('i'))).toBe('mark-in');
    expect(mediaKeyAction(key('O'))).toBe('mark-out');
    expect(mediaKeyAction(key('i', { ctrlKey: true }))).toBeNull();
  });
});

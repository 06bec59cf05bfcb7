import { describe, expect, it } from 'vitest';
import { layoutTicks, MAX_LANES, stripSpan, tickPercent } from './markerLayout';
import { clampSeek, markedRange, mediaHandle, roundSeconds, type MediaAdapter } from './mediaAnchors';

function fakePlayer(time: number, duration: number) {
  const state = { time, duration, paused: false, seeks: [] as number[] };
  const adapter: MediaAdapter = {
    time: () => state.time,
    duration: () => state.duration,
    pause: () => {
      state.paused = true;
    },
    seek: (seconds) => {
      state.seeks.push(seconds);
      state.time = seconds;
    },
  };
  return { state, adapter };
}

describe('roundSeconds / clampSeek', () => {
  it('keeps a tenth of a second', () => {
    expect(roundSeconds(74.26)).toBe(74.3);
    expect(roundSeconds(-1)).toBe(0);
    expect(roundSeconds(Number.NaN)).toBe(0);
  });
  it('stays inside the media', () => {
    expect(clampSeek(90, 60)).toBe(60);
    expect(clampSeek(-3, 60)).toBe(0);
    expect(clampSeek(90, Number.NaN)).toBe(90);
    expect(clampSeek(90, Number.POSITIVE_INFINITY)).toBe(90);
  });
});

describe('mediaHandle', () => {
  it('captures the current time and pauses', () => {
    const { state, adapter } = fakePlayer(12.345, 60);
    const handle = mediaHandle('vid', () => adapter);
    expect(handle.captureAnchor()).toEqual({ kind: 'media', itemId: 'vid', seconds: 12.3 });
    expect(state.paused).toBe(true);
    expect(handle.position()).toEqual({ seconds: 12.3 });
  });
  it('reveals by pausing and seeking, only for its own item', () => {
    const { state, adapter } = fakePlayer(0, 60);
    const handle = mediaHandle('vid', () => adapter);
    handle.reveal({ kind: 'media', itemId: 'other', seconds: 5 });
    handle.reveal({ kind: 'pdf', itemId: 'vid', page: 2 });
    expect(state.seeks).toEqual([]);
    handle.reveal({ kind: 'media', itemId: 'vid', seconds: 75 });
    expect(state.seeks).toEqual([60]);
    expect(state.paused).toBe(true);
  });
  it('tells whether it plays and resumes, so a comment need not look for the media element', () => {
    const { state, adapter } = fakePlayer(3, 60);
    let plays = 0;
    const player = { ...adapter, paused: () => state.paused, play: () => void (plays += 1) };
    const handle = mediaHandle('vid', () => player);
    expect(handle.playing?.()).toBe(true);
    handle.captureAnchor();
    expect(handle.playing?.()).toBe(false);
    handle.resume?.();
    expect(plays).toBe(1);
    // A player that cannot say is taken as not playing.
    expect(mediaHandle('vid', () => adapter).playing?.()).toBe(false);
  });
});

describe('marker strip layout', () => {
  it('spans the duration, or a bit past the latest marker when it is unknown', () => {
    expect(stripSpan(120, [10, 200])).toBe(120);
    expect(stripSpan(Number.POSITIVE_INFINITY, [10, 50], 20)).toBeCloseTo(55);
    expect(stripSpan(Number.NaN, [])).toBeCloseTo(1.1);
  });
  it('places ticks proportionally and clamps', () => {
    expect(tickPercent(30, 120)).toBe(25);
    expect(tickPercent(500, 120)).toBe(100);
    expect(tickPercent(-1, 120)).toBe(0);
  });
  it('stacks ticks that would touch, keeping input order', () => {
    const ticks = layoutTicks([60, 10, 10.5, 11, 90], 100);
    expect(ticks.map((t) => t.percent)).toEqual([60, 10, 10.5, 11, 90]);
    expect(ticks.map((t) => t.lane)).toEqual([0, 0, 1, 2, 0]);
  });
  it('caps the number of lanes', () => {
    const ticks = layoutTicks([1, 1, 1, 1, 1, 1], 100);
    expect(Math.max(...ticks.map((t) => t.lane))).toBe(MAX_LANES - 1);
  });
});

describe('media ranges', () => {
  it('becomes a range anchor only with both marks, the right way round', () => {
    expect(markedRange('video', { start: 12 })).toBeNull();
    expect(markedRange('video', { start: 12, end: 12 })).toBeNull();
    expect(markedRange('video', { start: 12, end: 40 })).toEqual({
      kind: 'media-range',
      itemId: 'video',
      start: 12,
      end: 40,
    });
  });

  it('captures the marked range instead of the moment, and reveals a range at its start', () => {
    const { state, adapter } = fakePlayer(50, 120);
    const handle = mediaHandle('video', () => adapter, {
      take: () => ({ kind: 'media-range', itemId: 'video', start: 12, end: 40 }),
    });
    expect(handle.captureAnchor()).toEqual({ kind: 'media-range', itemId: 'video', start: 12, end: 40 });
    expect(state.paused).toBe(true);
    handle.reveal({ kind: 'media-range', itemId: 'video', start: 72, end: 100 });
    expect(state.seeks).toEqual([72]);
  });
});

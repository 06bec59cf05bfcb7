import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/route';

const WINDOW = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';
const OTHER = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

describe('the committee routes', () => {
  it('read back what they write', () => {
    const adjudication = { screen: 'adjudication', windowId: WINDOW, adjudicationId: OTHER } as const;
    expect(routeHref(adjudication)).toBe(`#/windows/${WINDOW}/adjudications/${OTHER}`);
    expect(parseRoute(routeHref(adjudication))).toEqual(adjudication);
    const decision = { screen: 'decision', windowId: WINDOW, packetId: OTHER } as const;
    expect(routeHref(decision)).toBe(`#/windows/${WINDOW}/packets/${OTHER}/decision`);
    expect(parseRoute(routeHref(decision))).toEqual(decision);
  });

  it('read back the adjudicator’s scoring screen, with and without an evidence item', () => {
    const scoring = { screen: 'adjudication-score', windowId: WINDOW, adjudicationId: OTHER } as const;
    expect(routeHref(scoring)).toBe(`#/windows/${WINDOW}/adjudications/${OTHER}/score`);
    expect(parseRoute(routeHref(scoring))).toEqual({ ...scoring, itemId: undefined });
    const onItem = { ...scoring, itemId: 'video/lesson clip.mp4' };
    expect(routeHref(onItem)).toBe(`#/windows/${WINDOW}/adjudications/${OTHER}/score/video%2Flesson%20clip.mp4`);
    expect(parseRoute(routeHref(onItem))).toEqual(onItem);
  });

  it('fall back to the window without the last part', () => {
    expect(parseRoute(`#/windows/${WINDOW}/packets/${OTHER}`)).toEqual({ screen: 'window', windowId: WINDOW });
  });

  it('open the adjudication’s summary for anything after it but “score”', () => {
    expect(parseRoute(`#/windows/${WINDOW}/adjudications/${OTHER}/other`)).toEqual({
      screen: 'adjudication',
      windowId: WINDOW,
      adjudicationId: OTHER,
    });
  });
});

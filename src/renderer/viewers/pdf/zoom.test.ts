import { describe, expect, it } from 'vitest';
import { CUSTOM_ZOOM, MAX_ZOOM, MIN_ZOOM, nextZoom, zoomSelectValue } from './zoom';
import { FIND_NOT_FOUND, FIND_PENDING, FIND_WRAPPED, findStatusText } from './findStatus';

describe('nextZoom', () => {
  it('climbs through the select percentages', () => {
    expect(nextZoom(1, 1)).toBe(1.1);
    expect(nextZoom(1.1, 1)).toBe(1.25);
    expect(nextZoom(1, -1)).toBe(0.9);
    expect(nextZoom(0.75, -1)).toBe(0.67);
  });
  it('steps past a near-miss scale instead of landing on it', () => {
    expect(nextZoom(1.0999, 1)).toBe(1.25);
  });
  it('stops at the ends', () => {
    expect(nextZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(nextZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });
});

describe('zoomSelectValue', () => {
  it('prefers the preset', () => expect(zoomSelectValue(1.37, 'page-width')).toBe('page-width'));
  it('matches percentages', () => expect(zoomSelectValue(1.5, undefined)).toBe('1.5'));
  it('falls back to custom', () => expect(zoomSelectValue(1.1, undefined)).toBe(CUSTOM_ZOOM));
});

describe('findStatusText', () => {
  it('is empty without a query', () => expect(findStatusText({ query: ' ', state: 0, current: 0, total: 0 })).toBe(''));
  it('counts matches', () => {
    expect(findStatusText({ query: 'a', state: 0, current: 3, total: 12 })).toBe('3 of 12 matches');
    expect(findStatusText({ query: 'a', state: 0, current: 1, total: 1 })).toBe('1 of 1 match');
    expect(findStatusText({ query: 'a', state: FIND_WRAPPED, current: 1, total: 2 })).toBe('1 of 2 matches');
  });
  it('says when nothing matched', () => {
    expect(findStatusText({ query: 'zz', state: FIND_NOT_FOUND, current: 0, total: 0 })).toBe('No matches');
    expect(findStatusText({ query: 'zz', state: FIND_PENDING, current: 0, total: 0 })).toBe('Searching…');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/route';

const WINDOW = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';

describe('the window dashboard route', () => {
  it('reads back what it writes', () => {
    expect(routeHref({ screen: 'window', windowId: WINDOW })).toBe(`#/windows/${WINDOW}`);
    expect(parseRoute(`#/windows/${WINDOW}`)).toEqual({ screen: 'window', windowId: WINDOW });
  });

  it('falls back to the library without a window id', () => {
    expect(parseRoute('#/windows')).toEqual({ screen: 'library' });
  });
});

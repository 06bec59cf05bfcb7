import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/route';

const WINDOW = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';
const PACKET = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('the back-reading and audit routes', () => {
  it('read back what they write', () => {
    for (const route of [
      { screen: 'back-reading', windowId: WINDOW },
      { screen: 'back-reading', windowId: WINDOW, packetId: PACKET },
      { screen: 'audit' },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
    expect(routeHref({ screen: 'back-reading', windowId: WINDOW })).toBe(`#/windows/${WINDOW}/back-reading`);
  });

  it('leaves the window dashboard where it was', () => {
    expect(parseRoute(`#/windows/${WINDOW}`)).toEqual({ screen: 'window', windowId: WINDOW });
  });
});

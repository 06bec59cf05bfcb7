import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../app/route';

const SESSION = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';
const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

describe('the norming routes', () => {
  it.each<Route>([
    { screen: 'my-norming' },
    { screen: 'my-norming-session', sessionId: SESSION },
    { screen: 'my-norming-score', sessionId: SESSION, packetId: PACKET },
    { screen: 'my-norming-score', sessionId: SESSION, packetId: PACKET, itemId: 'docs/lesson plan.pdf' },
  ])('reads back what it writes: %o', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(
      route.screen === 'my-norming-score' ? { itemId: undefined, ...route } : route,
    );
  });

  it('opens the session for a scoring link without a packet', () => {
    expect(parseRoute(`#/my-norming/${SESSION}/score`)).toEqual({ screen: 'my-norming-session', sessionId: SESSION });
  });
});

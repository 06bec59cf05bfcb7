import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/route';

describe('admin routes', () => {
  it.each([
    ['#/admin', 'windows'],
    ['#/admin/packets', 'packets'],
    ['#/admin/users', 'users'],
    ['#/admin/assignments', 'assignments'],
    ['#/admin/nonsense', 'windows'],
  ] as const)('%s opens the %s section', (hash, section) => {
    expect(parseRoute(hash)).toEqual({ screen: 'admin', section });
  });

  it('writes each section back to an address that opens it', () => {
    for (const section of ['windows', 'packets', 'users', 'assignments'] as const) {
      expect(parseRoute(routeHref({ screen: 'admin', section }))).toEqual({ screen: 'admin', section });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { packetCursor, PacketListFilter, readPacketCursor } from './packet-list';

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

describe('the packet list filter', () => {
  it.each([
    [{}, {}],
    [{ q: '  Alder ' }, { q: 'Alder' }],
    [{ q: '   ' }, { q: undefined }],
    [{ limit: '250' }, { limit: 250 }],
    [{ limit: 7 }, { limit: 7 }],
    [
      { windowId: ID, assigned: 'none', kind: 'live' },
      { windowId: ID, assigned: 'none', kind: 'live' },
    ],
  ])('reads %j as %j', (input, parsed) => {
    expect(PacketListFilter.parse(input)).toEqual(parsed);
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '1001' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ kind: 'draft' }, 'kind'],
    [{ assigned: 'all' }, 'assigned'],
    [{ windowId: 'all' }, 'windowId'],
    [{ before: 'yesterday' }, 'before'],
    [{ before: `2026-13-45T00:00:00.000Z_${ID}` }, 'before'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ sort: 'name' }, ''],
  ])('refuses %j, naming %s', (input, path) => {
    const result = PacketListFilter.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it('hands back the row a cursor was made from', () => {
    const row = { uploadedAt: '2026-12-03T14:00:00.123Z', packetId: ID };
    const cursor = packetCursor(row);
    expect(PacketListFilter.parse({ before: cursor }).before).toBe(cursor);
    expect(readPacketCursor(cursor)).toEqual(row);
  });
});

import { describe, expect, it } from 'vitest';
import { parseEvidencePath } from './evidence-path';
import { evidencePath } from './evidence-url';

const ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

describe('evidence URL paths', () => {
  it('round-trips names with spaces and unicode', () => {
    const path = 'student work/sample été #1.pdf';
    expect(parseEvidencePath(evidencePath(ID, path))).toEqual({ ok: true, packetId: ID, path });
  });

  it.each([
    `${ID}/../../etc/passwd`,
    `${ID}/%2e%2e/%2e%2e/etc/passwd`,
    `${ID}/docs%2F..%2F..%2Fsecret`,
    `${ID}/docs%5C..%5Csecret`,
    `${ID}/docs/%00.pdf`,
    `${ID}/%E0%A4%A`,
    `${ID}/`,
    `not-a-uuid/docs/a.pdf`,
    `${ID}/C:/Windows/win.ini`,
    `${ID}/./docs/a.pdf`,
  ])('refuses %s', (pathname) => {
    expect(parseEvidencePath(pathname).ok).toBe(false);
  });
});

import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginThrottle } from '../../src/hub/auth/login-throttle';
import { hashPassword, verifyPassword } from '../../src/hub/auth/password';
import { SessionTokens } from '../../src/hub/auth/tokens';
import type { Db } from '../../src/hub/db/db';
import { openDatabase } from '../../src/hub/db/open';
import { insertUser } from '../../src/hub/store/users';
import { tempDir } from '../support/packets';

describe('passwords (scrypt)', () => {
  it('hashes with a per-user salt and the parameters stored alongside, and verifies', async () => {
    const [a, b] = await Promise.all([hashPassword('anchor-demo'), hashPassword('anchor-demo')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('anchor-demo', a)).toBe(true);
    expect(await verifyPassword('anchor-demo ', a)).toBe(false);
    expect(await verifyPassword('anchor-demo', 'md5$whatever')).toBe(false);
  });
});

describe('sign-in throttle', () => {
  it('lets the free attempts through, then doubles the wait per failure, up to the cap', () => {
    let now = 0;
    const throttle = new LoginThrottle(
      { freePerUser: 2, freePerAddress: 100, baseDelayMs: 1_000, maxDelayMs: 4_000 },
      () => now,
    );
    const fail = () => throttle.recordFailure('assessor1', '10.0.0.1');
    fail();
    expect(throttle.waitMs('assessor1', '10.0.0.1')).toBe(0);
    fail();
    expect(throttle.waitMs('assessor1', '10.0.0.1')).toBe(1_000);
    fail();
    expect(throttle.waitMs('assessor1', '10.0.0.1')).toBe(2_000);
    fail();
    fail();
    expect(throttle.waitMs('assessor1', '10.0.0.1')).toBe(4_000);
    now += 4_000;
    expect(throttle.waitMs('assessor1', '10.0.0.1')).toBe(0);
    throttle.recordSuccess('assessor1');
    expect(throttle.waitMs('assessor1', '10.0.0.1')).toBe(0);
  });

  it('slows one address guessing across many usernames (password spraying)', () => {
    let now = 0;
    const throttle = new LoginThrottle({ freePerUser: 5, freePerAddress: 3, baseDelayMs: 1_000 }, () => now);
    for (const name of ['a1', 'a2', 'a3']) throttle.recordFailure(name, '10.0.0.9');
    expect(throttle.waitMs('a4', '10.0.0.9')).toBe(1_000);
    expect(throttle.waitMs('a4', '10.0.0.10')).toBe(0);
    now += 16 * 60_000; // quiet for longer than forgetAfterMs
    expect(throttle.waitMs('a4', '10.0.0.9')).toBe(0);
  });

  it('keeps its memory bounded under a flood of usernames', () => {
    const throttle = new LoginThrottle({ maxKeys: 10 });
    for (let i = 0; i < 100; i++) throttle.recordFailure(`user${i}`, '10.0.0.1');
    expect((throttle as unknown as { failures: Map<string, unknown> }).failures.size).toBeLessThanOrEqual(10);
  });
});

describe('session tokens', () => {
  let dir: string;
  let db: Db;
  let userId: string;
  let now = Date.parse('2026-10-01T08:00:00Z');
  let tokens: SessionTokens;

  beforeAll(async () => {
    dir = await tempDir('anchor-hub-auth-');
    await cp(inject('pgliteTemplate'), join(dir, 'pglite'), { recursive: true });
    db = await openDatabase({ dataDir: dir });
    userId = (await insertUser(db, { username: 'assessor1', passwordHash: 'x', roles: ['assessor'] })).id;
    tokens = new SessionTokens(db, { accessMs: 60_000, refreshMs: 600_000, sessionMs: 900_000 }, () => now);
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('authenticates an access token until it expires, and never a refresh token', async () => {
    const issued = await tokens.signIn(userId);
    expect(await tokens.authenticate(issued.accessToken)).toMatchObject({
      userId,
      username: 'assessor1',
      roles: ['assessor'],
    });
    expect(await tokens.authenticate(issued.refreshToken)).toBeUndefined();
    now += 60_000;
    expect(await tokens.authenticate(issued.accessToken)).toBeUndefined();
  });

  it('ends every session at its absolute lifetime, however often it is refreshed', async () => {
    let issued = await tokens.signIn(userId);
    for (let step = 0; step < 3; step++) {
      now += 280_000;
      const refreshed = await tokens.refresh(issued.refreshToken);
      expect(refreshed).toBeDefined();
      issued = refreshed!.tokens;
    }
    // 840 s into a 900 s session: the new tokens may not outlive it.
    expect(issued.refreshExpiresAt.getTime()).toBe(issued.accessExpiresAt.getTime());
    now += 60_000;
    expect(await tokens.refresh(issued.refreshToken)).toBeUndefined();
  });

  it('looks up tokens arriving together in one go, each answered for itself', async () => {
    const [mine, revoked] = [await tokens.signIn(userId), await tokens.signIn(userId)];
    await tokens.revoke((await tokens.authenticate(revoked.accessToken))!.sessionId);
    const answers = await Promise.all(
      [mine.accessToken, revoked.accessToken, 'anchor_at_unknown', mine.refreshToken, mine.accessToken].map((token) =>
        tokens.authenticate(token),
      ),
    );
    expect(answers.map((principal) => principal?.username)).toEqual([
      'assessor1',
      undefined,
      undefined,
      undefined,
      'assessor1',
    ]);
  });

  it('revokes a session: its tokens stop working at once', async () => {
    const issued = await tokens.signIn(userId);
    const principal = await tokens.authenticate(issued.accessToken);
    await tokens.revoke(principal!.sessionId);
    expect(await tokens.authenticate(issued.accessToken)).toBeUndefined();
    expect(await tokens.refresh(issued.refreshToken)).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import { addUser, PASSWORD, signIn, startTestHub, type TestHub } from './support/hub';

forEachBackend((backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    // Small numbers so the test can walk through the back-off quickly.
    hub = await startTestHub({ backend, throttle: { freePerUser: 3, freePerAddress: 50, baseDelayMs: 30_000 } });
    await addUser(hub, 'assessor1', ['assessor']);
    await addUser(hub, 'assessor2', ['assessor']);
    await addUser(hub, 'assessor3', ['assessor']);
  });
  afterAll(() => hub.close());

  describe('sessions', () => {
    it('signs in with the right password and returns opaque tokens and the user', async () => {
      const session = await signIn(hub, 'assessor1');
      expect(session.user).toMatchObject({ username: 'assessor1', roles: ['assessor'] });
      expect(session.accessToken).toMatch(/^anchor_at_[A-Za-z0-9_-]{43}$/);
      expect(session.refreshToken).toMatch(/^anchor_rt_[A-Za-z0-9_-]{43}$/);
      const lifetime = Date.parse(session.accessTokenExpiresAt) - hub.running.hub.now();
      expect(lifetime).toBeGreaterThan(14 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
      const queue = await hub.api('GET', '/api/v1/assignments', { token: session.accessToken });
      expect(queue.status).toBe(200);
      expect(queue.headers.get('cache-control')).toBe('no-store');
    });

    it('usernames are case-insensitive at sign-in; the wrong password and unknown users get the same 401', async () => {
      expect((await signIn(hub, 'Assessor1')).user.username).toBe('assessor1');
      const wrong = await hub.api('POST', '/api/v1/session', { json: { username: 'assessor2', password: 'nope' } });
      const unknown = await hub.api('POST', '/api/v1/session', { json: { username: 'nobody', password: 'nope' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json().error.code).toBe('invalid-credentials');
    });

    it('never stores a token in the clear', async () => {
      const session = await signIn(hub, 'assessor1');
      const rows = await hub.running.hub.db.query<{ token_hash: string }>('select token_hash from session_tokens');
      const stored = rows.map((row) => row.token_hash);
      expect(stored).not.toContain(session.accessToken);
      expect(stored.join()).not.toContain(session.accessToken.slice('anchor_at_'.length));
      expect(stored.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    });

    it('refreshes: new tokens work, the old refresh token is single-use, and reuse revokes the session', async () => {
      const first = await signIn(hub, 'assessor1');
      const refreshed = await hub.api('POST', '/api/v1/session/refresh', {
        json: { refreshToken: first.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      const second = refreshed.json();
      expect(second.user.username).toBe('assessor1');
      expect(second.accessToken).not.toBe(first.accessToken);
      expect((await hub.api('GET', '/api/v1/assignments', { token: second.accessToken })).status).toBe(200);

      // The first refresh token was used: presenting it again means a copy exists, so the session ends.
      const replay = await hub.api('POST', '/api/v1/session/refresh', { json: { refreshToken: first.refreshToken } });
      expect(replay.status).toBe(401);
      expect(replay.json().error.code).toBe('invalid-refresh-token');
      expect((await hub.api('GET', '/api/v1/assignments', { token: second.accessToken })).status).toBe(401);
      expect(
        (await hub.api('POST', '/api/v1/session/refresh', { json: { refreshToken: second.refreshToken } })).status,
      ).toBe(401);
    });

    it('two refreshes with one token at once: only one gets a new pair, and the reuse ends the session', async () => {
      const session = await signIn(hub, 'assessor2');
      const refresh = () =>
        hub.api('POST', '/api/v1/session/refresh', { json: { refreshToken: session.refreshToken } });
      const answers = await Promise.all([refresh(), refresh()]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      const issued = answers.find((a) => a.status === 200)!.json();
      expect((await hub.api('GET', '/api/v1/assignments', { token: issued.accessToken })).status).toBe(401);
    });

    it('access tokens expire after 15 minutes; the refresh token still works', async () => {
      const session = await signIn(hub, 'assessor1');
      hub.advance(15 * 60_000 + 1);
      const expired = await hub.api('GET', '/api/v1/assignments', { token: session.accessToken });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const refreshed = await hub.api('POST', '/api/v1/session/refresh', {
        json: { refreshToken: session.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      expect((await hub.api('GET', '/api/v1/assignments', { token: refreshed.json().accessToken })).status).toBe(200);
    });

    it('sign-out revokes the access and the refresh token at once', async () => {
      const session = await signIn(hub, 'assessor1');
      const out = await hub.api('DELETE', '/api/v1/session', { token: session.accessToken });
      expect(out.status).toBe(204);
      expect((await hub.api('GET', '/api/v1/assignments', { token: session.accessToken })).status).toBe(401);
      const refresh = await hub.api('POST', '/api/v1/session/refresh', {
        json: { refreshToken: session.refreshToken },
      });
      expect(refresh.status).toBe(401);
      expect((await hub.api('DELETE', '/api/v1/session', { token: session.accessToken })).status).toBe(401);
    });

    it('rejects malformed sign-in bodies with a readable 400 or 415', async () => {
      const missing = await hub.api('POST', '/api/v1/session', { json: { username: 'assessor1' } });
      expect(missing.status).toBe(400);
      expect(missing.json().error).toMatchObject({ code: 'invalid-body', problems: [{ path: 'body.password' }] });
      const form = await hub.api('POST', '/api/v1/session', {
        body: Buffer.from('username=assessor1'),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
    });

    it('slows repeated failed sign-ins: after the free attempts even the right password waits (429, Retry-After)', async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const wrong = await hub.api('POST', '/api/v1/session', { json: { username: 'assessor3', password: 'guess' } });
        expect(wrong.status).toBe(401);
      }
      const blocked = await hub.api('POST', '/api/v1/session', { json: { username: 'assessor3', password: PASSWORD } });
      expect(blocked.status).toBe(429);
      expect(blocked.json().error.code).toBe('too-many-attempts');
      expect(Number(blocked.headers.get('retry-after'))).toBe(30);
      // Another account is not held up by this one's failures.
      expect((await signIn(hub, 'assessor1')).user.username).toBe('assessor1');

      hub.advance(30_000);
      const fourth = await hub.api('POST', '/api/v1/session', { json: { username: 'assessor3', password: 'guess' } });
      expect(fourth.status).toBe(401);
      // The wait doubles with each further failure.
      const again = await hub.api('POST', '/api/v1/session', { json: { username: 'assessor3', password: PASSWORD } });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBe(60);
      hub.advance(60_000);
      expect((await signIn(hub, 'assessor3')).user.username).toBe('assessor3');

      const failures = await hub.running.hub.db.query(
        `select 1 from audit_log where action = 'session.sign-in-failed' and subject = 'username:assessor3'`,
      );
      expect(failures).toHaveLength(4);
    });
  });
});

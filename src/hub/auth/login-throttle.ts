/** Tunables for slowing repeated failed sign-ins; defaults suit a production hub. */
export interface ThrottleOptions {
  /** Failures allowed per username before each further attempt must wait. */
  freePerUser: number;
  /** Failures allowed per client address (password spraying across many usernames). */
  freePerAddress: number;
  /** The first wait; it doubles with each further failure, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key's failures are forgotten after this long without a new one. */
  forgetAfterMs: number;
  /** Bounds memory under a flood of distinct usernames; the stalest keys are dropped first. */
  maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freePerUser: 5,
  freePerAddress: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
  maxKeys: 50_000,
};

interface Failures {
  count: number;
  lastAt: number;
}

/**
 * Exponential back-off for failed sign-ins, per username and per client address. While a key is
 * waiting, attempts are refused with 429 and Retry-After *before* the password is checked: a
 * guess made too early costs the attacker a request but tells them nothing, and the hub spends no
 * scrypt time on it. Waiting (rather than locking) bounds how long an attacker can keep a real
 * assessor out. In memory, per hub process: good enough for one hub; a cluster would share it.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();
  private readonly options: ThrottleOptions;

  constructor(
    options: Partial<ThrottleOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  /** Milliseconds the caller must still wait before trying this username from this address (0: go ahead). */
  waitMs(username: string, address: string): number {
    const now = this.now();
    return Math.max(
      this.waitFor(`user:${username}`, this.options.freePerUser, now),
      this.waitFor(`addr:${address}`, this.options.freePerAddress, now),
    );
  }

  recordFailure(username: string, address: string): void {
    const now = this.now();
    for (const key of [`user:${username}`, `addr:${address}`]) {
      const entry = this.live(key, now);
      this.failures.delete(key); // re-insert so Map order stays least-recently-failed first
      this.failures.set(key, { count: (entry?.count ?? 0) + 1, lastAt: now });
    }
    while (this.failures.size > this.options.maxKeys) {
      const stalest = this.failures.keys().next().value;
      if (stalest === undefined) break;
      this.failures.delete(stalest);
    }
  }

  /** A successful sign-in clears the username's record; the address keeps its count (spraying). */
  recordSuccess(username: string): void {
    this.failures.delete(`user:${username}`);
  }

  private waitFor(key: string, free: number, now: number): number {
    const entry = this.live(key, now);
    if (!entry || entry.count < free) return 0;
    const delay = Math.min(this.options.baseDelayMs * 2 ** (entry.count - free), this.options.maxDelayMs);
    return Math.max(0, entry.lastAt + delay - now);
  }

  private live(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.lastAt > this.options.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

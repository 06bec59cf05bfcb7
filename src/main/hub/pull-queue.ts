import type { PullState } from '../../shared/contract/hub-bridge';
import type { ImportOutcome } from '../../shared/contract/library';
import { HubError } from './hub-error';
import type { PullProgress } from './pull';

/** Pulls one packet, reporting bytes as they arrive (pullPacket bound to a client and store). */
export type PullOne = (packetId: string, onProgress: (progress: PullProgress) => void) => Promise<ImportOutcome>;

/** How many packets download at once (each also downloads up to three files at once). */
const PACKETS_AT_ONCE = 2;

/** Pull progress reaches the page at most this often (about as often as a progress bar needs). */
const CHANGE_EVENT_MS = 150;

/**
 * After a dropped or stalled connection a pull waits this long and resumes on its own (about
 * three minutes in all); after the last, it fails and waits for "Download again".
 */
export const RETRY_DELAYS_MS = [5_000, 10_000, 20_000, 40_000, 60_000, 60_000];

/**
 * The main process's list of packet pulls. The renderer queues packets and reads the states
 * (per packet and, summed, overall); the downloads carry on while the screen is closed or
 * reloaded. A pull cut off by the network (a HubError "unreachable") is queued again on its own
 * after a pause, so flaky Wi-Fi needs no clicks; other failures (a wrong hash, a packet no longer
 * assigned) keep their reason and wait to be queued again. Either way the partial files are
 * resumed with Range, and finished files are not fetched twice.
 */
export class PullQueue {
  private readonly states = new Map<string, PullState>();
  private readonly waiting: string[] = [];
  private running = 0;
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Automatic retries each pull has used since the assessor last asked for it. */
  private readonly retriesUsed = new Map<string, number>();
  /** Pulls waiting for their next automatic attempt, with why the last one stopped. */
  private readonly waitingRetries = new Map<string, { timer: ReturnType<typeof setTimeout>; reason: string }>();

  constructor(
    private readonly pullOne: PullOne,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /**
   * Queues packets; those already downloading are left as they are, and one waiting to retry
   * starts now. Asking again gives a pull its automatic retries back.
   */
  enqueue(packetIds: readonly string[]): PullState[] {
    for (const packetId of packetIds) {
      const current = this.states.get(packetId);
      if (current?.state === 'pulling' || this.waiting.includes(packetId)) continue;
      this.cancelRetry(packetId);
      this.retriesUsed.delete(packetId);
      this.setState(packetId, { packetId, state: 'queued', receivedBytes: 0, totalBytes: current?.totalBytes ?? 0 });
      this.waiting.push(packetId);
    }
    this.pump();
    return this.list();
  }

  /** Drops finished or failed pulls of packets that left the library (their evidence was purged). */
  forget(packetIds: readonly string[]): void {
    for (const packetId of packetIds) {
      const state = this.states.get(packetId)?.state;
      if (state === 'done' || state === 'failed') this.states.delete(packetId);
    }
    this.changed();
  }

  /** Cancels every retry still waiting (sign-out, shutdown); those pulls show as failed. */
  stopRetries(): void {
    for (const [packetId, { reason }] of [...this.waitingRetries]) {
      this.cancelRetry(packetId);
      this.retriesUsed.delete(packetId);
      const state = this.states.get(packetId);
      if (state) this.setState(packetId, { ...state, state: 'failed', error: reason });
    }
    this.notify();
  }

  /**
   * Calls `listener` after the list changed (queued, progress, done, failed, forgotten), at most
   * once per CHANGE_EVENT_MS: progress comes with every read from the network, and each
   * notice sends the whole list to the page. Returns the function that stops the calls.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  list(): PullState[] {
    return [...this.states.values()].map((state) => ({ ...state }));
  }

  /** Resolves once nothing is queued, downloading or waiting to retry (tests and shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.isIdle()) {
          this.listeners.delete(check);
          resolve();
        }
      };
      this.listeners.add(check);
    });
  }

  private isIdle(): boolean {
    return this.running === 0 && this.waiting.length === 0 && this.waitingRetries.size === 0;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private setState(packetId: string, state: PullState): void {
    this.states.set(packetId, state);
    this.changed();
  }

  private changed(): void {
    if (this.changeTimer || this.changeListeners.size === 0) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      for (const listener of [...this.changeListeners]) listener();
    }, CHANGE_EVENT_MS);
  }

  private pump(): void {
    while (this.running < PACKETS_AT_ONCE && this.waiting.length > 0) {
      const packetId = this.waiting.shift()!;
      this.running++;
      void this.run(packetId).finally(() => {
        this.running--;
        this.pump();
        this.notify();
      });
    }
  }

  /** Schedules the next automatic attempt; false when they are used up. */
  private retryLater(packetId: string, reason: string): boolean {
    const used = this.retriesUsed.get(packetId) ?? 0;
    const delay = this.retryDelaysMs[used];
    if (delay === undefined) return false;
    this.retriesUsed.set(packetId, used + 1);
    const timer = setTimeout(() => {
      this.waitingRetries.delete(packetId);
      this.waiting.push(packetId);
      this.pump();
    }, delay);
    this.waitingRetries.set(packetId, { timer, reason });
    const state = this.states.get(packetId)!;
    this.setState(packetId, {
      ...state,
      state: 'queued',
      error: `${reason} Trying again in ${Math.round(delay / 1000)} s.`,
    });
    return true;
  }

  private cancelRetry(packetId: string): void {
    clearTimeout(this.waitingRetries.get(packetId)?.timer);
    this.waitingRetries.delete(packetId);
  }

  private async run(packetId: string): Promise<void> {
    const update = (patch: Partial<PullState>) => this.setState(packetId, { ...this.states.get(packetId)!, ...patch });
    // Done or failed for good: the next request starts with all its automatic retries.
    const finish = (patch: Partial<PullState>) => {
      this.retriesUsed.delete(packetId);
      update(patch);
    };
    update({ state: 'pulling', error: undefined });
    try {
      const outcome = await this.pullOne(packetId, ({ receivedBytes, totalBytes }) =>
        update({ receivedBytes, totalBytes }),
      );
      if (outcome.ok) {
        const total = outcome.packet.totalBytes;
        finish({ state: 'done', receivedBytes: total, totalBytes: total, error: undefined });
      } else {
        const detail = outcome.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
        finish({ state: 'failed', error: `The packet did not pass verification: ${detail}` });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const cutOff = error instanceof HubError && error.code === 'unreachable';
      if (cutOff && this.retryLater(packetId, reason)) return;
      finish({ state: 'failed', error: reason });
    }
  }
}

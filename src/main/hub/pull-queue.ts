import type { PullState } from '../../shared/contract/hub-bridge';
import type { ImportOutcome } from '../../shared/contract/library';
import type { PullProgress } from './pull';

/** Pulls one packet, reporting bytes as they arrive (pullPacket bound to a client and store). */
export type PullOne = (packetId: string, onProgress: (progress: PullProgress) => void) => Promise<ImportOutcome>;

/** How many packets download at once (each also downloads up to three files at once). */
const PACKETS_AT_ONCE = 2;

/**
 * The main process's list of packet pulls. The renderer queues packets and reads the states
 * (per packet and, summed, overall); the downloads carry on while the screen is closed or
 * reloaded. A failed pull keeps its reason and can be queued again; the partial files it left
 * are resumed with Range, and finished files are not fetched twice.
 */
export class PullQueue {
  private readonly states = new Map<string, PullState>();
  private readonly waiting: string[] = [];
  private running = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly pullOne: PullOne) {}

  /** Queues packets; those already queued or downloading are left as they are. */
  enqueue(packetIds: readonly string[]): PullState[] {
    for (const packetId of packetIds) {
      const current = this.states.get(packetId);
      if (current && (current.state === 'queued' || current.state === 'pulling')) continue;
      this.states.set(packetId, { packetId, state: 'queued', receivedBytes: 0, totalBytes: current?.totalBytes ?? 0 });
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
  }

  list(): PullState[] {
    return [...this.states.values()].map((state) => ({ ...state }));
  }

  /** Resolves once nothing is queued or downloading (tests and shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.running === 0 && this.waiting.length === 0) {
          this.listeners.delete(check);
          resolve();
        }
      };
      this.listeners.add(check);
    });
  }

  private pump(): void {
    while (this.running < PACKETS_AT_ONCE && this.waiting.length > 0) {
      const packetId = this.waiting.shift()!;
      this.running++;
      void this.run(packetId).finally(() => {
        this.running--;
        this.pump();
        for (const listener of [...this.listeners]) listener();
      });
    }
  }

  private async run(packetId: string): Promise<void> {
    const update = (patch: Partial<PullState>) =>
      this.states.set(packetId, { ...this.states.get(packetId)!, ...patch });
    update({ state: 'pulling' });
    try {
      const outcome = await this.pullOne(packetId, ({ receivedBytes, totalBytes }) =>
        update({ receivedBytes, totalBytes }),
      );
      if (outcome.ok) {
        const total = outcome.packet.totalBytes;
        update({ state: 'done', receivedBytes: total, totalBytes: total, error: undefined });
      } else {
        const detail = outcome.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
        update({ state: 'failed', error: `The packet did not pass verification: ${detail}` });
      }
    } catch (error) {
      update({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** What a batch answers for one of its items: a value, or the error that item alone gets. */
export type BatchResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit: requests that arrive while the database is busy are gathered and handled as one
 * batch (one transaction, a handful of statements for all of them) instead of one after another.
 *
 * Batches run one at a time. The first item waits only for the current turn of the event loop to
 * end (setImmediate, so every request already read from the sockets joins it); whatever arrives
 * while a batch runs forms the next one. Under light load a batch is one item and costs what it
 * always did; under a burst the batch grows with the queue, so the database work per item falls
 * exactly when it matters.
 */
export class Batcher<I, O> {
  private pending: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private busy = false;

  /**
   * @param run handles a batch; it answers every item, in order. If it throws, every item of
   *   the batch is rejected with that error.
   * @param maxBatch the most items one batch takes; the rest wait for the next.
   */
  constructor(
    private readonly run: (items: I[]) => Promise<BatchResult<O>[]>,
    private readonly maxBatch = 256,
  ) {}

  /** Queues one item; resolves or rejects with the batch's answer for it. */
  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((entry) => entry.item));
        if (results.length !== batch.length) {
          throw new Error(`a batch of ${batch.length} was answered with ${results.length} results`);
        }
        batch.forEach((entry, i) => {
          const result = results[i]!;
          if (result.ok) entry.resolve(result.value);
          else entry.reject(result.error);
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.busy = false;
  }
}

/** Runs fn and captures its answer or error, for assembling a batch's results. */
export async function settle<O>(fn: () => Promise<O>): Promise<BatchResult<O>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** What a batch answers for one of its items: a value, or the error that item alone gets. */
export type BatchResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit: requests that arrive together are gathered and handled as one batch (one
 * transaction, a handful of statements for all of them) instead of one after another.
 *
 * Batches run one at a time. A batch starts at the end of an event-loop turn in which nothing new
 * joined the queue: a lone request waits for nothing, while during a burst the queue keeps
 * growing turn after turn and the batch waits for it, up to `maxWaitMs` after its first item.
 * The wait matters because Node accepts one new connection per event-loop turn (libuv #3696):
 * starting a batch at every turn would make each turn as long as a transaction and let in one
 * request per transaction, while a turn that only accepts and parses is a fraction of a
 * millisecond. Whatever arrives while a batch runs forms the next one.
 */
export class Batcher<I, O> {
  private pending: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private busy = false;
  /** When the queue's oldest item arrived, and how long the queue was at the last look. */
  private firstAt = 0;
  private seen = 0;

  /**
   * @param run handles a batch; it answers every item, in order. If it throws, every item of
   *   the batch is rejected with that error.
   * @param options.maxBatch the most items one batch takes; the rest wait for the next.
   * @param options.maxWaitMs how long a growing queue may hold back its oldest item.
   */
  constructor(
    private readonly run: (items: I[]) => Promise<BatchResult<O>[]>,
    private readonly options: { maxBatch?: number; maxWaitMs?: number } = {},
  ) {}

  /** Queues one item; resolves or rejects with the batch's answer for it. */
  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        this.gather();
      }
    });
  }

  /** Starts the next batch once an event-loop turn passes without the queue growing. */
  private gather(): void {
    this.firstAt = performance.now();
    // The first look always waits one more turn: the item that started gathering may be the
    // first of a burst whose next request is read in the coming turn.
    this.seen = 0;
    const look = () => {
      const growing = this.pending.length > this.seen;
      if (growing && performance.now() - this.firstAt < (this.options.maxWaitMs ?? 20)) {
        this.seen = this.pending.length;
        setImmediate(look);
      } else void this.drain();
    };
    setImmediate(look);
  }

  private async drain(): Promise<void> {
    const batch = this.pending.splice(0, this.options.maxBatch ?? 256);
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
    if (this.pending.length > 0) this.gather();
    else this.busy = false;
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

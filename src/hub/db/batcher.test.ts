import { describe, expect, it } from 'vitest';
import { Batcher, settle } from './batcher';

/** A batcher that records its batches and answers each item with double it (odd items fail). */
function doubling(options?: { maxBatch?: number; maxWaitMs?: number }) {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const batcher = new Batcher<number, number>(async (items) => {
    batches.push(items);
    if (gate) await gate;
    return Promise.all(
      items.map((item) =>
        settle(async () => {
          if (item % 2 === 1) throw new Error(`odd ${item}`);
          return item * 2;
        }),
      ),
    );
  }, options);
  return {
    batcher,
    batches,
    /** Holds the next batch until released, as a slow transaction would. */
    hold() {
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

/** Lets one event-loop turn pass (the batcher looks at its queue once per turn). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher (group commit)', () => {
  it('gathers what arrives in one turn into one batch and answers each item its own result', async () => {
    const { batcher, batches } = doubling();
    const answers = await Promise.allSettled([0, 1, 2, 4].map((n) => batcher.add(n)));
    expect(batches).toEqual([[0, 1, 2, 4]]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 0 },
      { status: 'rejected', reason: new Error('odd 1') },
      { status: 'fulfilled', value: 4 },
      { status: 'fulfilled', value: 8 },
    ]);
  });

  it('runs one batch at a time: what arrives meanwhile forms the next batch, in order', async () => {
    const { batcher, batches, hold } = doubling();
    const release = hold();
    const first = batcher.add(2);
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([[2]]);
    const later = [4, 6, 8].map((n) => batcher.add(n));
    await nextTurn();
    expect(batches).toEqual([[2]]);
    release();
    expect(await first).toBe(4);
    expect(await Promise.all(later)).toEqual([8, 12, 16]);
    expect(batches).toEqual([[2], [4, 6, 8]]);
  });

  it('waits while the queue grows turn after turn (a burst being accepted), then takes it all', async () => {
    const { batcher, batches } = doubling();
    const answers: Promise<number>[] = [];
    for (const n of [2, 4, 6, 8]) {
      answers.push(batcher.add(n));
      await nextTurn();
    }
    expect(await Promise.all(answers)).toEqual([4, 8, 12, 16]);
    expect(batches).toEqual([[2, 4, 6, 8]]);
  });

  it('holds a growing queue back no longer than maxWaitMs', async () => {
    const { batcher, batches } = doubling({ maxWaitMs: 0 });
    const answers: Promise<number>[] = [];
    for (const n of [2, 4, 6, 8]) {
      answers.push(batcher.add(n));
      await nextTurn();
    }
    expect(await Promise.all(answers)).toEqual([4, 8, 12, 16]);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual([2, 4, 6, 8]);
  });

  it('splits a queue longer than maxBatch', async () => {
    const { batcher, batches } = doubling({ maxBatch: 2 });
    expect(await Promise.all([2, 4, 6, 8, 10].map((n) => batcher.add(n)))).toEqual([4, 8, 12, 16, 20]);
    expect(batches).toEqual([[2, 4], [6, 8], [10]]);
  });

  it('rejects every item of a batch that throws, and carries on with the next', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(async (items) => {
      if (calls++ === 0) throw new Error('the database went away');
      return items.map((item) => ({ ok: true, value: item }));
    });
    const failed = await Promise.allSettled([1, 2].map((n) => batcher.add(n)));
    expect(failed.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(await batcher.add(3)).toBe(3);
  });

  it('rejects a batch answered with the wrong number of results instead of leaving callers waiting', async () => {
    const batcher = new Batcher<number, number>(async () => [{ ok: true, value: 1 }]);
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow(
      'a batch of 2 was answered with 1 results',
    );
  });
});

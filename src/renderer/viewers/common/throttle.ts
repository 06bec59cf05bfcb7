/** A rate-limited function: the first call runs at once, later ones at most once per interval, the last always. */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending trailing call now. */
  flush(): void;
  /** Drops a pending trailing call. */
  cancel(): void;
}

/**
 * Throttles `fn` to one call per `intervalMs`, leading and trailing: a burst of calls produces one
 * call straight away and one more, with the latest arguments, when the interval is up.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  now: () => number = () => Date.now(),
): Throttled<A> {
  let last = Number.NEGATIVE_INFINITY;
  let pending: A | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = () => {
    timer = undefined;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = now();
    fn(...args);
  };

  const throttled = ((...args: A) => {
    pending = args;
    if (timer !== undefined) return;
    const wait = last + intervalMs - now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  }) as Throttled<A>;
  throttled.flush = () => {
    clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  return throttled;
}

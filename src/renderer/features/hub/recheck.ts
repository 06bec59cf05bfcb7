/** How often a screen showing a hub error asks again whether the hub answers. */
export const RECHECK_MS = 5_000;

/**
 * While a hub error is shown, asks the hub again (now, then every `intervalMs`) until it answers;
 * then `onAnswered` clears the error. Returns the function that stops asking (the error went
 * away another way, or the screen closed).
 */
export function recheckWhileFailing(
  check: () => Promise<unknown>,
  onAnswered: () => void,
  intervalMs = RECHECK_MS,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = async () => {
    try {
      await check();
    } catch {
      if (!stopped) timer = setTimeout(() => void attempt(), intervalMs);
      return;
    }
    if (!stopped) {
      stopped = true;
      onAnswered();
    }
  };
  void attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

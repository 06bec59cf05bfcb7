import { useCallback, useEffect, useRef } from 'react';

/** Input within this window counts as working; beyond it the clock pauses (idle). */
const IDLE_AFTER_MS = 2 * 60 * 1000;
const TICK_MS = 1000;

/**
 * Active time on a packet: counts only while the window is visible and the assessor has
 * touched mouse or keyboard recently, or `watching()` says evidence is playing. Returns a reader
 * for the total including `startMs`.
 */
export function useTimeOnTask(startMs: number | undefined, watching: () => boolean = () => false) {
  const watchingRef = useRef(watching);
  watchingRef.current = watching;
  const total = useRef(0);
  const lastInput = useRef(Date.now());
  const base = useRef<number | undefined>(undefined);
  if (base.current === undefined && startMs !== undefined) base.current = startMs;

  useEffect(() => {
    const touch = () => {
      lastInput.current = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
    for (const name of events) window.addEventListener(name, touch, { passive: true, capture: true });
    const tick = setInterval(() => {
      const visible = document.visibilityState === 'visible';
      const active = Date.now() - lastInput.current < IDLE_AFTER_MS;
      // A playing video counts as work even without input.
      if (visible && (active || watchingRef.current())) total.current += TICK_MS;
    }, TICK_MS);
    return () => {
      clearInterval(tick);
      for (const name of events) window.removeEventListener(name, touch, { capture: true });
    };
  }, []);

  return useCallback(() => (base.current ?? 0) + total.current, []);
}

/** "1 h 05 min", "12 min", "< 1 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return '< 1 min';
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

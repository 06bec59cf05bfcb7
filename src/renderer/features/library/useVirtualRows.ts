import { useEffect, useState, type RefObject } from 'react';

/**
 * Which rows of a long list are on screen (plus a margin), so a library of thousands of
 * packets renders a few dozen rows at a time.
 */
export function useVirtualRows(
  container: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 8,
) {
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [container]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return { first, last, before: first * rowHeight, after: (count - last) * rowHeight };
}

import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../app/keyboard';

export interface ReviewShortcutActions {
  /** Ctrl/Cmd+Enter, from anywhere (text fields included). */
  submit(): void;
  /** "?" */
  showShortcuts(): void;
  /** "C": comment on the evidence where the viewer is. */
  comment(): void;
  /** "[" / "]": previous / next piece of evidence. */
  step(direction: 1 | -1): void;
  /** While true (e.g. a comment is being written) only Ctrl+Enter is handled. */
  paused: boolean;
}

/** The review screen's single-key shortcuts; letters never fire while the assessor is typing. */
export function useReviewShortcuts(actions: ReviewShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const act = latest.current;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        act.submit();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target) || act.paused) return;
      if (event.key === '?') act.showShortcuts();
      else if (event.key === 'c' || event.key === 'C') act.comment();
      else if (event.key === '[' || event.key === ']') act.step(event.key === ']' ? 1 : -1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

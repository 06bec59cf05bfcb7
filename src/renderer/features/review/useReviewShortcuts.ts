import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../app/keyboard';
import { actionFor, type ShortcutAction } from './keymap';

/**
 * The scoring screen's screen-wide shortcuts, as declared in keymap.ts: `run` receives the action
 * of each key press that is one. While `paused` (a comment is being written) only the chords
 * marked for it fire; plain letters never fire while the assessor is typing.
 */
export function useReviewShortcuts({ run, paused }: { run(action: ShortcutAction): void; paused: boolean }): void {
  const latest = useRef({ run, paused });
  latest.current = { run, paused };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionFor(event, { typing: isTypingTarget(event.target), paused: latest.current.paused });
      if (!action) return;
      event.preventDefault();
      latest.current.run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

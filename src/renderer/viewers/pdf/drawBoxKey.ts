/** What the draw-box shortcut needs to know about a key press (a KeyboardEvent has all of it). */
export interface DrawBoxKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  /** Whether the key was typed into a text field (then it is text, not a shortcut). */
  typing: boolean;
}

/**
 * B toggles box drawing whenever a PDF is shown and can take comments, wherever focus is on the
 * screen (the rubric, the evidence list, the toolbar), not only when the pages have focus; never
 * while typing, with a modifier, or when something else already handled the key.
 */
export function isDrawBoxKey(event: DrawBoxKeyEvent, viewer: { shown: boolean; canDraw: boolean }): boolean {
  if (!viewer.shown || !viewer.canDraw || event.defaultPrevented || event.typing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key === 'b' || event.key === 'B';
}

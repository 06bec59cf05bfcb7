import type { KeyboardEvent } from 'react';

const ITEMS = 'button:not(:disabled), select:not(:disabled), input:not(:disabled)';

/**
 * ARIA toolbars move focus with the arrow keys. Every control also stays in the Tab order (a
 * full roving tabindex would hide the page and search fields from Tab users), so this only adds
 * Left/Right/Home/End movement — and only from buttons, because inside a text field or select
 * those keys already mean something.
 */
export function onToolbarKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  if (target.tagName !== 'BUTTON') return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ITEMS));
  const index = items.indexOf(target);
  if (index < 0) return;
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowRight') next = items[(index + 1) % items.length];
  else if (event.key === 'ArrowLeft') next = items[(index - 1 + items.length) % items.length];
  else if (event.key === 'Home') next = items[0];
  else if (event.key === 'End') next = items[items.length - 1];
  if (!next) return;
  event.preventDefault();
  event.stopPropagation();
  next.focus();
}

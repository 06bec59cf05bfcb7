/** True when a key event comes from somewhere the user types text: single-key shortcuts stand back there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]');
}

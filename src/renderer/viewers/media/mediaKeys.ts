import { PLAYBACK_RATES } from './playbackRates';

export type MediaAction = 'toggle' | 'back' | 'forward' | 'slower' | 'faster' | 'mark-in' | 'mark-out';

/** How far the ±buttons and J/L/arrow keys jump. */
export const SEEK_STEP_SECONDS = 5;

/**
 * Maps a key press inside a media viewer to an action, or null when the key belongs to the
 * focused control: Space/Enter press buttons, arrows move sliders and selects, and text fields
 * keep every key.
 */
export function mediaKeyAction(event: {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): MediaAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  // Duck-typed rather than `instanceof Element` so the mapping also runs outside a DOM (unit tests).
  const candidate = event.target as Partial<Element> | null;
  const target = typeof candidate?.closest === 'function' ? (candidate as Element) : null;
  if (target?.closest('input, select, textarea, [contenteditable="true"], [role="menu"], [role="menuitem"]'))
    return null;
  const onSlider = Boolean(target?.closest('[role="slider"]'));
  const onButton = Boolean(target?.closest('button, [role="button"]'));
  switch (event.key) {
    case ' ':
      return onButton || onSlider ? null : 'toggle';
    case 'k':
    case 'K':
      return 'toggle';
    case 'j':
    case 'J':
      return 'back';
    case 'l':
    case 'L':
      return 'forward';
    case 'ArrowLeft':
      return onSlider ? null : 'back';
    case 'ArrowRight':
      return onSlider ? null : 'forward';
    // In and out points for a range comment, as in video editors.
    case 'i':
    case 'I':
      return 'mark-in';
    case 'o':
    case 'O':
      return 'mark-out';
    case ',':
    case '<':
      return 'slower';
    case '.':
    case '>':
      return 'faster';
    default:
      return null;
  }
}

/** The neighbouring playback rate, staying on the list's ends. */
export function stepRate(current: number, direction: 1 | -1): number {
  const index = PLAYBACK_RATES.findIndex((rate) => Math.abs(rate - current) < 0.001);
  if (index < 0) {
    // An off-list rate (set elsewhere): move to the nearest listed rate in that direction.
    const candidates =
      direction > 0 ? PLAYBACK_RATES.filter((r) => r > current) : PLAYBACK_RATES.filter((r) => r < current);
    return (direction > 0 ? candidates[0] : candidates[candidates.length - 1]) ?? current;
  }
  return PLAYBACK_RATES[Math.min(Math.max(index + direction, 0), PLAYBACK_RATES.length - 1)] ?? current;
}

/** The time a ±seek lands on, kept inside the media. */
export function seekTarget(current: number, delta: number, duration: number): number {
  const end = Number.isFinite(duration) ? duration : Number.POSITIVE_INFINITY;
  return Math.min(Math.max(current + delta, 0), end);
}

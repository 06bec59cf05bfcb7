/**
 * Every keyboard shortcut of the review screen, declared once: the help dialog lists this table
 * and useReviewShortcuts dispatches from it, so the two can never disagree. Keys that another
 * component owns (the level radios, the video player, the split, the queue) are listed for the
 * help only: they have no `match`, because their owner handles them where the focus is.
 */

/** What a screen-wide shortcut asks the scoring screen to do. */
export type ShortcutAction =
  'submit' | 'show-shortcuts' | 'comment' | 'previous-item' | 'next-item' | 'open-comment-bank';

/** How a screen-wide shortcut is recognised on a keydown. */
export interface KeyMatch {
  /** KeyboardEvent.key values (either case is listed where a letter is meant). */
  keys?: readonly string[];
  /** KeyboardEvent.code values, for Alt combinations whose `key` is a typed symbol on macOS. */
  codes?: readonly string[];
  /** Which modifier must be held: none, Ctrl (or Cmd), or Alt. */
  modifier: 'none' | 'ctrl' | 'alt';
  /** Also fires in text fields (only chords do: a plain letter there is typing). */
  whileTyping?: boolean;
  /** Still fires while a comment is being written (the composer owns plain keys then). */
  whilePaused?: boolean;
}

export interface Shortcut {
  /** As shown to the assessor, e.g. "Ctrl+Enter". */
  keys: string;
  label: string;
  /** Present for the shortcuts the scoring screen itself handles. */
  action?: ShortcutAction;
  match?: KeyMatch;
}

export const REVIEW_KEYMAP: readonly Shortcut[] = [
  { keys: '1 … 4', label: 'Choose a level for the focused criterion' },
  { keys: '← / →', label: 'Step through the levels of the focused criterion' },
  { keys: 'J / K or ↓ / ↑', label: 'Next / previous criterion' },
  {
    keys: 'C',
    label: 'Comment on the evidence at the current page, selection or moment (pauses video)',
    action: 'comment',
    match: { keys: ['c', 'C'], modifier: 'none' },
  },
  { keys: 'Enter', label: 'Save the comment (and resume the video)' },
  {
    keys: 'B',
    label: 'Draw a box on the PDF page or image (image: arrows move it, Shift+arrows resize, Enter comments)',
  },
  { keys: 'I / O', label: 'Video or audio: mark the in and out of a range; C then comments on the range' },
  {
    keys: 'Shift+arrows',
    label: 'Table: select rows; text and responses: select words or sentences (Tab to a paragraph first)',
  },
  {
    keys: 'Alt+B',
    label: 'Comment bank: browse, search and insert into the feedback field you are in',
    action: 'open-comment-bank',
    match: { codes: ['KeyB'], modifier: 'alt', whileTyping: true },
  },
  {
    keys: '[',
    label: 'Previous piece of evidence',
    action: 'previous-item',
    match: { keys: ['['], modifier: 'none' },
  },
  { keys: ']', label: 'Next piece of evidence', action: 'next-item', match: { keys: [']'], modifier: 'none' } },
  { keys: 'Space, J, L', label: 'Video: play/pause, back / forward 5 s (when the player has focus)' },
  { keys: 'Alt+1 / Alt+2 / Alt+0', label: 'Maximise evidence / maximise rubric / restore the split' },
  {
    keys: 'Ctrl+Enter',
    label: 'Check and submit the review',
    action: 'submit',
    match: { keys: ['Enter'], modifier: 'ctrl', whileTyping: true, whilePaused: true },
  },
  { keys: 'N', label: 'In the queue: open the next unscored packet' },
  { keys: '?', label: 'Show this list', action: 'show-shortcuts', match: { keys: ['?'], modifier: 'none' } },
];

/** What a key event is, reduced to what matching needs (a KeyboardEvent qualifies). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action a key press triggers, given where it happened; undefined when it is not a shortcut here. */
export function actionFor(
  press: KeyPress,
  { typing, paused }: { typing: boolean; paused: boolean },
  keymap: readonly Shortcut[] = REVIEW_KEYMAP,
): ShortcutAction | undefined {
  const ctrl = press.ctrlKey || press.metaKey;
  const modifier = ctrl ? 'ctrl' : press.altKey ? 'alt' : 'none';
  for (const { action, match } of keymap) {
    if (!action || !match || match.modifier !== modifier) continue;
    // Ctrl and Alt together are neither chord (AltGr on some layouts reports both).
    if (ctrl && press.altKey) continue;
    if ((typing && !match.whileTyping) || (paused && !match.whilePaused)) continue;
    if (match.keys?.includes(press.key) || match.codes?.includes(press.code)) return action;
  }
  return undefined;
}

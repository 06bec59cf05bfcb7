import { useEffect, useRef } from 'react';

const SHORTCUTS: Array<[string, string]> = [
  ['1 … 4', 'Choose a level for the focused criterion'],
  ['← / →', 'Step through the levels of the focused criterion'],
  ['J / K or ↓ / ↑', 'Next / previous criterion'],
  ['C', 'Comment on the evidence at the current page, selection or moment (pauses video)'],
  ['Enter', 'Save the comment (and resume the video)'],
  ['B', 'Draw a box on the PDF page or image (image: arrows move it, Shift+arrows resize, Enter comments)'],
  ['I / O', 'Video or audio: mark the in and out of a range; C then comments on the range'],
  ['Shift+arrows', 'Table: select rows; text and responses: select words or sentences (Tab to a paragraph first)'],
  ['[ / ]', 'Previous / next piece of evidence'],
  ['Space, J, L', 'Video: play/pause, back / forward 5 s (when the player has focus)'],
  ['Alt+1 / Alt+2 / Alt+0', 'Maximise evidence / maximise rubric / restore the split'],
  ['Ctrl+Enter', 'Check and submit the review'],
  ['N', 'In the queue: open the next unscored packet'],
  ['?', 'Show this list'],
];

/** The keyboard shortcuts, shown with "?". */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="plain">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

import '../viewers.css';
import { formatTime } from './formatTime';
import type { MediaMarks } from './mediaAnchors';

export interface RangeMarksProps {
  marks: MediaMarks;
  disabled: boolean;
  onMarkIn(): void;
  onMarkOut(): void;
  onClear(): void;
}

/**
 * "Mark in" / "Mark out" for commenting on a stretch of the recording rather than one moment.
 * With both set, the next comment (C) takes the range. The readout is a live region so a screen
 * reader hears each mark land.
 */
export function RangeMarks({ marks, disabled, onMarkIn, onMarkOut, onClear }: RangeMarksProps) {
  const set = marks.start !== undefined || marks.end !== undefined;
  const ready = marks.start !== undefined && marks.end !== undefined && marks.end > marks.start;
  return (
    <div className="av-range-marks" role="group" aria-label="Range for a comment">
      <button type="button" className="av-button" title="Shortcut: I" disabled={disabled} onClick={onMarkIn}>
        Mark in
      </button>
      <button type="button" className="av-button" title="Shortcut: O" disabled={disabled} onClick={onMarkOut}>
        Mark out
      </button>
      <span className="av-toolbar__text" aria-live="polite">
        {set ? (
          <>
            Range {marks.start !== undefined ? formatTime(marks.start) : '…'}–
            {marks.end !== undefined ? formatTime(marks.end) : '…'}
            {ready ? ' · press C to comment on it' : ''}
          </>
        ) : (
          <span aria-hidden="true">
            <kbd>I</kbd>/<kbd>O</kbd> mark a range
          </span>
        )}
      </span>
      {set && (
        <button type="button" className="av-button" onClick={onClear}>
          Clear range
        </button>
      )}
    </div>
  );
}

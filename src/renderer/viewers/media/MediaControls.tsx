import '../viewers.css';
import { Icon } from '../common/icons';
import { formatPosition } from './formatTime';
import { SEEK_STEP_SECONDS } from './mediaKeys';
import { PLAYBACK_RATES } from './playbackRates';

export interface MediaControlsProps {
  current: number;
  duration: number;
  rate: number;
  disabled: boolean;
  onSeekBy(seconds: number): void;
  onRate(rate: number): void;
}

/** The row under a player: ±5 s, the position readout, speed, and a reminder of the keys. */
export function MediaControls({ current, duration, rate, disabled, onSeekBy, onRate }: MediaControlsProps) {
  return (
    <div className="av-media-controls">
      <button
        type="button"
        className="av-button"
        title="Shortcut: J or ←"
        disabled={disabled}
        onClick={() => onSeekBy(-SEEK_STEP_SECONDS)}
      >
        <Icon name="back-5" />
        <span>Back 5 seconds</span>
      </button>
      <button
        type="button"
        className="av-button"
        title="Shortcut: L or →"
        disabled={disabled}
        onClick={() => onSeekBy(SEEK_STEP_SECONDS)}
      >
        <span>Forward 5 seconds</span>
        <Icon name="forward-5" />
      </button>
      {/* role="timer" is aria-live="off": the position is there on demand, not announced every tick. */}
      <div className="av-time" role="timer" aria-label="Current time">
        {formatPosition(current, duration)}
      </div>
      <label className="av-field">
        <span aria-hidden="true">Speed</span>
        <select
          className="av-select"
          aria-label="Playback speed"
          disabled={disabled}
          value={String(rate)}
          onChange={(event) => onRate(Number(event.target.value))}
        >
          {!PLAYBACK_RATES.some((r) => Math.abs(r - rate) < 0.001) && <option value={String(rate)}>{rate}×</option>}
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={String(r)}>
              {r === 1 ? 'Normal' : `${r}×`}
            </option>
          ))}
        </select>
      </label>
      <p className="av-hint" aria-hidden="true">
        <kbd>Space</kbd> play · <kbd>J</kbd>/<kbd>L</kbd> ±5 s · <kbd>,</kbd>/<kbd>.</kbd> speed
      </p>
    </div>
  );
}

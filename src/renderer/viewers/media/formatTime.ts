/** "1:05" or "1:02:05"; "--:--" while the value is unknown (NaN or Infinity before metadata). */
export function formatTime(seconds: number, withHours = seconds >= 3600): string {
  if (!Number.isFinite(seconds) || seconds < 0) return withHours ? '-:--:--' : '--:--';
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return withHours ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Both halves of "0:20 / 1:05" share the duration's format so the text does not jump. */
export function formatPosition(current: number, duration: number): string {
  const withHours = Number.isFinite(duration) && duration >= 3600;
  return `${formatTime(current, withHours)} / ${formatTime(duration, withHours)}`;
}

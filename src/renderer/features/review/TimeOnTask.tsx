import { useEffect, useState } from 'react';
import { formatDuration } from './useTimeOnTask';

/** "Time on task: 12 min", refreshed twice a minute without re-rendering the review. */
export function TimeOnTask({ read }: { read: () => number }) {
  const [ms, setMs] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setMs(read()), 30_000);
    return () => clearInterval(timer);
  }, [read]);
  return <span title="Active time, paused while the window is hidden or idle">Time on task {formatDuration(ms)}</span>;
}

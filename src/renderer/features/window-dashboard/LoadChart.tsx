import type { AssessorLoad } from '../../../shared/contract/window-dashboard';

/**
 * Load per assessor: a stacked bar (submitted, pending) per assessor scaled to the busiest, with the
 * figures in words beside it, so the chart never carries information the text does not.
 */
export function LoadChart({ load }: { load: readonly AssessorLoad[] }) {
  const max = Math.max(1, ...load.map((entry) => entry.assigned));
  return (
    <figure className="bar-chart load-chart" aria-labelledby="load-title">
      <figcaption id="load-title">Load per assessor</figcaption>
      {load.length === 0 ? <p className="muted">Nobody is assigned in this window yet.</p> : null}
      <ul>
        {load.map((entry) => (
          <li key={entry.assessorId}>
            <span className="bar-label">{entry.username}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill bar-submitted" style={{ width: `${(entry.submitted / max) * 100}%` }} />
              <span className="bar-fill bar-pending" style={{ width: `${(entry.pending / max) * 100}%` }} />
            </span>
            <span className="bar-value">
              {entry.assigned} assigned: {entry.submitted} submitted, {entry.pending} pending
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

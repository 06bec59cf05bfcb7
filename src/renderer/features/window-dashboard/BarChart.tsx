import type { Bar } from './view-model';

/**
 * Horizontal bars with their numbers written beside them: the text is the chart's equivalent
 * (read by screen readers as a list), the bars are decoration for the eye.
 */
export function BarChart({ title, bars, unit, id }: { title: string; bars: readonly Bar[]; unit: string; id: string }) {
  return (
    <figure className="bar-chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.key}>
            <span className="bar-label">{bar.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar-fill bar-${bar.key}`} style={{ width: `${bar.percent}%` }} />
            </span>
            <span className="bar-value">
              {bar.value} <span className="visually-hidden">{unit}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

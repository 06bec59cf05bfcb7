import type { WindowProgress } from '../../../shared/contract/window-progress';
import { dayLabel, type ChartFrame } from '../../charts/axes';
import { DayTicks, LineSwatch } from '../../charts/ChartParts';
import '../../charts/charts.css';
import { PROGRESS_SERIES, progressChart } from './progress-view-model';

const FRAME: ChartFrame = { width: 620, height: 250, left: 40, right: 24, top: 22, bottom: 46 };
const MARKER_LABEL_Y = { closes: FRAME.top - 12, due: FRAME.top - 2, today: FRAME.height - FRAME.bottom - 6 };

/**
 * Cumulative packets fully scored, decided and released per UTC day, against the ideal line from
 * the opening to every packet decided on the due date, with the close, the due date, today and the
 * projection at the recent pace marked. The table after it is its text alternative: every figure.
 */
export function ProgressChart({ progress }: { progress: WindowProgress }) {
  const chart = progressChart(progress, FRAME);
  const bottom = FRAME.height - FRAME.bottom;
  const right = FRAME.width - FRAME.right;
  return (
    <figure className="progress-chart" aria-labelledby="progress-chart-title">
      <figcaption id="progress-chart-title">Packets scored, decided and released</figcaption>
      <svg
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        width={FRAME.width}
        height={FRAME.height}
        role="img"
        aria-label="Line chart of packets fully scored, decided and released by day, against the ideal pace to the decisions-due date; the table that follows gives every figure."
      >
        {chart.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={FRAME.left} x2={right} y1={tick.y} y2={tick.y} className="grid-line" />
            <text x={FRAME.left - 6} y={tick.y + 4} textAnchor="end" className="axis-label">
              {tick.value}
            </text>
          </g>
        ))}
        <DayTicks days={chart.xLabels} bottom={bottom} />
        <text x={(FRAME.left + right) / 2} y={FRAME.height - 6} textAnchor="middle" className="axis-label">
          day (UTC); packets counted at the end of each day
        </text>
        {chart.markers.map((marker) => (
          <g key={marker.key} className={`progress-marker marker-${marker.key}`}>
            <line x1={marker.x} x2={marker.x} y1={FRAME.top} y2={bottom} strokeDasharray="3 3" />
            {/* Each marker's words on a row of their own (closes above, due below it, today inside the
                plot by its foot), so markers on the same or neighbouring days never write over each other. */}
            <text
              x={marker.key === 'today' ? marker.x + 4 : marker.x}
              y={MARKER_LABEL_Y[marker.key]}
              textAnchor={marker.x > right - 60 ? 'end' : marker.key === 'today' ? 'start' : 'middle'}
              className="axis-label"
            >
              {marker.label}
            </text>
          </g>
        ))}
        <line {...chart.ideal} className="ideal-line" strokeDasharray="8 4" />
        {chart.projection ? <line {...chart.projection} className="projection-line" strokeDasharray="2 4" /> : null}
        {chart.series.map((s) => (
          <polyline
            key={s.key}
            points={s.points}
            fill="none"
            stroke={s.colour}
            strokeWidth={2.5}
            strokeDasharray={s.dash || undefined}
          />
        ))}
      </svg>
      <ul className="trend-legend" aria-hidden="true">
        {PROGRESS_SERIES.map((s) => (
          <li key={s.key}>
            <LineSwatch colour={s.colour} dash={s.dash} strokeWidth={2.5} />
            {s.label}
          </li>
        ))}
        <li>
          <LineSwatch className="ideal-line" dash="8 4" />
          Ideal pace to the due date
        </li>
        {chart.projection ? (
          <li>
            <svg width="28" height="10">
              <line x1="0" x2="28" y1="5" y2="5" className="projection-line" strokeDasharray="2 4" />
            </svg>
            Decisions at the last week’s pace
          </li>
        ) : null}
      </ul>
      <details className="trend-table">
        <summary>Progress as a table</summary>
        <table>
          <caption className="visually-hidden">Packets of the window by the end of each day (UTC)</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Assigned</th>
              <th scope="col">Fully scored</th>
              <th scope="col">Decided</th>
              <th scope="col">Released</th>
            </tr>
          </thead>
          <tbody>
            {progress.days.map((day) => (
              <tr key={day.day}>
                <th scope="row">
                  <time dateTime={day.day}>{dayLabel(day.day)}</time>
                </th>
                <td>{day.assigned}</td>
                <td>{day.scored}</td>
                <td>{day.decided}</td>
                <td>{day.released}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

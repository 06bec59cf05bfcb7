import type { WindowProgress } from '../../../shared/contract/window-progress';
import { yOfValue, type ChartFrame } from '../../charts/axes';
import '../../charts/charts.css';
import { turnaroundColumns, turnaroundSummary } from './progress-view-model';

const FRAME: ChartFrame = { width: 360, height: 200, left: 32, right: 12, top: 12, bottom: 40 };

/**
 * Packets by whole days from their last score to their decision (decided) or to today (waiting):
 * waiting packets at or past the risk threshold in the at-risk colour. The words and the table
 * after it carry every figure.
 */
export function TurnaroundChart({ progress }: { progress: WindowProgress }) {
  const { max, columns } = turnaroundColumns(progress, FRAME);
  const bottom = FRAME.height - FRAME.bottom;
  const right = FRAME.width - FRAME.right;
  const threshold = progress.waitingRiskDays;
  return (
    <figure className="progress-chart turnaround-chart" aria-labelledby="turnaround-chart-title">
      <figcaption id="turnaround-chart-title">Days from last score to decision</figcaption>
      <p className="small">{turnaroundSummary(progress)}</p>
      {columns.length === 0 ? (
        <p className="muted">No packet is fully scored yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
          width={FRAME.width}
          height={FRAME.height}
          role="img"
          aria-label={`Bar chart of packets by days from their last score to their decision, or waiting so far; waiting ${threshold} days or more is at risk. The table that follows gives every bar.`}
        >
          {[0, max].map((value) => (
            <g key={value}>
              <line
                x1={FRAME.left}
                x2={right}
                y1={yOfValue(value, max, FRAME)}
                y2={yOfValue(value, max, FRAME)}
                className="grid-line"
              />
              <text x={FRAME.left - 6} y={yOfValue(value, max, FRAME) + 4} textAnchor="end" className="axis-label">
                {value}
              </text>
            </g>
          ))}
          {columns.map((column) => (
            <g key={column.days}>
              {column.decided > 0 ? (
                <rect
                  x={column.x}
                  width={column.width}
                  y={column.decidedTop}
                  height={column.bottom - column.decidedTop}
                  className="turnaround-decided"
                />
              ) : null}
              {column.waiting > 0 ? (
                <rect
                  x={column.x}
                  width={column.width}
                  y={column.waitingTop}
                  height={column.decidedTop - column.waitingTop}
                  className={column.atRisk ? 'turnaround-at-risk' : 'turnaround-waiting'}
                />
              ) : null}
              {columns.length <= 15 || column.days % 5 === 0 ? (
                <text x={column.x + column.width / 2} y={bottom + 14} textAnchor="middle" className="axis-label">
                  {column.days}
                </text>
              ) : null}
            </g>
          ))}
          <text x={(FRAME.left + right) / 2} y={FRAME.height - 6} textAnchor="middle" className="axis-label">
            whole days (UTC)
          </text>
        </svg>
      )}
      <ul className="trend-legend" aria-hidden="true">
        <li>
          <span className="swatch turnaround-decided" /> Decided
        </li>
        <li>
          <span className="swatch turnaround-waiting" /> Waiting
        </li>
        <li>
          <span className="swatch turnaround-at-risk" /> Waiting {threshold}+ days (at risk)
        </li>
      </ul>
      {columns.length === 0 ? null : (
        <details className="trend-table">
          <summary>Turnaround as a table</summary>
          <table>
            <caption className="visually-hidden">Packets by whole days from their last score to their decision</caption>
            <thead>
              <tr>
                <th scope="col">Days</th>
                <th scope="col">Decided after</th>
                <th scope="col">Waiting so far</th>
              </tr>
            </thead>
            <tbody>
              {columns
                .filter((column) => column.decided + column.waiting > 0)
                .map((column) => (
                  <tr key={column.days} className={column.atRisk ? 'at-risk' : undefined}>
                    <th scope="row">{column.days}</th>
                    <td>{column.decided}</td>
                    <td>
                      {column.waiting}
                      {column.atRisk ? ' (at risk)' : ''}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

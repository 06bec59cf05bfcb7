import type { ScorerQualityRow } from '../../../shared/contract/scorer-quality';
import { dayLabel, labelledDays, type ChartFrame } from '../../charts/axes';
import { DayTicks, LineSwatch } from '../../charts/ChartParts';
import '../../charts/charts.css';
import { dailyLines, percent, SERIES_STYLES, yOfShare } from './view-model';

const FRAME: ChartFrame = { width: 560, height: 236, left: 44, right: 24, top: 12, bottom: 46 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Exact agreement per day of the window (UTC days, as the hub buckets them), one line per assessor,
 * broken on days without compared scorings, with the policy's minimum as a dashed line. The table
 * below it is the chart's text alternative and carries every figure the lines show.
 */
export function TrendChart({ scorers, minimum }: { scorers: readonly ScorerQualityRow[]; minimum: number }) {
  const { days, lines } = dailyLines(scorers, FRAME);
  const bottom = FRAME.height - FRAME.bottom;
  const minY = yOfShare(minimum, FRAME);
  return (
    <figure className="trend-chart" aria-labelledby="trend-title">
      <figcaption id="trend-title">Exact agreement over the window</figcaption>
      {lines.length === 0 ? (
        <p className="muted">
          No compared scorings yet: the trend starts once validity or double-scored packets are scored.
        </p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
            width={FRAME.width}
            height={FRAME.height}
            role="img"
            aria-label="Line chart of exact agreement per assessor and day; the table that follows gives every point."
          >
            {TICKS.map((tick) => (
              <g key={tick}>
                <line
                  x1={FRAME.left}
                  x2={FRAME.width - FRAME.right}
                  y1={yOfShare(tick, FRAME)}
                  y2={yOfShare(tick, FRAME)}
                  className="grid-line"
                />
                <text x={FRAME.left - 6} y={yOfShare(tick, FRAME) + 4} textAnchor="end" className="axis-label">
                  {percent(tick)}
                </text>
              </g>
            ))}
            <line
              x1={FRAME.left}
              x2={FRAME.width - FRAME.right}
              y1={minY}
              y2={minY}
              className="limit-line"
              strokeDasharray="5 4"
            />
            <text x={FRAME.width - FRAME.right} y={minY - 4} textAnchor="end" className="axis-label limit-label">
              policy minimum {percent(minimum)}
            </text>
            <DayTicks days={labelledDays(days)} bottom={bottom} />
            <text
              x={(FRAME.left + FRAME.width - FRAME.right) / 2}
              y={FRAME.height - 6}
              textAnchor="middle"
              className="axis-label"
            >
              day of the window (UTC); no point on a day without compared scorings
            </text>
            {lines.map((line, i) => {
              const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
              return (
                <g key={line.assessorId}>
                  {line.segments.map((run) => (
                    <polyline
                      key={run[0]!.day}
                      points={run.map((p) => `${p.x},${p.y}`).join(' ')}
                      fill="none"
                      stroke={style.colour}
                      strokeWidth={2}
                      strokeDasharray={style.dash || undefined}
                    />
                  ))}
                  {line.segments.flat().map((p) => (
                    <circle key={p.day} cx={p.x} cy={p.y} r={3.5} fill={style.colour} />
                  ))}
                </g>
              );
            })}
          </svg>
          <ul className="trend-legend" aria-hidden="true">
            {lines.map((line, i) => {
              const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
              return (
                <li key={line.assessorId}>
                  <LineSwatch colour={style.colour} dash={style.dash} />
                  {line.username}
                </li>
              );
            })}
          </ul>
          <details className="trend-table">
            <summary>Trend as a table</summary>
            <table>
              <caption className="visually-hidden">
                Exact agreement per assessor and day; days without compared scorings are left out
              </caption>
              <thead>
                <tr>
                  <th scope="col">Assessor</th>
                  <th scope="col">Day (UTC)</th>
                  <th scope="col">Exact agreement</th>
                  <th scope="col">Levels compared</th>
                </tr>
              </thead>
              <tbody>
                {scorers.flatMap((s) =>
                  s.daily.flatMap((point) =>
                    point.exact === null
                      ? []
                      : [
                          <tr key={`${s.assessorId}-${point.day}`}>
                            <th scope="row">{s.username}</th>
                            <td>
                              <time dateTime={point.day}>{dayLabel(point.day)}</time>
                            </td>
                            <td>{percent(point.exact)}</td>
                            <td>{point.n}</td>
                          </tr>,
                        ],
                  ),
                )}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

import { layoutBars } from './chart-scale';

const WIDTH = 320;
const HEIGHT = 140;
const AXIS = 36;
const TOP = 18;

/**
 * How many participants chose each level on one anchor: SVG bars (the master's level marked
 * in another colour and by the word "master") and, for screen readers, the same counts as a
 * table. The SVG is hidden from them: the table says everything it shows.
 */
export function DistributionChart({
  title,
  levels,
  counts,
  masterLevelId,
  max,
}: {
  title: string;
  levels: { id: string; label: string }[];
  counts: Record<string, number>;
  masterLevelId: string | null;
  /** The largest count on any anchor of this criterion, so the charts compare. */
  max: number;
}) {
  const layout = layoutBars(levels, counts, masterLevelId, { width: WIDTH, height: HEIGHT, max });
  const y = (count: number) => TOP + HEIGHT - (count / layout.max) * HEIGHT;
  return (
    <figure className="distribution">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${TOP + HEIGHT + AXIS}`} width={WIDTH} aria-hidden="true" focusable="false">
        {layout.ticks.map((t) => (
          <g key={t}>
            <line x1={0} x2={WIDTH} y1={y(t)} y2={y(t)} className="gridline" />
          </g>
        ))}
        {layout.bars.map((bar) => (
          <g key={bar.levelId} className={bar.isMaster ? 'bar master' : 'bar'}>
            <rect x={bar.x} y={TOP + HEIGHT - bar.height} width={bar.width} height={bar.height} rx={2} />
            <text x={bar.x + bar.width / 2} y={TOP + HEIGHT - bar.height - 4} textAnchor="middle" className="count">
              {bar.count}
            </text>
            <text x={bar.x + bar.width / 2} y={TOP + HEIGHT + 15} textAnchor="middle" className="level">
              {bar.label}
            </text>
            {bar.isMaster ? (
              <text x={bar.x + bar.width / 2} y={TOP + HEIGHT + 30} textAnchor="middle" className="master-label">
                ▲ master
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <table className="visually-hidden" aria-label={`${title}: levels chosen`}>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Participants</th>
            <th scope="col">Master</th>
          </tr>
        </thead>
        <tbody>
          {layout.bars.map((bar) => (
            <tr key={bar.levelId}>
              <th scope="row">{bar.label}</th>
              <td>{bar.count}</td>
              <td>{bar.isMaster ? 'master level' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

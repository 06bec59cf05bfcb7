import type { RevealRow } from './reveal-model';

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 130;
const CHART_WIDTH = 420;

/**
 * The levels participants chose for one criterion, as horizontal bars: the master level outlined
 * and marked "master", the participant's own marked "you". The SVG is one image whose accessible
 * name is the whole distribution in words; a table beside it gives the same numbers to read.
 */
export function DistributionChart({ row, headingId }: { row: RevealRow; headingId: string }) {
  const max = Math.max(1, ...row.bars.map((b) => b.count));
  // Room to the right of the longest bar for its count and marks ("4 · master · you").
  const plot = CHART_WIDTH - LABEL_WIDTH - 120;
  return (
    <figure className="distribution">
      <svg
        role="img"
        aria-label={row.summary}
        width={CHART_WIDTH}
        height={row.bars.length * BAR_HEIGHT + 4}
        viewBox={`0 0 ${CHART_WIDTH} ${row.bars.length * BAR_HEIGHT + 4}`}
      >
        {row.bars.map((bar, i) => {
          const y = i * BAR_HEIGHT + 2;
          const width = (bar.count / max) * plot;
          return (
            <g key={bar.levelId}>
              {/* The master's level is marked on its label too: a bar of zero has nothing else to mark. */}
              <text
                x={LABEL_WIDTH - 6}
                y={y + 15}
                textAnchor="end"
                className={`bar-label${bar.isMaster ? ' bar-label-master' : ''}`}
              >
                {bar.isMaster ? `◆ ${bar.label}` : bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={Math.max(width, bar.count > 0 ? 2 : 0)}
                height={BAR_HEIGHT - 6}
                className={`bar${bar.isMaster ? ' bar-master' : ''}${bar.isOwn ? ' bar-own' : ''}`}
              />
              <text x={LABEL_WIDTH + width + 6} y={y + 15} className="bar-count">
                {bar.count}
                {bar.isMaster ? ' · master' : ''}
                {bar.isOwn ? ' · you' : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Scores</th>
              <th scope="col">Marks</th>
            </tr>
          </thead>
          <tbody>
            {row.bars.map((bar) => (
              <tr key={bar.levelId}>
                <th scope="row">{bar.label}</th>
                <td>{bar.count}</td>
                <td>{[bar.isMaster ? 'master' : '', bar.isOwn ? 'your level' : ''].filter(Boolean).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

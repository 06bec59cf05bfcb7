import '../../charts/charts.css';
import { percent, scaleShares } from './view-model';

const BAR_WIDTH = 22;
const GAP = 6;
const HEIGHT = 48;

/**
 * One assessor's use of the scale: a small bar per level position (1 lowest), each labelled with
 * its count in text, so the figure never says more than the words beside it.
 */
export function ScaleUseChart({ username, scaleUse }: { username: string; scaleUse: readonly number[] }) {
  const shares = scaleShares(scaleUse);
  const tallest = Math.max(...shares, 0.0001);
  const width = scaleUse.length * (BAR_WIDTH + GAP) - GAP;
  const words = scaleUse.map((n, i) => `level ${i + 1}: ${n}`).join(', ');
  return (
    <figure className="scale-use" aria-label={`${username}'s use of the scale: ${words}`}>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 14}`} width={width} height={HEIGHT + 14} aria-hidden="true">
        {shares.map((share, i) => {
          const height = (share / tallest) * HEIGHT;
          return (
            <g key={i}>
              <title>{`level ${i + 1}: ${scaleUse[i]} (${percent(share)})`}</title>
              <rect
                x={i * (BAR_WIDTH + GAP)}
                y={HEIGHT - height}
                width={BAR_WIDTH}
                height={Math.max(height, share > 0 ? 1 : 0)}
                className="scale-bar"
              />
              <line
                x1={i * (BAR_WIDTH + GAP)}
                x2={i * (BAR_WIDTH + GAP) + BAR_WIDTH}
                y1={HEIGHT}
                y2={HEIGHT}
                className="scale-base"
              />
              <text
                x={i * (BAR_WIDTH + GAP) + BAR_WIDTH / 2}
                y={HEIGHT + 12}
                textAnchor="middle"
                className="axis-label"
              >
                {scaleUse[i]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

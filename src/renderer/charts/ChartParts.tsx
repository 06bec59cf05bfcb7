import { dayLabel } from './axes';

/** Tick marks and labels of UTC days under a chart's plot (`bottom`: the plot's lower edge). */
export function DayTicks({ days, bottom }: { days: readonly { day: string; x: number }[]; bottom: number }) {
  return (
    <>
      {days.map(({ day, x }) => (
        <g key={day}>
          <line x1={x} x2={x} y1={bottom} y2={bottom + 4} className="grid-line" />
          <text x={x} y={bottom + 16} textAnchor="middle" className="axis-label">
            {dayLabel(day)}
          </text>
        </g>
      ))}
    </>
  );
}

/** A legend's sample of a line series: its colour, width and dash pattern, as drawn in the chart. */
export function LineSwatch({
  colour,
  dash,
  strokeWidth = 2,
  className,
}: {
  colour?: string;
  dash?: string;
  strokeWidth?: number;
  className?: string;
}) {
  return (
    <svg width="28" height="10">
      <line
        x1="0"
        x2="28"
        y1="5"
        y2="5"
        stroke={colour}
        strokeWidth={strokeWidth}
        strokeDasharray={dash || undefined}
        className={className}
      />
    </svg>
  );
}

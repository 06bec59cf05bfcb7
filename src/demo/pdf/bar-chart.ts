import { degrees, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { wrapText, INK, MUTED, RULE, type Fonts } from './layout';

export interface BarSeries {
  name: string;
  color: RGB;
  /** One value per category, in category order. */
  values: readonly number[];
}

export interface BarChart {
  title: string;
  yLabel: string;
  xLabel: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** The largest possible value (e.g. a test's maximum); the axis rounds it up to a whole tick. */
  yMax?: number;
  /** Value shown above each bar: count, mean with one decimal, and so on. */
  format?: (value: number) => string;
}

export const SERIES_COLORS = {
  teal: rgb(0.13, 0.5, 0.52),
  amber: rgb(0.88, 0.6, 0.18),
  slate: rgb(0.42, 0.47, 0.58),
  coral: rgb(0.8, 0.36, 0.3),
} as const;

/**
 * Draws a grouped bar chart with rectangles and lines inside the given box (PDF coordinates,
 * origin bottom-left): gridlines and tick labels on the value axis, wrapped category labels,
 * axis titles, value labels above the bars and a legend when there is more than one series.
 */
export function drawBarChart(
  page: PDFPage,
  fonts: Fonts,
  box: { x: number; y: number; width: number; height: number },
  chart: BarChart,
): void {
  const format = chart.format ?? ((v: number) => String(v));
  const maxValue = Math.max(1, ...chart.series.flatMap((s) => s.values));
  // The axis ends on a whole tick at or above the largest possible (or actual) value.
  const step = niceStep((chart.yMax ?? maxValue) / 5);
  const yMax = Math.ceil((chart.yMax ?? maxValue) / step) * step;

  // Plot area inside the box: room for the title above, tick labels left, category labels below.
  const left = box.x + 44;
  const bottom = box.y + 44;
  const top = box.y + box.height - 34;
  const right = box.x + box.width - 8;
  const plotHeight = top - bottom;
  const yOf = (value: number): number => bottom + (value / yMax) * plotHeight;

  page.drawText(chart.title, { x: box.x, y: box.y + box.height - 14, size: 10.5, font: fonts.bold, color: INK });

  for (let v = 0; v <= yMax + 1e-9; v += step) {
    const y = yOf(v);
    page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.4, color: RULE });
    const label = format(round(v));
    const w = fonts.regular.widthOfTextAtSize(label, 8);
    page.drawText(label, { x: left - 6 - w, y: y - 3, size: 8, font: fonts.regular, color: MUTED });
  }
  page.drawLine({ start: { x: left, y: bottom }, end: { x: left, y: top }, thickness: 0.8, color: INK });
  page.drawLine({ start: { x: left, y: bottom }, end: { x: right, y: bottom }, thickness: 0.8, color: INK });

  const groupWidth = (right - left) / chart.categories.length;
  const barWidth = Math.min(46, (groupWidth * 0.7) / chart.series.length);
  chart.categories.forEach((category, c) => {
    const groupLeft = left + c * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const value = series.values[c] ?? 0;
      const x = groupLeft + s * barWidth;
      const height = yOf(value) - bottom;
      page.drawRectangle({ x: x + 1, y: bottom, width: barWidth - 2, height, color: series.color });
      const label = format(value);
      const w = fonts.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, {
        x: x + (barWidth - w) / 2,
        y: bottom + height + 3,
        size: 8,
        font: fonts.bold,
        color: INK,
      });
    });
    wrapText(category, fonts.regular, 8, groupWidth - 6)
      .slice(0, 3)
      .forEach((line, i) => {
        const w = fonts.regular.widthOfTextAtSize(line, 8);
        const cx = left + c * groupWidth + groupWidth / 2;
        page.drawText(line, { x: cx - w / 2, y: bottom - 12 - i * 9.5, size: 8, font: fonts.regular, color: INK });
      });
  });

  const xTitleWidth = fonts.italic.widthOfTextAtSize(chart.xLabel, 8.5);
  page.drawText(chart.xLabel, {
    x: left + (right - left - xTitleWidth) / 2,
    y: box.y + 4,
    size: 8.5,
    font: fonts.italic,
    color: MUTED,
  });
  // The value-axis title reads bottom to top, as on a printed chart.
  const yTitleWidth = fonts.italic.widthOfTextAtSize(chart.yLabel, 8.5);
  page.drawText(chart.yLabel, {
    x: box.x + 8,
    y: bottom + (plotHeight - yTitleWidth) / 2,
    size: 8.5,
    font: fonts.italic,
    color: MUTED,
    rotate: degrees(90),
  });

  if (chart.series.length > 1) {
    let x = right;
    for (const series of [...chart.series].reverse()) {
      const w = fonts.regular.widthOfTextAtSize(series.name, 8);
      x -= w;
      page.drawText(series.name, { x, y: box.y + box.height - 14, size: 8, font: fonts.regular, color: INK });
      x -= 12;
      page.drawRectangle({ x, y: box.y + box.height - 14, width: 8, height: 8, color: series.color });
      x -= 14;
    }
  }
}

/** 1, 2 or 5 times a power of ten: tick steps a reader can count in. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

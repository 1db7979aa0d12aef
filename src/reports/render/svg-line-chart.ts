import { lineXValues } from './chart-data-table';
import { escapeHtml } from './html-escape';
import { LineChart } from './report-document';
import {
  chartValueLabel,
  fitLabel,
  legendWidth,
  markerSvg,
  n,
  niceMax,
  niceTicks,
  seriesStyle,
  svgOpen,
  svgText,
  textWidth,
  tooltipText,
  tickLabel,
} from './svg-common';

/** The width of a chart drawn for a wide screen or a page; a phone's layout passes its own (`LineLayout`). */
const WIDTH = 760;
const PLOT_HEIGHT = 260;
const MARGIN = { top: 14, right: 24, left: 68, bottom: 58 };
const LEGEND_ROW_HEIGHT = 20;
const MAX_POINT_MARKERS = 60;
/** Narrower than this, a chart is laid out for a phone (`LineLayout`). */
const NARROW_BELOW = 500;

/** A chart laid out for a narrower box: its text keeps its size where the SVG is shown at about `width` pixels. */
export interface LineLayout {
  width: number;
}

/**
 * Line chart: y axis with gridlines, x axis (linear for numbers, points for categories), legend below. A point
 * marked `weak` is drawn hollow.
 */
export function lineChartSvg(
  chart: LineChart,
  id: string,
  title: string,
  layout: LineLayout = { width: WIDTH },
): string {
  const xs = lineXValues(chart.series.flatMap((s) => s.points.map((p) => p.x)));
  const numericX = xs.length > 0 && xs.every((x) => typeof x === 'number');
  const width = layout.width;
  // Narrow (a phone): the y axis's title above the plot, across, rather than turned along an axis too short for it.
  const narrow = width < NARROW_BELOW;
  const top = MARGIN.top + (narrow ? 22 : 0);
  const left = narrow ? 52 : MARGIN.left;
  const plotWidth = width - left - MARGIN.right;
  // The legend spans the plot; on a phone, the whole width (the names are long, the screen short).
  const legendLeft = narrow ? 4 : left;
  const legendSpan = narrow ? width - 8 : plotWidth;
  const legendItemWidth = legendWidth(
    chart.series.map((s) => s.name),
    legendSpan,
    44,
  );
  const legendColumns = Math.max(1, Math.floor(legendSpan / legendItemWidth));
  const legendRows = Math.ceil(chart.series.length / legendColumns);
  // A narrow chart gets a lower plot, so that the phone's screen holds it and its legend.
  const plotHeight = Math.min(PLOT_HEIGHT, Math.round(width * 0.6));
  const height = top + plotHeight + MARGIN.bottom + legendRows * LEGEND_ROW_HEIGHT + 6;

  const ys = chart.series.flatMap((s) => s.points.map((p) => p.y));
  const yMin = chart.yMin ?? Math.min(0, ...ys);
  const yMax = chart.yMax ?? niceMax(Math.max(yMin + (chart.yFormat === 'percent' ? 0.01 : 1), ...ys));
  const integers = chart.yFormat !== 'percent' && ys.every(Number.isInteger);
  const yTicks = niceTicks(yMin, yMax, 5, integers).filter((t) => t >= yMin - 1e-9 && t <= yMax + 1e-9);
  const yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : yMax - yMin;
  const yScale = (y: number) => top + plotHeight - ((y - yMin) / (yMax - yMin || 1)) * plotHeight;

  const numbers = xs as number[];
  const xMin = numericX ? Math.min(...numbers) : 0;
  const xMax = numericX ? Math.max(...numbers) : Math.max(0, xs.length - 1);
  const xSpan = xMax - xMin;
  const xPosition = (value: number) =>
    left + (xSpan === 0 ? plotWidth / 2 : ((value - xMin) / xSpan) * plotWidth);
  const xScale = (x: string | number) => xPosition(numericX ? (x as number) : xs.indexOf(x));

  const parts: string[] = [svgOpen(id, width, height, title, describe(chart, xs), 'chart-line')];
  parts.push(`<g class="grid" stroke="#d0d0d0" stroke-width="1">`);
  for (const tick of yTicks)
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${n(yScale(tick))}" y2="${n(yScale(tick))}"/>`,
    );
  parts.push('</g>');

  const axisY = top + plotHeight;
  parts.push(`<g class="axis axis-y" fill="#222">`);
  parts.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${axisY}" stroke="#222"/>`);
  for (const tick of yTicks) {
    parts.push(
      `<line x1="${left - 5}" x2="${left}" y1="${n(yScale(tick))}" y2="${n(yScale(tick))}" stroke="#222"/>`,
    );
    parts.push(
      svgText(left - 8, yScale(tick) + 4, tickLabel(tick, yStep, chart.yFormat, chart.language), {
        'text-anchor': 'end',
      }),
    );
  }
  const yLabelX = 14;
  const yLabelY = top + plotHeight / 2;
  parts.push(
    narrow
      ? svgText(4, 14, fitLabel(chart.yLabel, width - 8), { 'font-weight': '600' })
      : svgText(yLabelX, yLabelY, fitLabel(chart.yLabel, plotHeight), {
          'text-anchor': 'middle',
          transform: `rotate(-90 ${yLabelX} ${n(yLabelY)})`,
          'font-weight': '600',
        }),
  );
  parts.push('</g>');

  parts.push(`<g class="axis axis-x" fill="#222">`);
  parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${axisY}" y2="${axisY}" stroke="#222"/>`);
  for (const tick of xTicks(xs, numericX, plotWidth)) {
    const x = numericX ? xPosition(tick.value as number) : xScale(tick.value);
    parts.push(`<line x1="${n(x)}" x2="${n(x)}" y1="${axisY}" y2="${axisY + 5}" stroke="#222"/>`);
    parts.push(svgText(x, axisY + 19, tick.label, { 'text-anchor': 'middle' }));
  }
  parts.push(
    svgText(left + plotWidth / 2, axisY + 42, chart.xLabel, {
      'text-anchor': 'middle',
      'font-weight': '600',
    }),
  );
  parts.push('</g>');

  chart.series.forEach((series, index) => {
    const style = seriesStyle(index);
    const points = [...series.points].sort((a, b) => xs.indexOf(a.x) - xs.indexOf(b.x));
    const runs = lineRuns(points, chart.xStep);
    parts.push(`<g class="series" data-series="${escapeHtml(series.name)}">`);
    // One line per run of points measured at every step: none drawn across a gap (a year with no agreement).
    // (Without a step, one polyline per series as before, a lone point's included.)
    for (const run of chart.xStep ? runs.filter((r) => r.length > 1) : runs)
      parts.push(
        `<polyline points="${run.map((p) => `${n(xScale(p.x))},${n(yScale(p.y))}`).join(' ')}" fill="none"` +
          ` stroke="${style.color}" stroke-width="2.2"` +
          `${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} stroke-linejoin="round"/>`,
      );
    // A point alone between two gaps has no line to show it: its marker, however many points there are.
    const alone = new Set(chart.xStep ? runs.filter((r) => r.length === 1).map((r) => r[0]) : []);
    for (const p of points.length <= MAX_POINT_MARKERS ? points : points.filter((x) => alone.has(x))) {
      const value = chartValueLabel(p.y, chart.yFormat, chart.language);
      const tooltip = tooltipText(
        `${series.name}, ${p.x}`,
        p.detail ? `${value} (${p.detail})` : value,
        chart.language,
      );
      parts.push(markerSvg(style.marker, xScale(p.x), yScale(p.y), style.color, 4, tooltip, p.weak));
    }
    parts.push('</g>');
  });

  const legendTop = axisY + MARGIN.bottom + 4;
  parts.push(`<g class="legend">`);
  chart.series.forEach((series, index) => {
    const style = seriesStyle(index);
    const x = legendLeft + (index % legendColumns) * legendItemWidth;
    const y = legendTop + Math.floor(index / legendColumns) * LEGEND_ROW_HEIGHT;
    parts.push(
      `<line x1="${n(x)}" x2="${n(x + 30)}" y1="${n(y)}" y2="${n(y)}" stroke="${style.color}" stroke-width="2.2"` +
        `${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
    );
    parts.push(markerSvg(style.marker, x + 15, y, style.color, 4));
    parts.push(svgText(x + 38, y + 4, fitLabel(series.name, legendItemWidth - 44), { fill: '#222' }));
  });
  parts.push('</g></svg>');
  return parts.join('');
}

/**
 * A series' points (in order of x) cut where a step of `xStep` has no point: the runs a line joins. Without a step,
 * or with x that are not numbers, one run.
 */
export function lineRuns<P extends { x: string | number }>(points: P[], xStep?: number): P[][] {
  if (!xStep || points.some((p) => typeof p.x !== 'number')) return [points];
  const runs: P[][] = [];
  for (const p of points) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (previous && (p.x as number) - (previous.x as number) <= xStep + 1e-9) run.push(p);
    else runs.push([p]);
  }
  return runs;
}

/** Whether a chart's series have a gap a line breaks at (`lineRuns`): said in its note. */
export const lineHasGaps = (chart: Pick<LineChart, 'series' | 'xStep'>): boolean =>
  chart.series.some((s) => lineRuns(s.points, chart.xStep).length > 1);

function xTicks(
  xs: (string | number)[],
  numericX: boolean,
  plotWidth: number,
): { value: string | number; label: string }[] {
  if (xs.length === 0) return [];
  if (numericX) {
    const numbers = xs as number[];
    const integers = numbers.every(Number.isInteger);
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    if (min === max) return [{ value: min, label: String(min) }];
    // About one label per 50 px: ten on a page, five on a phone (more overlap there).
    const count = Math.min(10, numbers.length, Math.max(2, Math.floor(plotWidth / 50)));
    const ticks = niceTicks(min, max, count, integers).filter((t) => t >= min && t <= max);
    // Years must not get thousands separators.
    return ticks.map((t) => ({ value: t, label: String(t) }));
  }
  const longest = Math.max(...xs.map((x) => textWidth(String(x))));
  const every = Math.max(1, Math.ceil(xs.length / Math.max(1, Math.floor(plotWidth / (longest + 12)))));
  return xs
    .filter((_, i) => i % every === 0)
    .map((x) => ({ value: x, label: fitLabel(String(x), (plotWidth / xs.length) * every - 4) }));
}

function describe(chart: LineChart, xs: (string | number)[]): string {
  if (chart.description) return chart.description;
  const range = xs.length > 0 ? ` from ${xs[0]} to ${xs[xs.length - 1]}` : '';
  const names = chart.series.map((s) => s.name).join(', ');
  return `Line chart of ${chart.yLabel} by ${chart.xLabel}${range}; ${chart.series.length} series: ${names}.`;
}

import { escapeHtml } from './html-escape';
import { BarChart } from './report-document';
import {
  chartValueLabel,
  fitLabel,
  legendWidth,
  n,
  niceMax,
  niceTicks,
  seriesStyle,
  svgOpen,
  svgText,
  textWidth,
  tickLabel,
  tooltipText,
} from './svg-common';

/** The width of a chart drawn for a wide screen or a page; a phone's layout passes its own (`BarLayout`). */
const WIDTH = 760;
/** Narrower than this, a chart is laid out for a phone: category labels take at most 40 % of it, the legend all of it. */
const NARROW_BELOW = 500;
const BAR_HEIGHT = 16;
const GROUP_GAP = 10;
const MAX_CATEGORY_LABEL = 260;
const MARGIN = { top: 12, right: 56, bottom: 64 };
const LEGEND_ROW_HEIGHT = 20;

/** A chart laid out for a narrower box: its text keeps its size where the SVG is shown at about `width` pixels. */
export interface BarLayout {
  width: number;
}

/**
 * Horizontal bars, one group per category (e.g. "granting party → beneficiary"), one bar per series, or one
 * stacked bar per category. Odd series are striped so that they stay apart in black and white.
 */
export function barChartSvg(
  chart: BarChart,
  id: string,
  title: string,
  layout: BarLayout = { width: WIDTH },
): string {
  const width = layout.width;
  const narrow = width < NARROW_BELOW;
  const format = chart.valueFormat;
  const stacked = chart.stacked === true && chart.series.length > 1;
  const totals = chart.categories.map((_, c) =>
    stacked
      ? chart.series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0)
      : Math.max(0, ...chart.series.map((s) => s.values[c] ?? 0)),
  );
  const xMax = chart.xMax ?? niceMax(Math.max(format === 'percent' ? 0.01 : 1, ...totals));
  const maxLabel = narrow ? Math.round(width * 0.4) : MAX_CATEGORY_LABEL;
  const labelWidth = Math.min(maxLabel, Math.max(40, ...chart.categories.map(textWidth))) + 10;
  const plotLeft = labelWidth + 8;
  const plotWidth = width - plotLeft - MARGIN.right;
  // The legend spans the plot; on a phone, the whole width (the names are long, the screen short).
  const legendLeft = narrow ? 4 : plotLeft;
  const legendSpan = narrow ? width - 8 : width - plotLeft;
  const barsPerGroup = stacked ? 1 : Math.max(1, chart.series.length);
  const groupHeight = barsPerGroup * BAR_HEIGHT + GROUP_GAP;
  const plotHeight = Math.max(1, chart.categories.length) * groupHeight;
  const axisY = MARGIN.top + plotHeight;
  const showLegend = chart.series.length > 1;
  const legendItemWidth = legendWidth(
    chart.series.map((s) => s.name),
    legendSpan,
  );
  const legendColumns = Math.max(1, Math.floor(legendSpan / legendItemWidth));
  const legendRows = showLegend ? Math.ceil(chart.series.length / legendColumns) : 0;
  const height = axisY + MARGIN.bottom + legendRows * LEGEND_ROW_HEIGHT + 4;
  const xScale = (value: number) => plotLeft + (Math.max(0, value) / xMax) * plotWidth;
  const integers =
    format !== 'percent' &&
    chart.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const ticks = niceTicks(0, xMax, 5, integers).filter((t) => t <= xMax + 1e-9);
  const tickStep = ticks.length > 1 ? ticks[1] - ticks[0] : xMax;

  const parts = [svgOpen(id, width, height, title, describe(chart), 'chart-bar'), patterns(chart, id)];
  parts.push('<g class="grid" stroke="#d0d0d0" stroke-width="1">');
  for (const tick of ticks)
    parts.push(`<line x1="${n(xScale(tick))}" x2="${n(xScale(tick))}" y1="${MARGIN.top}" y2="${axisY}"/>`);
  parts.push('</g><g class="axis axis-x" fill="#222">');
  parts.push(
    `<line x1="${n(plotLeft)}" x2="${n(plotLeft + plotWidth)}" y1="${axisY}" y2="${axisY}" stroke="#222"/>`,
  );
  for (const tick of ticks) {
    parts.push(
      `<line x1="${n(xScale(tick))}" x2="${n(xScale(tick))}" y1="${axisY}" y2="${axisY + 5}" stroke="#222"/>`,
    );
    parts.push(
      svgText(xScale(tick), axisY + 18, tickLabel(tick, tickStep, format, chart.language), {
        'text-anchor': 'middle',
      }),
    );
  }
  parts.push(
    svgText(plotLeft + plotWidth / 2, axisY + 38, chart.valueLabel, {
      'text-anchor': 'middle',
      'font-weight': '600',
    }),
  );
  parts.push(
    `<line x1="${n(plotLeft)}" x2="${n(plotLeft)}" y1="${MARGIN.top}" y2="${axisY}" stroke="#222"/>`,
  );
  parts.push('</g><g class="bars">');

  chart.categories.forEach((category, c) => {
    const groupTop = MARGIN.top + c * groupHeight + GROUP_GAP / 2;
    parts.push(`<g class="category">`);
    parts.push(
      svgText(
        plotLeft - 8,
        groupTop + (barsPerGroup * BAR_HEIGHT) / 2 + 4,
        fitLabel(category, labelWidth - 10),
        {
          'text-anchor': 'end',
          fill: '#222',
        },
      ),
    );
    let stackStart = 0;
    chart.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === null || value === undefined) return;
      const y = stacked ? groupTop : groupTop + s * BAR_HEIGHT;
      const x0 = xScale(stacked ? stackStart : 0);
      const x1 = xScale(stacked ? stackStart + value : value);
      stackStart += Math.max(0, value);
      const tooltip = tooltipText(
        `${category}, ${series.name}`,
        chartValueLabel(value, format, chart.language),
        chart.language,
      );
      parts.push(
        `<rect class="bar" x="${n(x0)}" y="${n(y + 1)}" width="${n(Math.max(0, x1 - x0))}" height="${BAR_HEIGHT - 2}"` +
          ` fill="${fillFor(chart, s, id)}" stroke="#222" stroke-width="0.6"><title>${escapeHtml(tooltip)}</title></rect>`,
      );
      if (!stacked)
        parts.push(
          svgText(x1 + 4, y + BAR_HEIGHT / 2 + 4, chartValueLabel(value, format, chart.language), {
            fill: '#222',
          }),
        );
    });
    if (stacked) {
      const y = groupTop + BAR_HEIGHT / 2 + 4;
      parts.push(
        svgText(xScale(totals[c]) + 4, y, chartValueLabel(totals[c], format, chart.language), {
          fill: '#222',
          'font-weight': '600',
        }),
      );
    }
    parts.push('</g>');
  });
  parts.push('</g>');

  if (showLegend) {
    parts.push('<g class="legend">');
    chart.series.forEach((series, s) => {
      const x = legendLeft + (s % legendColumns) * legendItemWidth;
      const y = axisY + MARGIN.bottom + Math.floor(s / legendColumns) * LEGEND_ROW_HEIGHT;
      parts.push(
        `<rect x="${n(x)}" y="${n(y - 10)}" width="24" height="13" fill="${fillFor(chart, s, id)}" stroke="#222" stroke-width="0.6"/>`,
      );
      parts.push(svgText(x + 30, y + 1, fitLabel(series.name, legendItemWidth - 36), { fill: '#222' }));
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A series' fill: its colour, or the stripes of evidence awaiting review for a pending series only. */
function fillFor(chart: BarChart, series: number, id: string): string {
  const { pending, color } = chart.series[series];
  return pending ? `url(#${escapeHtml(id)}-pending)` : (color ?? seriesStyle(series).color);
}

/** The pending stripes (the heatmap's: amber on cream), defined when a series is pending. */
function patterns(chart: BarChart, id: string): string {
  if (!chart.series.some((s) => s.pending)) return '';
  return (
    `<defs><pattern id="${escapeHtml(id)}-pending" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">` +
    `<rect width="8" height="8" fill="#fff7e6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#e0a040" stroke-width="3"/></pattern></defs>`
  );
}

function describe(chart: BarChart): string {
  if (chart.description) return chart.description;
  const series = chart.series.map((s) => s.name).join(', ');
  return (
    `${chart.stacked ? 'Stacked bar' : 'Bar'} chart of ${chart.valueLabel} for ${chart.categories.length} ` +
    `${chart.categoryLabel.toLowerCase()}; series: ${series}.`
  );
}

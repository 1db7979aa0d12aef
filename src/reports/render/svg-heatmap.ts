import { escapeHtml } from './html-escape';
import { HeatmapChart } from './report-document';
import { needsLightText, shadeHex } from './shading';
import { chartValueLabel, fitLabel, n, svgOpen, svgText, textWidth, tooltipText } from './svg-common';

const CELL_HEIGHT = 26;
const MIN_CELL_WIDTH = 40;
const MAX_ROW_LABEL = 240;
const MAX_COLUMN_LABEL = 200;
const LEGEND_STEPS = 5;
const PAD = 8;

/** Heatmap: a grid of shaded rects with the value printed in each, labels left and (rotated) on top. */
export function heatmapSvg(chart: HeatmapChart, id: string, title: string): string {
  const format = chart.legend.format;
  const numbers = chart.values.flat().filter((v): v is number => v !== null);
  const min = chart.legend.min ?? (format === 'percent' ? 0 : Math.min(0, ...numbers));
  const max = chart.legend.max ?? (numbers.length > 0 ? Math.max(...numbers) : 1);
  const level = (value: number) => (max > min ? (value - min) / (max - min) : 0);
  const label = (r: number, c: number) => {
    const given = chart.cellLabels?.[r]?.[c];
    if (given !== undefined && given !== null) return given;
    const value = chart.values[r][c];
    return value === null ? '–' : chartValueLabel(value, format, chart.language);
  };

  const rows = chart.rows.map((row, r) => (chart.rowCounts ? `${row} (${chart.rowCounts.values[r]})` : row));
  const labels = rows.map((_, r) => chart.columns.map((_, c) => label(r, c)));
  const cellWidth = Math.max(MIN_CELL_WIDTH, ...labels.flat().map((l) => textWidth(l) + 10));
  const rowLabelWidth = Math.min(MAX_ROW_LABEL, Math.max(40, ...rows.map(textWidth)) + PAD);
  const columnLabelLength = Math.min(MAX_COLUMN_LABEL, Math.max(20, ...chart.columns.map(textWidth)));
  // Column labels are rotated 45°, so they need height and may overhang to the right.
  const headerHeight = columnLabelLength * Math.SQRT1_2 + 14;
  const gridLeft = PAD + rowLabelWidth;
  const gridTop = PAD + headerHeight;
  const gridWidth = chart.columns.length * cellWidth;
  const gridHeight = chart.rows.length * CELL_HEIGHT;
  const legendTop = gridTop + gridHeight + 18;
  const pendingLegend = chart.pending?.some((row) => row.includes(true))
    ? 40 +
      textWidth(chart.legend.noDataLabel ?? 'no data') +
      textWidth(chart.legend.pendingLabel ?? 'awaiting review')
    : 0;
  const legendWidth = Math.max(
    (chart.legend.steps ? stepsWidth(chart.legend.steps) : LEGEND_STEPS * 36) + 110 + pendingLegend,
    titleWidth(chart.legend.label),
  );
  const width =
    Math.max(gridLeft + gridWidth + columnLabelLength * Math.SQRT1_2, gridLeft + legendWidth) + PAD;
  const height = legendTop + 46;

  const patternId = `${id}-nodata`;
  const pendingId = `${id}-pending`;
  const isPending = (r: number, c: number) => chart.pending?.[r]?.[c] === true;
  const parts: string[] = [svgOpen(id, width, height, title, describe(chart, min, max), 'chart-heatmap')];
  parts.push(
    `<defs><pattern id="${escapeHtml(patternId)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bbb" stroke-width="2"/></pattern>` +
      `<pattern id="${escapeHtml(pendingId)}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">` +
      `<rect width="8" height="8" fill="#fff7e6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#e0a040" stroke-width="3"/></pattern></defs>`,
  );

  parts.push(`<g class="column-labels" fill="#222">`);
  chart.columns.forEach((column, c) => {
    const x = gridLeft + c * cellWidth + cellWidth / 2;
    const y = gridTop - 6;
    parts.push(
      svgText(x, y, fitLabel(column, MAX_COLUMN_LABEL), { transform: `rotate(-45 ${n(x)} ${n(y)})` }, column),
    );
  });
  parts.push('</g><g class="row-labels" fill="#222">');
  rows.forEach((row, r) => {
    const y = gridTop + r * CELL_HEIGHT + CELL_HEIGHT / 2 + 4;
    parts.push(svgText(gridLeft - 6, y, fitLabel(row, rowLabelWidth - PAD), { 'text-anchor': 'end' }, row));
  });
  parts.push('</g><g class="cells">');
  rows.forEach((row, r) => {
    chart.columns.forEach((column, c) => {
      const value = chart.values[r][c];
      const x = gridLeft + c * cellWidth;
      const y = gridTop + r * CELL_HEIGHT;
      const pending = isPending(r, c);
      const shade = value === null || pending ? 0 : level(value);
      const fill = pending
        ? `url(#${escapeHtml(pendingId)})`
        : value === null
          ? `url(#${escapeHtml(patternId)})`
          : shadeHex(shade);
      const text = labels[r][c];
      const tooltip = tooltipText(
        `${row} × ${column}`,
        pending
          ? `${text} ${chart.legend.pendingLabel ?? 'awaiting review'}`
          : value === null
            ? (chart.legend.noDataLabel ?? 'no data')
            : text,
        chart.language,
      );
      const stroke = pending
        ? ` stroke="#8a5a00" stroke-width="1.5" stroke-dasharray="4 2"`
        : ` stroke="#fff" stroke-width="1"`;
      parts.push(
        `<g class="cell${pending ? ' pending' : ''}"><rect x="${n(x)}" y="${n(y)}" width="${n(cellWidth)}" height="${CELL_HEIGHT}" fill="${fill}"` +
          `${stroke}><title>${escapeHtml(tooltip)}</title></rect>`,
      );
      parts.push(
        svgText(x + cellWidth / 2, y + CELL_HEIGHT / 2 + 4, text, {
          'text-anchor': 'middle',
          fill: value !== null && !pending && needsLightText(shade) ? '#fff' : '#000',
          ...(pending ? { 'font-style': 'italic' } : {}),
        }),
      );
      parts.push('</g>');
    });
  });
  parts.push('</g>');
  parts.push(legendSvg(chart, gridLeft, legendTop, min, max, patternId, pendingId));
  parts.push('</svg>');
  return parts.join('');
}

function legendSvg(
  chart: HeatmapChart,
  left: number,
  top: number,
  min: number,
  max: number,
  patternId: string,
  pendingId: string,
): string {
  const step = 36;
  const parts = [
    `<g class="legend" fill="#222">`,
    svgText(left, top, chart.legend.label, { 'font-weight': '600' }),
  ];
  const steps = chart.legend.steps;
  let scaleWidth = LEGEND_STEPS * step;
  if (steps) {
    // One swatch per value, its label beside it, as the hatched cells' entries are.
    let x = left;
    steps.forEach((label, i) => {
      parts.push(
        `<rect class="legend-step" x="${n(x)}" y="${top + 8}" width="18" height="14" fill="${shadeHex(steps.length > 1 ? i / (steps.length - 1) : 0)}" stroke="#888" stroke-width="0.5"/>`,
      );
      parts.push(svgText(x + 24, top + 19, label));
      x += STEP_SWATCH + textWidth(label) + STEP_GAP;
    });
    scaleWidth = stepsWidth(steps) - 24;
  } else {
    for (let i = 0; i < LEGEND_STEPS; i++) {
      parts.push(
        `<rect x="${n(left + i * step)}" y="${top + 8}" width="${step}" height="14" fill="${shadeHex(i / (LEGEND_STEPS - 1))}" stroke="#888" stroke-width="0.5"/>`,
      );
    }
    parts.push(
      svgText(left, top + 36, chartValueLabel(min, chart.legend.format, chart.language), {
        'text-anchor': 'start',
      }),
    );
    parts.push(
      svgText(
        left + LEGEND_STEPS * step,
        top + 36,
        chartValueLabel(max, chart.legend.format, chart.language),
        {
          'text-anchor': 'end',
        },
      ),
    );
  }
  const noDataX = left + scaleWidth + 24;
  parts.push(
    `<rect x="${n(noDataX)}" y="${top + 8}" width="18" height="14" fill="url(#${escapeHtml(patternId)})" stroke="#888" stroke-width="0.5"/>`,
  );
  parts.push(svgText(noDataX + 24, top + 19, chart.legend.noDataLabel ?? 'no data'));
  if (chart.pending?.some((row) => row.includes(true))) {
    const pendingX = noDataX + 24 + textWidth(chart.legend.noDataLabel ?? 'no data') + 16;
    parts.push(
      `<rect class="legend-pending" x="${n(pendingX)}" y="${top + 8}" width="18" height="14" fill="url(#${escapeHtml(pendingId)})" stroke="#8a5a00" stroke-width="1.5" stroke-dasharray="4 2"/>`,
    );
    parts.push(svgText(pendingX + 24, top + 19, chart.legend.pendingLabel ?? 'awaiting review'));
  }
  parts.push('</g>');
  return parts.join('');
}

/** A labelled swatch of a stepped legend: the swatch and the space before its label, then the gap to the next. */
const STEP_SWATCH = 24;
const STEP_GAP = 16;

/** The width of a stepped legend's swatches and labels, the gap after the last included. */
const stepsWidth = (steps: string[]): number =>
  steps.reduce((width, label) => width + STEP_SWATCH + textWidth(label) + STEP_GAP, 0);

/** The legend's title, in bold: about a tenth wider than `textWidth` measures plain text (it was cut at the edge). */
const titleWidth = (label: string): number => textWidth(label) * 1.1;

function describe(chart: HeatmapChart, min: number, max: number): string {
  if (chart.description) return chart.description;
  return (
    `Heatmap of ${chart.legend.label}: ${chart.rows.length} rows by ${chart.columns.length} columns, ` +
    `shaded from ${chartValueLabel(min, chart.legend.format, chart.language)} (light) to ${chartValueLabel(max, chart.legend.format, chart.language)} (dark).`
  );
}

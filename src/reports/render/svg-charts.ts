import { Chart } from './report-document';
import { barChartSvg } from './svg-bar-chart';
import { heatmapSvg } from './svg-heatmap';
import { lineChartSvg } from './svg-line-chart';

/**
 * One chart as an inline <svg> element: no script, no external reference, every text escaped. `id` must be
 * unique in the page (it prefixes the ids of <title>, <desc> and patterns); `title` names the chart for
 * screen readers (<title> and aria-label).
 */
export function renderChartSvg(chart: Chart, id: string, title: string): string {
  const name = chart.title ?? title;
  switch (chart.kind) {
    case 'line':
      return lineChartSvg(chart, id, name);
    case 'heatmap':
      return heatmapSvg(chart, id, name);
    case 'bar':
      return barChartSvg(chart, id, name);
  }
}

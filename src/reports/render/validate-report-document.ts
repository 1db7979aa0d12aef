import { Chart, isListCell, isRichCell, ReportDocument, SEVERITIES, Table } from './report-document';

/**
 * Checks the invariants that TypeScript cannot: unique ids and keys, chart dimensions, ranges.
 * Throws one error listing every problem, so a report bug shows up at render time and not as a broken file.
 */
export function assertValidReportDocument(document: ReportDocument): void {
  const problems: string[] = [];
  if (!document.title.trim()) problems.push('title is empty');
  if (Number.isNaN(Date.parse(document.generatedAt))) problems.push('generatedAt is not an ISO date');
  for (const [name, day] of Object.entries(document.parameterDates ?? {})) {
    if (!(name in document.parameters)) problems.push(`parameterDates "${name}" is no parameter`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) problems.push(`parameterDates "${name}" is not a day YYYY-MM-DD`);
  }
  const ids = new Set<string>();
  for (const section of document.sections) {
    const where = `section "${section.id}"`;
    if (!section.id) problems.push('a section has an empty id');
    if (ids.has(section.id)) problems.push(`${where}: duplicate id`);
    ids.add(section.id);
    if (section.table) problems.push(...tableProblems(section.table).map((p) => `${where}: ${p}`));
    if (section.chart) problems.push(...chartProblems(section.chart).map((p) => `${where}: ${p}`));
  }
  if (problems.length > 0) throw new Error(`Invalid report document: ${problems.join('; ')}`);
}

function tableProblems(table: Table): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const kinds = new Map(table.columns.map((c) => [c.key, c.kind]));
  for (const column of table.columns) {
    if (keys.has(column.key)) problems.push(`duplicate column key "${column.key}"`);
    keys.add(column.key);
  }
  if (table.rowHeaderKey !== undefined && !keys.has(table.rowHeaderKey)) {
    problems.push(`rowHeaderKey "${table.rowHeaderKey}" is not a column`);
  }
  table.rows.forEach((row, index) => {
    for (const [key, cell] of Object.entries(row)) {
      const where = `row ${index} "${key}"`;
      if (typeof cell === 'number' && !Number.isFinite(cell)) problems.push(`${where} is not finite`);
      if (typeof cell === 'number' && kinds.get(key) === 'year' && !Number.isInteger(cell))
        problems.push(`${where} is not a whole year`);
      if (isListCell(cell)) {
        cell.forEach((item, i) => {
          const text = typeof item === 'string' ? item : item?.text;
          if (typeof text !== 'string') problems.push(`${where} item ${i} has no text`);
          else if (typeof item === 'object' && item.href !== undefined && typeof item.href !== 'string')
            problems.push(`${where} item ${i} has a link that is not text`);
        });
        continue;
      }
      if (!isRichCell(cell)) continue;
      if (typeof cell.text !== 'string') problems.push(`${where} has no text`);
      if (cell.level !== undefined && !(cell.level >= 0 && cell.level <= 1)) {
        problems.push(`row ${index} "${key}" level out of 0..1`);
      }
      if (cell.severity !== undefined && !SEVERITIES.includes(cell.severity)) {
        problems.push(`row ${index} "${key}" unknown severity`);
      }
    }
  });
  return problems;
}

function chartProblems(chart: Chart): string[] {
  switch (chart.kind) {
    case 'line':
      return chart.series.flatMap((s) =>
        s.points.some((p) => !Number.isFinite(p.y)) ? [`series "${s.name}" has a non-finite y`] : [],
      );
    case 'heatmap': {
      const problems: string[] = [];
      if (chart.values.length !== chart.rows.length) problems.push('heatmap values do not match rows');
      if (chart.rowCounts && chart.rowCounts.values.length !== chart.rows.length) {
        problems.push('heatmap rowCounts do not match rows');
      }
      if (chart.values.some((row) => row.length !== chart.columns.length)) {
        problems.push('heatmap values do not match columns');
      }
      if (
        chart.cellLabels &&
        (chart.cellLabels.length !== chart.rows.length ||
          chart.cellLabels.some((row) => row.length !== chart.columns.length))
      ) {
        problems.push('heatmap cellLabels do not match values');
      }
      return problems;
    }
    case 'bar':
      return chart.series.flatMap((s) =>
        s.values.length !== chart.categories.length
          ? [`bar series "${s.name}" does not match categories`]
          : [],
      );
  }
}

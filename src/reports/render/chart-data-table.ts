import { Chart, Column, Section, Table } from './report-document';

/** The table to show in tabular formats: the section's own, else its chart's data, else none. */
export function sectionTable(section: Section): Table | undefined {
  return section.table ?? (section.chart ? chartDataTable(section.chart) : undefined);
}

/** The data of a chart as a table, so that formats without charts still carry it. */
export function chartDataTable(chart: Chart): Table {
  switch (chart.kind) {
    case 'line': {
      const xs = lineXValues(chart.series.flatMap((s) => s.points.map((p) => p.x)));
      const numericX = xs.every((x) => typeof x === 'number');
      const valueKind = chart.yFormat === 'percent' ? 'percent' : 'number';
      const columns: Column[] = [
        // Whole-number x values are years here: 2015, never "2,015".
        {
          key: 'x',
          label: chart.xLabel,
          kind: numericX ? (xs.every((x) => Number.isInteger(x)) ? 'year' : 'number') : 'text',
        },
        ...chart.series.map(
          (s, i) => ({ key: `s${i}`, label: chart.valueColumns?.[i] ?? s.name, kind: valueKind }) as Column,
        ),
      ];
      const rows = xs.map((x) => {
        const row: Table['rows'][number] = { x };
        chart.series.forEach((s, i) => {
          row[`s${i}`] = s.points.find((p) => p.x === x)?.y ?? null;
        });
        return row;
      });
      return { columns, rows };
    }
    case 'heatmap': {
      const valueKind = chart.legend.format === 'percent' ? 'percent' : 'number';
      const pendingLabel = chart.legend.pendingLabel ?? 'awaiting review';
      const columns: Column[] = [
        // Every column has a name: a nameless one reads as "Unnamed: 0" in pandas.
        { key: 'row', label: chart.rowLabel ?? 'Row' },
        ...(chart.rowCounts
          ? [{ key: 'count', label: chart.rowCounts.label, kind: 'number' } as Column]
          : []),
        ...chart.columns.map(
          (label, i) =>
            ({ key: `c${i}`, label: chart.valueColumns?.[i] ?? label, kind: valueKind }) as Column,
        ),
        // Whether a cell rests on proposals only, one yes/no column per column, after them all, for programs:
        // a reader's format words it in the cell.
        ...(chart.pending
          ? chart.columns.map((label, i): Column => ({
              key: `p${i}`,
              label: `${label}: ${pendingLabel}`,
              dataOnly: true,
            }))
          : []),
      ];
      const rows = chart.rows.map((label, r) => {
        const row: Table['rows'][number] = { row: label };
        if (chart.rowCounts) row.count = chart.rowCounts.values[r] ?? null;
        chart.columns.forEach((_, c) => {
          const pending = chart.pending?.[r]?.[c] ?? false;
          // A pending cell is the value counted (a number in every row, so that the column holds one type), worded
          // for a reader with its label; its own column says it rests on proposals, so that 0 is not an absence.
          row[`c${c}`] = pending
            ? {
                text: `${chart.cellLabels?.[r]?.[c] ?? ''} ${pendingLabel}`.trim(),
                value: chart.values[r]?.[c] ?? 0,
                pending: true,
              }
            : (chart.values[r]?.[c] ?? null);
          if (chart.pending) row[`p${c}`] = pending;
        });
        return row;
      });
      return { columns, rows };
    }
    case 'bar': {
      const valueKind = chart.valueFormat === 'percent' ? 'percent' : 'number';
      const columns: Column[] = [
        { key: 'category', label: chart.categoryLabel },
        ...chart.series.map(
          (s, i) => ({ key: `s${i}`, label: chart.valueColumns?.[i] ?? s.name, kind: valueKind }) as Column,
        ),
      ];
      const rows = chart.categories.map((category, c) => {
        const row: Table['rows'][number] = { category };
        chart.series.forEach((s, i) => {
          row[`s${i}`] = s.values[c] ?? null;
        });
        return row;
      });
      return { columns, rows };
    }
  }
}

/** Distinct x values: numbers sorted ascending, otherwise in order of first appearance. */
export function lineXValues(xs: (string | number)[]): (string | number)[] {
  const distinct = [...new Set(xs)];
  return distinct.every((x) => typeof x === 'number')
    ? (distinct as number[]).sort((a, b) => a - b)
    : distinct;
}

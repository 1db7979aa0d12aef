import { cellList, neutraliseFormula } from '../common/spreadsheet-formula';

/**
 * The CSV of the exports, written a line at a time without a stream per row: the same bytes as csv-stringify
 * with the options the export used (header, `,` and `"`, `\n` after every record, strings neutralised as
 * formulas, booleans as `true`/`false`, a list as `a;b`, null as an empty field), which export-csv.spec.ts
 * checks against csv-stringify itself. The export writes tens of thousands of rows; a Transform stream per
 * record cost more than reading them.
 */

/** Quoted when it holds the delimiter, the quote or a line break (csv-stringify's rule for `,` `"` `\n`). */
const NEEDS_QUOTES = /[",\n\r]/;

/** One cell: csv-stringify's cast (by type, as the export configured it), then its quoting. */
export function csvCell(value: unknown): string {
  let text: string;
  switch (typeof value) {
    case 'string':
      text = neutraliseFormula(value);
      break;
    case 'number':
    case 'bigint':
      text = `${value}`;
      break;
    case 'boolean':
      text = String(value);
      break;
    case 'object':
      if (value === null) return '';
      if (value instanceof Date) text = `${value.getTime()}`;
      else text = Array.isArray(value) ? neutraliseFormula(cellList(value.map(String))) : '';
      break;
    default:
      return '';
  }
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One record (the cells of `columns`, in order) with its line end. */
export function csvLine(columns: readonly string[], row: Readonly<Record<string, unknown>>): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i) line += ',';
    line += csvCell(row[columns[i]]);
  }
  return `${line}\n`;
}

/** The header line: the column names, cast and quoted like any cell. */
export function csvHeader(columns: readonly string[]): string {
  return `${columns.map(csvCell).join(',')}\n`;
}

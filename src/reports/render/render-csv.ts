import { neutraliseFormula } from '../../common/spreadsheet-formula';
import { stringify } from 'csv-stringify/sync';

import { sectionTable } from './chart-data-table';
import { cellHref, cellRawValue } from './cell-format';
import { ReportDocument, Section, Table } from './report-document';

const BOM = '\uFEFF';

export interface CsvOptions {
  /** Prefix a UTF-8 byte order mark so that Excel reads accents right. Default true. */
  bom?: boolean;
}

/** One section's table (or chart data) as CSV: a header row, then one row per record. */
export function renderSectionCsv(
  document: ReportDocument,
  sectionId: string,
  options: CsvOptions = {},
): string {
  const section = document.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`Unknown report section "${sectionId}"`);
  const table = sectionTable(section);
  return withBom(table ? stringifyRecords(tableRecords(table)) : '', options);
}

/**
 * Every section with a table (or chart data), each preceded by a one-field line naming it and separated
 * from the next by an empty line.
 */
export function renderCombinedCsv(document: ReportDocument, options: CsvOptions = {}): string {
  const blocks = document.sections
    .map((section): [Section, Table | undefined] => [section, sectionTable(section)])
    .filter((entry): entry is [Section, Table] => entry[1] !== undefined)
    .map(([section, table]) => stringifyRecords([[section.title], ...tableRecords(table)]));
  return withBom(blocks.join('\r\n'), options);
}

/** Header plus rows; a column with links gets a "<label> (link)" column right after it. */
export function tableRecords(table: Table): string[][] {
  const linked = new Set(
    table.columns.filter((c) => table.rows.some((row) => cellHref(row[c.key]))).map((c) => c.key),
  );
  const header = table.columns.flatMap((c) =>
    linked.has(c.key) ? [c.label, `${c.label} (link)`] : [c.label],
  );
  const rows = table.rows.map((row) =>
    table.columns.flatMap((c) => {
      const value = csvField(cellRawValue(row[c.key]));
      return linked.has(c.key) ? [value, neutraliseFormula(cellHref(row[c.key]) ?? '')] : [value];
    }),
  );
  return [header.map(neutraliseFormula), ...rows];
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : neutraliseFormula(value);
}

function stringifyRecords(records: string[][]): string {
  // Quote any field with a line break, not only those containing the CRLF record delimiter.
  return stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

function withBom(csv: string, options: CsvOptions): string {
  return options.bom === false ? csv : BOM + csv;
}

export { neutraliseFormula };

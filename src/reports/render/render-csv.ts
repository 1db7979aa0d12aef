import { CSV_BOM, neutraliseFormula } from '../../common/spreadsheet-formula';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync, Zippable } from 'fflate';

import type { Language } from '../../common/i18n';
import { say, text } from '../common/report-texts';
import { sectionTable } from './chart-data-table';
import { cellDisplayText, cellHasLink, cellRawLinks, cellRawValue } from './cell-format';
import { Column, ReportDocument, Section, Table } from './report-document';

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
  return withBom(table ? stringifyRecords(tableRecords(table, document.language)) : '', options);
}

/** The sections that have a table (or chart data), each of which is one CSV file. */
export function csvSections(document: ReportDocument): { section: Section; table: Table }[] {
  return document.sections.flatMap((section) => {
    const table = sectionTable(section);
    return table ? [{ section, table }] : [];
  });
}

/**
 * Every table as its own CSV file, in a ZIP: `<section id>.csv` in document order, so that any CSV reader
 * (pandas, R, a spreadsheet) reads each file as one table, after `about.csv` (`ABOUT_CSV`): the title, the
 * parameters and the notes, which the other whole-report files (XLSX's About sheet, Markdown, JSON, HTML) carry
 * too, since the tables are true only under them. Entries are dated `generatedAt`: the same report gives the
 * same bytes.
 */
export function renderCsvZip(document: ReportDocument, options: CsvOptions = {}): Buffer {
  const mtime = new Date(document.generatedAt);
  const files: Zippable = {
    [ABOUT_CSV]: [strToU8(withBom(stringifyRecords(aboutRecords(document)), options)), { mtime }],
  };
  for (const { section, table } of csvSections(document)) {
    const stem = csvFileStem(section.id);
    const name = files[`${stem}.csv`] ? `${stem}-${Object.keys(files).length + 1}.csv` : `${stem}.csv`;
    files[name] = [
      strToU8(withBom(stringifyRecords(tableRecords(table, document.language)), options)),
      { mtime },
    ];
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** The ZIP's file of what the report is and the notes it holds under; no section id is `about`. */
export const ABOUT_CSV = 'about.csv';

/** Two columns, an item and its text: the title and subtitle, when it was made, each parameter, each note. */
export function aboutRecords(document: ReportDocument): string[][] {
  const lang = document.language ?? 'en';
  const t = (
    key:
      'file.aboutItem' | 'file.aboutText' | 'file.report' | 'file.subtitle' | 'file.generated' | 'file.notes',
  ) => say(lang, text(key));
  const rows: string[][] = [[t('file.report'), document.title]];
  if (document.subtitle) rows.push([t('file.subtitle'), document.subtitle]);
  rows.push([t('file.generated'), document.generatedAt]);
  // A date parameter as a day (YYYY-MM-DD) in every language, as the XLSX file's date cells: a program reads it.
  for (const [name, value] of Object.entries(document.parameters))
    rows.push([
      say(lang, text('file.parameterLine', { name: say(lang, text('file.parameters')), value: name })),
      document.parameterDates?.[name] ?? value,
    ]);
  for (const note of document.notes) rows.push([t('file.notes'), note]);
  return [[t('file.aboutItem'), t('file.aboutText')], ...rows].map((row) => row.map(csvField));
}

/** A section id as a file name: letters, digits, dots, dashes and underscores only. */
export function csvFileStem(sectionId: string): string {
  return sectionId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'section';
}

/**
 * Header plus rows; a column with links gets a "<label> (link)" column right after it ("(lien)", "(enlace)" in a
 * French or Spanish document; a list's links joined in the order of its items).
 */
export function tableRecords(table: Table, lang: Language = 'en'): string[][] {
  const linked = new Set(
    table.columns
      .filter((c) => c.links || table.rows.some((row) => cellHasLink(row[c.key])))
      .map((c) => c.key),
  );
  // A share is written as the pages show it, in percent rounded as they round it (33.3, not 0.3333333333333333
  // beside "33.3%"), its header saying so: the same in every CSV (`percentColumnLabel`, `csvPercent`).
  const label = (c: Column) => (c.kind === 'percent' ? percentColumnLabel(c.label) : c.label);
  const header = table.columns.flatMap((c) =>
    linked.has(c.key) ? [label(c), say(lang, text('file.linkColumn', { label: label(c) }))] : [label(c)],
  );
  // A column is numbers or text, never both: where one cell can only be written as text ("2 proposed, awaiting
  // review", "1.8% (5 accepted + 5 proposed)"), every cell of the column is written as its reader sees it (the trends'
  // groups.csv gave 0.0109 beside "1.8% (5 accepted + 5 proposed)", a fraction read as 0.01% beside percentages).
  const mixed = new Set(
    table.columns
      .filter((c) => {
        const kinds = new Set(
          table.rows
            .map((row) => cellRawValue(row[c.key]))
            .filter((v) => v !== null)
            .map((v) => typeof v),
        );
        return kinds.has('number') && kinds.has('string');
      })
      .map((c) => c.key),
  );
  const rows = table.rows.map((row) =>
    table.columns.flatMap((c) => {
      const value = csvField(
        mixed.has(c.key) && row[c.key] !== null && row[c.key] !== undefined
          ? cellDisplayText(row[c.key], c, lang)
          : c.kind === 'percent'
            ? csvPercent(cellRawValue(row[c.key]), c.decimals)
            : cellRawValue(row[c.key]),
      );
      return linked.has(c.key) ? [value, neutraliseFormula(cellRawLinks(row[c.key]))] : [value];
    }),
  );
  return [header.map(neutraliseFormula), ...rows];
}

/** Numbers as written by JavaScript, booleans `true`/`false` (what pandas reads as booleans), text made safe. */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

function stringifyRecords(records: string[][]): string {
  // Quote any field with a line break, not only those containing the CRLF record delimiter.
  return stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

function withBom(csv: string, options: CsvOptions): string {
  return options.bom === false ? csv : CSV_BOM + csv;
}

export { neutraliseFormula };

/** A percent column's header in the CSV: "Share of agreements with accepted evidence (%)". */
export const percentColumnLabel = (label: string): string => (/\(%\)$/.test(label) ? label : `${label} (%)`);

/** A share (a fraction) as the CSV writes it: percent, rounded to the column's decimals (1 by default, as shown). */
export function csvPercent(
  value: string | number | boolean | null,
  decimals = 1,
): string | number | boolean | null {
  if (typeof value !== 'number') return value;
  const scale = 10 ** decimals;
  return Math.round(value * 100 * scale) / scale;
}

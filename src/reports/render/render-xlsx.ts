import { kindIn, reportTranslator, say, text } from '../common/report-texts';
import { looksLikeFormula } from '../../common/spreadsheet-formula';
import type ExcelJS from 'exceljs';

import { sectionTable } from './chart-data-table';
import {
  cellDisplayText,
  columnLabel,
  cellHref,
  cellNumber,
  isNumericColumn,
  CSV_LIST_SEPARATOR,
  listItems,
} from './cell-format';
import { needsLightText, shadeHex } from './shading';
import { uniqueSheetNames } from './sheet-names';
import {
  CellValue,
  Column,
  isListCell,
  isRichCell,
  ListCell,
  ReportDocument,
  Table,
} from './report-document';

/** The first sheet's name in English; another language's is `file.about`. */
const aboutSheet = (document: ReportDocument) => say(document.language ?? 'en', text('file.about'));
/** Evidence awaiting review: light amber stripes, still readable in black and white. */
const PENDING_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'lightUp',
  fgColor: { argb: 'FFE0A040' },
  bgColor: { argb: 'FFFFFFFF' },
};
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

export interface XlsxOptions {
  /** Base that relative hrefs are resolved against: spreadsheets cannot follow relative links. */
  linkBaseUrl?: string;
}

/** A workbook: an "About" sheet (title, parameters, notes, contents), then one sheet per table. */
export async function renderXlsx(document: ReportDocument, options: XlsxOptions = {}): Promise<Buffer> {
  // exceljs is required on the first workbook, not at start: about 670 modules, a sixth of what the server loads.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Clause Tracker';
  workbook.created = new Date(document.generatedAt);
  workbook.modified = workbook.created;
  workbook.title = document.title;

  const tables = document.sections.flatMap((section) => {
    const table = sectionTable(section);
    return table ? [{ section, table }] : [];
  });
  const names = uniqueSheetNames(
    tables.map((t) => t.section.sheetName ?? t.section.title),
    [aboutSheet(document)],
    tables.map((t) => t.section.id),
  );
  addAboutSheet(
    workbook,
    document,
    tables.map((t, i) => ({ sheet: names[i], title: t.section.title, description: t.section.description })),
  );
  tables.forEach(({ table }, i) => addTableSheet(workbook.addWorksheet(names[i]), table, options));

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

interface ContentsEntry {
  sheet: string;
  title: string;
  description?: string;
}

function addAboutSheet(
  workbook: ExcelJS.Workbook,
  document: ReportDocument,
  contents: ContentsEntry[],
): void {
  const t = reportTranslator(document.language ?? 'en');
  const sheet = workbook.addWorksheet(aboutSheet(document));
  sheet.columns = [{ width: 28 }, { width: 90 }];
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true, size: 12 };
  };
  sheet.addRow([document.title]).font = { bold: true, size: 14 };
  if (document.subtitle) sheet.addRow([document.subtitle]).font = { italic: true };
  const generated = sheet.addRow([t('file.generated'), new Date(document.generatedAt)]);
  generated.getCell(2).numFmt = 'yyyy-mm-dd hh:mm "UTC"';
  generated.getCell(2).alignment = { horizontal: 'left' };
  sheet.addRow([t('file.report'), kindIn(document.language ?? 'en', document.kind)]);

  const parameters = Object.entries(document.parameters);
  if (parameters.length > 0) {
    heading(t('file.parameters'));
    for (const [name, value] of parameters) {
      // A date parameter (as of, in force since) is a date cell, as the tables' dates are, in every language.
      const day = document.parameterDates?.[name] ?? value;
      if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)) {
        const cell = sheet.addRow([name, new Date(`${day}T00:00:00Z`)]).getCell(2);
        cell.numFmt = 'yyyy-mm-dd';
        cell.alignment = { horizontal: 'left' };
      } else sheet.addRow([name, value]);
    }
  }
  if (document.notes.length > 0) {
    heading(t('file.notes'));
    for (const note of document.notes) sheet.addRow([note]);
  }
  if (contents.length > 0) {
    heading(t('file.sheets'));
    for (const entry of contents) {
      const label = entry.sheet === entry.title ? entry.sheet : `${entry.sheet} (${entry.title})`;
      sheet.addRow([label, entry.description ?? '']);
    }
  }
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

function addTableSheet(sheet: ExcelJS.Worksheet, table: Table, options: XlsxOptions): void {
  sheet.columns = table.columns.map((column) => ({
    header: column.label,
    key: column.key,
    width: columnWidth(column, table),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }

  table.rows.forEach((record, r) => {
    const row = sheet.getRow(r + 2);
    table.columns.forEach((column, c) => writeCell(row.getCell(c + 1), record[column.key], column, options));
  });
}

function writeCell(
  cell: ExcelJS.Cell,
  value: CellValue | undefined,
  column: Column,
  options: XlsxOptions,
): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'boolean') {
    cell.value = value;
    return;
  }
  if (isListCell(value)) {
    writeList(cell, value, column, options);
    return;
  }
  const href = cellHref(value);
  const number = cellNumber(value);
  if (href !== undefined && isRichCell(value)) {
    cell.value = {
      text: columnLabel(column, value.text),
      hyperlink: absoluteHref(href, options.linkBaseUrl),
    };
    cell.font = LINK_FONT;
  } else if (number !== undefined) {
    cell.value = number;
    const format = numberFormat(column);
    if (format) cell.numFmt = format;
  } else if (isRichCell(value) && value.date !== undefined && isIsoDate(value.date)) {
    writeDate(cell, value.date);
  } else if (column.kind === 'date' && typeof value === 'string' && isIsoDate(value)) {
    writeDate(cell, value);
  } else {
    cell.value = isRichCell(value)
      ? columnLabel(column, value.text)
      : typeof value === 'string'
        ? columnLabel(column, value)
        : value;
    // Stored as a string, never a formula; the text format keeps it so when someone edits the cell.
    if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
  }
  if (isRichCell(value)) {
    if (value.level !== undefined) {
      cell.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: `FF${shadeHex(value.level).slice(1)}` },
      };
      if (needsLightText(value.level)) cell.font = { ...cell.font, color: { argb: 'FFFFFFFF' } };
    }
    if (value.severity === 'HIGH') cell.font = { ...cell.font, bold: true };
    if (value.pending) {
      cell.fill = PENDING_FILL;
      cell.font = { ...cell.font, italic: true };
    }
  }
}

/**
 * A list as text ("a;b;c", as in the CSV: `CELL_LIST_SEPARATOR`). A cell holds one hyperlink: it goes to the first linked item, and when several
 * items link, the cell's note lists every item with its address.
 */
function writeList(cell: ExcelJS.Cell, list: ListCell, column: Column, options: XlsxOptions): void {
  const items = listItems(list, column);
  if (items.length === 0) return;
  const text = items.map((i) => i.text).join(CSV_LIST_SEPARATOR);
  const linked = items.filter((i) => i.href !== undefined);
  if (linked.length === 0) {
    cell.value = text;
    if (looksLikeFormula(text)) cell.numFmt = '@';
    return;
  }
  cell.value = { text, hyperlink: absoluteHref(linked[0].href!, options.linkBaseUrl) };
  cell.font = LINK_FONT;
  if (linked.length > 1)
    cell.note = linked.map((i) => `${i.text}: ${absoluteHref(i.href!, options.linkBaseUrl)}`).join('\n');
}

/** A real date (a serial number with a date format), not text: sorts, filters and computes as a date. */
function writeDate(cell: ExcelJS.Cell, iso: string): void {
  cell.value = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  cell.numFmt = iso.length === 10 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
}

function numberFormat(column: Column): string | undefined {
  const decimals = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');
  if (column.kind === 'percent') return `${decimals(column.decimals ?? 1)}%`;
  if (column.decimals !== undefined) return `#,##${decimals(column.decimals)}`;
  return undefined;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value));
}

function absoluteHref(href: string, base: string | undefined): string {
  if (!base) return href;
  try {
    return new URL(href, base).toString();
  } catch {
    return href;
  }
}

function columnWidth(column: Column, table: Table): number {
  const lengths = table.rows.slice(0, 200).map((row) => {
    const cell = row[column.key];
    return cellDisplayText(cell, column).length;
  });
  const widest = Math.max(column.label.length, ...lengths, isNumericColumn(column) ? 8 : 4);
  return Math.min(60, widest + 2);
}

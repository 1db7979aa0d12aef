import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import MarkdownIt from 'markdown-it';
import type { Response } from 'supertest';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Downloads read back by real readers, as a user's tools would: a strict CSV parser, exceljs, and a
 * CommonMark parser with GFM tables (markdown-it with raw HTML recognised, so that any HTML shows up).
 */

/** One table: a header, then records of exactly as many fields (csv-parse throws otherwise). */
export function readCsvTable(csv: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parse(csv, { bom: true, relax_column_count: false, relax_quotes: false }) as string[][];
  if (rows.length === 0) throw new Error('empty CSV');
  const [header, ...body] = rows;
  if (new Set(header).size !== header.length) throw new Error(`duplicate column names: ${header.join(', ')}`);
  if (header.some((h) => h === '')) throw new Error('a column without a name');
  return {
    header,
    records: body.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]]))),
  };
}

/** What pandas would make of a column: numbers with a missing value become floats ("27" reads as 27.0). */
export function loadsAsFloat(records: Record<string, string>[], column: string): boolean {
  const values = records.map((r) => r[column]);
  const present = values.filter((v) => v !== '');
  return present.length > 0 && present.length < values.length && present.every((v) => /^-?\d+$/.test(v));
}

/**
 * Whether an analyst's tool changes a CSV cell on reading it: pandas' `read_csv` reads a number ("12.10" becomes
 * 12.1, "7" an integer), LibreOffice's and Excel's imports a number or a date ("1.2", "1/2", "3-4" in some
 * locales). A column none of whose cells does so is read as the text it holds, with no dtype given.
 */
export function readsAsNumberOrDate(value: string): boolean {
  const v = value.trim();
  return (
    /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$/.test(v) ||
    /^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$/.test(v)
  );
}

/**
 * The cells that a spreadsheet splitting on `;` or tab would run as formulas on opening a CSV: Excel in a French,
 * German or Spanish locale (`;`), LibreOffice with `;` or tab ticked (its import dialogue ticks comma, semicolon and
 * tab). Where such a reader does not split on `,`, it takes a quote only at a field's start, so it starts a cell at
 * each `;` and tab and a row at each LF or CR, whatever our quotes: LibreOffice 7.4 read `x,"Films;=1+1;",y` as
 * `x,"Films`, `=1+1`, `",y`, and `x,"a<CR>=1+1<CR>b",y` as three rows, the second the formula `=1+1`
 * (docs/performance-log.md, sheets22). A cell that starts with = + - @ and is no signed number is a formula (OWASP's
 * list: LibreOffice makes formulas of `=` alone).
 */
export function formulasInSemicolonLocale(csv: string): string[] {
  return csv
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|[\n;\t]/)
    .filter((cell) => /^[=+\-@]/.test(cell) && !/^[+-]\d+([.,]\d+)?$/.test(cell));
}

/** A supertest `parse` that keeps a binary body (XLSX, ZIP) as the bytes sent: `.buffer(true).parse(bodyBytes)`. */
export function bodyBytes(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

export async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

export interface MarkdownTable {
  header: string[];
  rows: string[][];
  /** Inline token types found in cells (e.g. 'html_inline' would be raw HTML). */
  cellTokenTypes: Set<string>;
}

/** Every GFM table of a Markdown document, and whether the document has any raw HTML. */
export function readMarkdown(markdown: string): { tables: MarkdownTable[]; html: string[]; links: string[] } {
  const tokens = new MarkdownIt('commonmark', { html: true }).enable('table').parse(markdown, {});
  const tables: MarkdownTable[] = [];
  const html: string[] = [];
  const links: string[] = [];
  let table: MarkdownTable | undefined;
  let row: string[] | undefined;
  let inHead = false;
  const walkInline = (children: Token[]) => {
    for (const child of children) {
      if (child.type === 'html_inline') html.push(child.content);
      if (child.type === 'link_open') links.push(child.attrGet('href') ?? '');
      if (table) table.cellTokenTypes.add(child.type);
    }
  };
  for (const token of tokens) {
    if (token.type === 'html_block') html.push(token.content);
    if (token.type === 'table_open') table = { header: [], rows: [], cellTokenTypes: new Set() };
    if (token.type === 'table_close' && table) {
      tables.push(table);
      table = undefined;
    }
    if (token.type === 'thead_open') inHead = true;
    if (token.type === 'thead_close') inHead = false;
    if (token.type === 'tr_open') row = [];
    if (token.type === 'tr_close' && table && row) {
      if (inHead) table.header = row;
      else table.rows.push(row);
      row = undefined;
    }
    if (token.type === 'inline') {
      if (row) row.push(token.content);
      walkInline(token.children ?? []);
    }
  }
  return { tables, html, links };
}

/**
 * The cells that LibreOffice's import dialogue with "Trim spaces" and "Evaluate formulas" ticked (both off by default)
 * runs as formulas: it trims a cell's spaces before its formula test, so ` =1+1` is one (LibreOffice 7.4.7 tried,
 * docs/performance-log.md, hostile23), read comma-separated with quotes (`csv-parse`) or split on `;`, tab and line
 * breaks as `formulasInSemicolonLocale` splits. Only `=` starts a formula there, and only spaces are trimmed.
 */
export function formulasWhenTrimmed(csv: string): string[] {
  const body = csv.replace(/^\uFEFF/, '');
  const quoted = (parse(body, { relax_column_count: true }) as string[][]).flat();
  const split = body.split(/\r\n?|[\n;\t]/);
  return [...quoted, ...split].filter((cell) => /^ *=/.test(cell));
}

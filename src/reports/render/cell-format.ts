import { frenchFirstDay, type Language } from '../../common/i18n';
import { CELL_LIST_SEPARATOR } from '../../common/spreadsheet-formula';
import { dateIn, numberIn, percentIn, say, text } from '../common/report-texts';
import { CellValue, Column, isListCell, isRichCell, ListCell, ValueFormat } from './report-document';

/** How the items of a list cell are joined in one CSV field or XLSX cell: the one rule of every spreadsheet download. */
export const CSV_LIST_SEPARATOR = CELL_LIST_SEPARATOR;
/** How the items of a list cell are joined for a reader (HTML, Markdown). */
export const LIST_SEPARATOR = ', ';

const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data)\s*:/i;

/** The href to emit, or undefined when there is none or it could run code when clicked. */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined || href === '') return undefined;
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so test without them.
  // eslint-disable-next-line no-control-regex
  return UNSAFE_SCHEME.test(href.replace(/[\u0000-\u001f\u007f\s]/g, '')) ? undefined : href;
}

/** The one link of a rich cell (a list's items have links of their own: `listItems`). */
export function cellHref(cell: CellValue | undefined): string | undefined {
  return isRichCell(cell) ? safeHref(cell.href) : undefined;
}

/**
 * The items of a list cell, each with its safe link (if any); given its column, a reader's words for the codes
 * (`Column.labels`), which CSV, reading the items without it, leaves as codes.
 */
export function listItems(cell: ListCell, column?: Column): { text: string; href?: string }[] {
  const word = (code: string) => (column ? columnLabel(column, code) : code);
  return cell.map((item) =>
    typeof item === 'string' ? { text: word(item) } : { text: word(item.text), href: safeHref(item.href) },
  );
}

/** Whether a cell carries any link: its own, or one of its list items'. */
export function cellHasLink(cell: CellValue | undefined): boolean {
  return isListCell(cell) ? listItems(cell).some((i) => i.href) : cellHref(cell) !== undefined;
}

/** The number behind a cell, when it has one. */
export function cellNumber(cell: CellValue | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  if (isRichCell(cell) && typeof cell.value === 'number') return cell.value;
  return undefined;
}

/** One formatter per number of decimals: `toLocaleString` with options makes a new one at every call. */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals?: number, lang: Language = 'en'): string {
  const digits = decimals ?? (Number.isInteger(value) ? 0 : 2);
  if (lang !== 'en')
    return digits === 0 && Number.isInteger(value)
      ? numberIn(lang, value)
      : new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
          value,
        );
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** "25.0%" ("25,0 %" in French and Spanish). */
export function formatPercent(fraction: number, decimals = 1, lang: Language = 'en'): string {
  return percentIn(lang, fraction, decimals);
}

/**
 * A share on a chart (a heatmap's cell, a bar's or a point's label): whole percent, for room, but never "0%" for a
 * share above none nor "100%" for one below all, which would state what the figures deny (Asia's one cultural
 * exemption in 239 agreements read "0%" beside the table's 0.4%): such a share takes the decimals it needs, up to 3.
 */
export function formatChartPercent(fraction: number, lang: Language = 'en'): string {
  let decimals = 0;
  const misstates = (d: number) => {
    const rounded = Math.round(fraction * 100 * 10 ** d) / 10 ** d;
    return (fraction > 0 && rounded === 0) || (fraction < 1 && rounded === 100);
  };
  while (decimals < 3 && misstates(decimals)) decimals += 1;
  return formatPercent(fraction, decimals, lang);
}

export function formatValue(
  value: number,
  format: ValueFormat | undefined,
  decimals?: number,
  lang: Language = 'en',
): string {
  return format === 'percent' ? formatPercent(value, decimals, lang) : formatNumber(value, decimals, lang);
}

/** YYYY-MM-DD for ISO timestamps, other strings unchanged; in French and Spanish, a date as they write it. */
export function formatDate(value: string, lang: Language = 'en'): string {
  const day = /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
  return dateIn(lang, day);
}

const timestampFormats = new Map<Language, Intl.DateTimeFormat>();

/** "2026-11-29 05:10 UTC" for display of `generatedAt` ("29 nov. 2026, 05:10 UTC" in French). */
export function formatTimestamp(iso: string, lang: Language = 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (lang === 'en') return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  let format = timestampFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    timestampFormats.set(lang, format);
  }
  return `${frenchFirstDay(lang, format.format(date))} UTC`;
}

/** The text a reader sees for a cell, formatted by the column kind. */
export function cellDisplayText(cell: CellValue | undefined, column: Column, lang: Language = 'en'): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'boolean') return say(lang, text(cell ? 'value.yes' : 'value.no'));
  if (isListCell(cell))
    return listItems(cell, column)
      .map((i) => i.text)
      .join(LIST_SEPARATOR);
  if (isRichCell(cell)) return columnLabel(column, cell.text);
  if (typeof cell === 'number') {
    if (column.kind === 'percent') return formatPercent(cell, column.decimals, lang);
    if (column.kind === 'year') return String(cell);
    return formatNumber(cell, column.decimals, lang);
  }
  if (column.kind === 'date') return formatDate(cell, lang);
  return columnLabel(column, cell);
}

/** A code's word in a column with `labels` (the code itself where there is none). */
export const columnLabel = (column: Column, code: string): string =>
  column.labels && Object.prototype.hasOwnProperty.call(column.labels, code) ? column.labels[code] : code;

/**
 * The value written to machine-readable formats (CSV): raw numbers (percent as fractions), booleans, plain
 * text, a list's texts joined by `CSV_LIST_SEPARATOR`.
 */
export function cellRawValue(cell: CellValue | undefined): string | number | boolean | null {
  if (cell === undefined || cell === null) return null;
  if (isListCell(cell))
    return listItems(cell)
      .map((i) => i.text)
      .join(CSV_LIST_SEPARATOR);
  if (isRichCell(cell)) return typeof cell.value === 'number' ? cell.value : (cell.date ?? cell.text);
  return cell;
}

/**
 * The links of a cell as one CSV field: its own, or its list items' joined like their texts (in order, an item
 * without a link leaving its place empty); empty when no item links.
 */
export function cellRawLinks(cell: CellValue | undefined): string {
  if (isListCell(cell)) {
    const items = listItems(cell);
    return items.some((i) => i.href) ? items.map((i) => i.href ?? '').join(CSV_LIST_SEPARATOR) : '';
  }
  return cellHref(cell) ?? '';
}

export function isNumericColumn(column: Column): boolean {
  return column.kind === 'number' || column.kind === 'percent';
}

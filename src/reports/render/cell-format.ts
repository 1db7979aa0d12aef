import { CellValue, Column, isRichCell, ValueFormat } from './report-document';

const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data)\s*:/i;

/** The href to emit, or undefined when there is none or it could run code when clicked. */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined || href === '') return undefined;
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so test without them.
  // eslint-disable-next-line no-control-regex
  return UNSAFE_SCHEME.test(href.replace(/[\u0000-\u001f\u007f\s]/g, '')) ? undefined : href;
}

export function cellHref(cell: CellValue | undefined): string | undefined {
  return isRichCell(cell) ? safeHref(cell.href) : undefined;
}

/** The number behind a cell, when it has one. */
export function cellNumber(cell: CellValue | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  if (isRichCell(cell) && typeof cell.value === 'number') return cell.value;
  return undefined;
}

/** One formatter per number of decimals: `toLocaleString` with options makes a new one at every call. */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals?: number): string {
  const digits = decimals ?? (Number.isInteger(value) ? 0 : 2);
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

export function formatPercent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

export function formatValue(value: number, format: ValueFormat | undefined, decimals?: number): string {
  return format === 'percent' ? formatPercent(value, decimals) : formatNumber(value, decimals);
}

/** YYYY-MM-DD for ISO timestamps; other strings unchanged. */
export function formatDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

/** "2026-11-29 05:10 UTC" for display of `generatedAt`. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The text a reader sees for a cell, formatted by the column kind. */
export function cellDisplayText(cell: CellValue | undefined, column: Column): string {
  if (cell === undefined || cell === null) return '';
  if (isRichCell(cell)) return cell.text;
  if (typeof cell === 'number') {
    if (column.kind === 'percent') return formatPercent(cell, column.decimals);
    return formatNumber(cell, column.decimals);
  }
  return column.kind === 'date' ? formatDate(cell) : cell;
}

/**
 * The value written to machine-readable formats (CSV): raw numbers (percent as fractions), plain text.
 */
export function cellRawValue(cell: CellValue | undefined): string | number | null {
  if (cell === undefined || cell === null) return null;
  if (isRichCell(cell)) return typeof cell.value === 'number' ? cell.value : cell.text;
  return cell;
}

export function isNumericColumn(column: Column): boolean {
  return column.kind === 'number' || column.kind === 'percent';
}

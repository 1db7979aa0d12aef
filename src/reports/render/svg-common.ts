import type { Language } from '../../common/i18n';
import { formatChartPercent, formatValue } from './cell-format';
import { escapeHtml } from './html-escape';
import { ValueFormat } from './report-document';

/** Okabe-Ito colours (colour-blind safe), ordered so neighbours differ in lightness too. */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#000000'];
/** Dash patterns so that line series stay apart in black and white. */
// Seven colours, five dashes and six markers: no two of the first 210 series look alike.
export const DASHES = ['', '7 4', '2 3', '9 3 2 3', '14 4'];
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down'] as const;
export type Marker = (typeof MARKERS)[number];

export function seriesStyle(index: number): { color: string; dash: string; marker: Marker } {
  return {
    color: PALETTE[index % PALETTE.length],
    dash: DASHES[index % DASHES.length],
    marker: MARKERS[index % MARKERS.length],
  };
}

const NARROW = new Set("ijlft.,:;|'!()[] ");

/** The width of one character (a code point) in the charts' 12 px sans-serif, roughly. */
function charWidth(c: string): number {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code >= 65 && code <= 90) return c === 'M' || c === 'W' ? 10.5 : 8.3; // A-Z
  if (c.length === 1 && code >= 48 && code <= 57) return 7.7; // 0-9
  if (NARROW.has(c)) return 4;
  if (c.length === 1 && code >= 97 && code <= 122) return c === 'm' || c === 'w' ? 10 : 7; // a-z
  return 8;
}

/**
 * Rough width of a label in the 12 px sans-serif used by the charts, for layout without a browser. Errs on the
 * wide side: taxonomy codes are all capitals, which are much wider than an average letter.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c);
  return width;
}

/** Width of one legend entry: room for the longest name (plus its swatch), within `[120, available]`. */
export function legendWidth(names: string[], available: number, swatch = 36): number {
  return Math.min(available, Math.max(120, ...names.map((name) => textWidth(name) + swatch + 16)));
}

/**
 * Shortens a label to fit `maxWidth`, ending it with an ellipsis (8 px): the longest start of it (at least two
 * characters) that fits with the ellipsis, measured in one pass.
 */
export function fitLabel(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  let width = 0;
  let end = 0;
  for (const c of text) {
    width += charWidth(c);
    if (end >= 2 && width + 8 > maxWidth) break;
    end += c.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Round tick values covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5, integerOnly = false): number[] {
  if (!(max > min)) max = min + 1;
  let step = niceStep((max - min) / count);
  // Counts get whole-number ticks: 0.5 becomes 1 and 2.5 becomes 5.
  if (integerOnly && !Number.isInteger(step)) step = step < 1 ? 1 : step * 2;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let value = first; value <= max + step * 1e-9; value += step) ticks.push(round(value, step));
  if (ticks[ticks.length - 1] < max - step * 1e-9) ticks.push(round(first + ticks.length * step, step));
  return ticks;
}

/** The smallest tick at or above `value`, so that an axis ends on a round number. */
export function niceMax(value: number, count = 5): number {
  if (value <= 0) return 1;
  const step = niceStep(value / count);
  return Math.ceil(value / step - 1e-9) * step;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function round(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(decimals));
}

/** Tick label with as many decimals as the step between ticks needs. */
export function tickLabel(
  value: number,
  step: number,
  format: ValueFormat | undefined,
  lang: Language = 'en',
): string {
  const scaled = format === 'percent' ? step * 100 : step;
  const decimals = scaled > 0 ? Math.max(0, Math.ceil(-Math.log10(scaled) - 1e-9)) : 0;
  return formatValue(value, format, Math.min(decimals, 4), lang);
}

/** A value printed on a chart: percentages without decimals (unless rounding misstates them), other numbers with at most one. */
export function chartValueLabel(
  value: number,
  format: ValueFormat | undefined,
  lang: Language = 'en',
): string {
  if (format === 'percent') return formatChartPercent(value, lang);
  return formatValue(value, 'number', Number.isInteger(value) ? 0 : 1, lang);
}

/** Formats a coordinate without float noise. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * "label: value", a chart tooltip's text: French puts a no-break space before the colon, as escapeHtmlIn does in
 * the rest of a French page (the charts escape their text with escapeHtml, which knows no language).
 */
export function tooltipText(label: string, value: string, language: Language | undefined): string {
  return `${label}${language === 'fr' ? '\u00a0' : ''}: ${value}`;
}

export function svgText(
  x: number,
  y: number,
  text: string,
  attributes: Record<string, string | number | undefined> = {},
  tooltip?: string,
): string {
  const title = tooltip === undefined ? '' : `<title>${escapeHtml(tooltip)}</title>`;
  return `<text x="${n(x)}" y="${n(y)}"${attrs(attributes)}>${escapeHtml(text)}${title}</text>`;
}

export function attrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => ` ${key}="${escapeHtml(String(value))}"`)
    .join('');
}

/** A marker shape centred on (x, y). */
export function markerSvg(
  marker: Marker,
  x: number,
  y: number,
  color: string,
  size = 4,
  title?: string,
  hollow = false,
): string {
  const s = size;
  const tooltip = title === undefined ? '' : `<title>${escapeHtml(title)}</title>`;
  const close = (tag: string, attributes: string) =>
    tooltip ? `<${tag}${attributes}>${tooltip}</${tag}>` : `<${tag}${attributes}/>`;
  const filled = hollow
    ? ` fill="#fff" stroke="${color}" stroke-width="1.8" class="weak"`
    : ` fill="${color}" stroke="#fff" stroke-width="1"`;
  const stroked = ` fill="none" stroke="${color}" stroke-width="2"`;
  switch (marker) {
    case 'circle':
      return close('circle', ` cx="${n(x)}" cy="${n(y)}" r="${s}"${filled}`);
    case 'square':
      return close('rect', ` x="${n(x - s)}" y="${n(y - s)}" width="${2 * s}" height="${2 * s}"${filled}`);
    case 'triangle':
      return close(
        'polygon',
        ` points="${pts([x, y - s - 1], [x + s + 1, y + s], [x - s - 1, y + s])}"${filled}`,
      );
    case 'triangle-down':
      return close(
        'polygon',
        ` points="${pts([x, y + s + 1], [x + s + 1, y - s], [x - s - 1, y - s])}"${filled}`,
      );
    case 'diamond':
      return close(
        'polygon',
        ` points="${pts([x, y - s - 1], [x + s + 1, y], [x, y + s + 1], [x - s - 1, y])}"${filled}`,
      );
    case 'cross':
      return close(
        'path',
        ` d="M${n(x - s)} ${n(y - s)}L${n(x + s)} ${n(y + s)}M${n(x - s)} ${n(y + s)}L${n(x + s)} ${n(y - s)}"${stroked}`,
      );
  }
}

function pts(...points: [number, number][]): string {
  return points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
}

/** Opening tag, <title> and <desc> shared by every chart. */
export function svgOpen(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
  className: string,
): string {
  return (
    `<svg id="${escapeHtml(id)}" class="chart ${className}" role="img" viewBox="0 0 ${n(width)} ${n(height)}"` +
    ` width="${n(width)}" height="${n(height)}" aria-describedby="${escapeHtml(id)}-desc"` +
    ` aria-label="${escapeHtml(title)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title>` +
    `<desc id="${escapeHtml(id)}-desc">${escapeHtml(description)}</desc>`
  );
}

/**
 * A sequential blue ramp whose lightness falls steadily, so shading still reads as light-to-dark grey when
 * printed in black and white.
 */
const STOPS = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'].map(hexToRgb);

/** Background colour for a level in 0..1 (clamped). */
export function shadeHex(level: number): string {
  const t = Math.min(1, Math.max(0, Number.isFinite(level) ? level : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const mix = STOPS[i].map((from, k) => Math.round(from + (STOPS[i + 1][k] - from) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Whether text on that shade should be white rather than black: whichever contrasts more. With pure black and
 * pure white one of the two always reaches at least 4.58:1 (WCAG AA asks 4.5:1 for normal text).
 */
export function needsLightText(level: number): boolean {
  const background = relativeLuminance(shadeHex(level));
  return contrastRatio(1, background) > contrastRatio(background, 0);
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two relative luminances. */
export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

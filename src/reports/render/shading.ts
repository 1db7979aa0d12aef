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

/** Whether text on that shade should be white rather than black. */
export function needsLightText(level: number): boolean {
  return level > 0.55;
}

function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The most lines a trends chart draws by default: more, and the reader cannot follow one across the years. */
export const DEFAULT_CHART_LINES = 4;

/**
 * The codes a trends chart by year draws: those the reader chose, else the `max` found in the most agreements
 * over the range (ties in the report's order of codes), in the report's order. The table and the files keep
 * every code.
 */
export function chartedCodes<Code extends string>(
  codes: readonly Code[],
  groups: readonly { counts: readonly { code: string; agreements: number }[] }[],
  chosen: boolean,
  max: number = DEFAULT_CHART_LINES,
): Code[] {
  if (chosen || codes.length <= max) return [...codes];
  const total = (code: string) =>
    groups.reduce((sum, g) => sum + (g.counts.find((c) => c.code === code)?.agreements ?? 0), 0);
  const top = new Set(
    codes
      .map((code, index) => ({ code, index, total: total(code) }))
      .sort((a, b) => b.total - a.total || a.index - b.index)
      .slice(0, max)
      .map((c) => c.code),
  );
  return codes.filter((code) => top.has(code));
}

/**
 * A year with fewer agreements than this gives shares that jump (with 2, a share is 0, 50 or 100%): a chart
 * draws its points hollow and says why, so that a reader does not take one agreement for a trend.
 */
export const FEW_AGREEMENTS = 5;

/** Whether a share over this many agreements rests on few of them (FEW_AGREEMENTS). */
export function fewAgreements(agreements: number): boolean {
  return agreements < FEW_AGREEMENTS;
}

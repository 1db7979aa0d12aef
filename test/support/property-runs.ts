/**
 * How many cases a slow property test tries: `quick` in `npm test`, `full` with PROPERTY_RUNS=full (CI), or
 * exactly PROPERTY_RUNS=<n>. A property with a fixed seed tries the start of the same sequence of cases.
 */
export function propertyRuns(full: number, quick: number): number {
  const setting = process.env.PROPERTY_RUNS;
  if (setting === 'full') return full;
  if (setting && /^\d+$/.test(setting)) return Number(setting);
  return quick;
}

import { ReportDocument } from './report-document';

/**
 * The document itself, pretty-printed with object keys sorted at every level, so the same report always
 * gives the same bytes whatever order its builder set the keys in. Arrays keep their order; undefined
 * properties are dropped.
 */
export function renderJson(document: ReportDocument): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}

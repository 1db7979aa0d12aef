/** Raw rows differ by driver: SQLite gives 0/1 and JSON text, PostgreSQL booleans, parsed JSON and string counts. */

export function sqlBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return value === 't' || value === 'true' || value === '1';
}

export function sqlNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function sqlString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function sqlStringArray(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

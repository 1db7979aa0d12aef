import { SqlCondition } from './pagination/keyset';

export type { SqlCondition };

/** `(?, ?, ?)` for a non-empty list of values. */
export function inList(values: readonly unknown[]): SqlCondition {
  if (values.length === 0) return { sql: '(null)', params: [] };
  return { sql: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}

export function sqlIn(column: string, values: readonly unknown[]): SqlCondition {
  const list = inList(values);
  return { sql: `${column} in ${list.sql}`, params: list.params };
}

export function and(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '1 = 1', params: [] };
  return {
    sql: conditions.map((c) => `(${c.sql})`).join(' and '),
    params: conditions.flatMap((c) => c.params),
  };
}

/** A LIKE pattern that matches `text` anywhere, case-insensitively (use with `lower(col) like ? escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function containsCondition(columns: string[], text: string): SqlCondition {
  const pattern = containsPattern(text);
  return {
    sql: columns.map((c) => `lower(${c}) like ? escape '\\'`).join(' or '),
    params: columns.map(() => pattern),
  };
}

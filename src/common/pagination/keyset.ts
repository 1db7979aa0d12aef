import { BadUserInputError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.types';

export type Direction = 'asc' | 'desc';

/** One column of a keyset order; the last column of an order must be unique (the id). */
export interface OrderColumn {
  /** SQL expression, already qualified and quoted, e.g. `a."date_signed"`. */
  sql: string;
  direction: Direction;
  nullable: boolean;
}

export type CursorValue = string | number | null;

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** Validates `first` (1..MAX_PAGE_SIZE). */
export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError('first', `must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${first})`);
  }
  return first;
}

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, order: OrderColumn[]): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === order.length &&
    values.every((v) => v === null || typeof v === 'string' || typeof v === 'number');
  if (!valid) throw new BadUserInputError('after', 'is not a cursor of this list (use a pageInfo.endCursor)');
  return values as CursorValue[];
}

/** ORDER BY clause with NULLs last in both directions (the same on SQLite and PostgreSQL). */
export function orderBySql(order: OrderColumn[]): string {
  return order
    .map((c) => {
      const dir = c.direction === 'asc' ? 'asc' : 'desc';
      return c.nullable ? `(${c.sql} is null) asc, ${c.sql} ${dir}` : `${c.sql} ${dir}`;
    })
    .join(', ');
}

/**
 * The condition "after this cursor" for an order whose last column is unique (the id). Nulls sort last:
 * after a non-null value come greater values, then the nulls; after a null come only later nulls.
 */
export function afterCondition(order: OrderColumn[], values: CursorValue[]): SqlCondition {
  const build = (i: number): SqlCondition => {
    const column = order[i];
    const value = values[i];
    const cmp = column.direction === 'asc' ? '>' : '<';
    const rest = i + 1 < order.length ? build(i + 1) : null;
    const parts: string[] = [];
    const params: unknown[] = [];
    if (value === null) {
      if (!column.nullable) throw new BadUserInputError('after', 'is not a cursor of this list');
      if (rest) {
        parts.push(`(${column.sql} is null and ${rest.sql})`);
        params.push(...rest.params);
      }
    } else {
      parts.push(`${column.sql} ${cmp} ?`);
      params.push(value);
      if (column.nullable) parts.push(`${column.sql} is null`);
      if (rest) {
        parts.push(`(${column.sql} = ? and ${rest.sql})`);
        params.push(value, ...rest.params);
      }
    }
    return { sql: parts.length ? `(${parts.join(' or ')})` : '(1 = 0)', params };
  };
  return build(0);
}

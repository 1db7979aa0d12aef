import { BadUserInputError } from '../errors';
import { Direction, never, OrderedColumn, Where } from '../sql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.types';

export type { Direction };

/**
 * One column of a keyset order, a Knex identifier (`'a.date_signed'`); the last column of an order must be
 * unique (the id).
 */
export type KeysetColumn = OrderedColumn;

/**
 * @deprecated the shape of a cursor for `decodeCursor` only (search's [score, id]); orders are `KeysetColumn`s.
 */
export interface OrderColumn {
  sql: string;
  direction: Direction;
  nullable: boolean;
}

export type CursorValue = string | number | null;

/** @deprecated a SQL text fragment with its parameters; conditions are `Where`s (`common/sql.ts`). */
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

/** The values of a cursor made for an order of `order.length` columns. */
export function decodeCursor(cursor: string, order: readonly unknown[]): CursorValue[] {
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

/**
 * The condition "after this cursor" for an order whose last column is unique (the id), the order being NULLs
 * last (`orderNullsLast`): after a non-null value come greater values, then the nulls; after a null come only
 * later nulls. Throws (a client's error) for a null in a column that holds none.
 */
export function afterCursor(order: readonly KeysetColumn[], values: CursorValue[]): Where {
  order.forEach((column, i) => {
    if (values[i] === null && !column.nullable)
      throw new BadUserInputError('after', 'is not a cursor of this list');
  });
  const build =
    (i: number): Where =>
    (qb) => {
      const { column, direction, nullable } = order[i];
      const value = values[i];
      const rest = i + 1 < order.length ? build(i + 1) : null;
      if (value === null) {
        if (rest) qb.whereNull(column).where(rest);
        else qb.where(never);
        return;
      }
      qb.where(column, direction === 'asc' ? '>' : '<', value);
      if (nullable) qb.orWhereNull(column);
      if (rest) qb.orWhere((both) => both.where(column, value).where(rest));
    };
  return build(0);
}

import { createHash } from 'node:crypto';
import { BadUserInputError } from '../errors';
import { Direction, never, OrderedColumn, Where } from '../sql';
import { unstorableProblem } from '../text-rules';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.types';

export type { Direction };

/**
 * What a column of an order holds, as its cursor carries it: `integer` (ids, positions: what a PostgreSQL
 * `integer` holds), `number` (a finite number) or `text` (dates are text, `YYYY-MM-DD`).
 */
export type KeysetValueType = 'integer' | 'number' | 'text';

/**
 * One column of a keyset order, a Knex identifier (`'a.date_signed'`), with the type of its values; the last
 * column of an order must be unique (the id).
 */
export interface KeysetColumn extends OrderedColumn {
  type: KeysetValueType;
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

/**
 * What a cursor says of its order (columns and directions), so that a cursor of another order or another list
 * is refused instead of starting a page at a place that means something else there.
 */
export function orderTag(order: readonly KeysetColumn[]): string {
  const text = order.map((c) => `${c.column} ${c.direction}`).join(',');
  let tag = orderTags.get(text);
  if (!tag) {
    tag = createHash('sha256').update(text).digest('base64url').slice(0, 8);
    orderTags.set(text, tag);
  }
  return tag;
}

/** The tags of the orders met so far (the code's orders, a few dozen: no client input names one). */
const orderTags = new Map<string, string>();

const INTEGER_MIN = -(2 ** 31);
const INTEGER_MAX = 2 ** 31 - 1;

function fits(value: unknown, column: KeysetColumn): boolean {
  if (value === null) return column.nullable;
  switch (column.type) {
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INTEGER_MIN && (value as number) <= INTEGER_MAX;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return typeof value === 'string' && unstorableProblem(value) === null;
  }
}

/** The cursor of a row: its values of the order's columns, and the order's tag. */
export function encodeCursor(order: readonly KeysetColumn[], values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([orderTag(order), ...values])).toString('base64url');
}

/**
 * The values of a cursor made for this order (of this list or of another with the same order): a cursor of
 * another order, or one whose values the order's columns cannot hold (forged), is the client's error, before
 * any SQL.
 */
export function decodeCursor(cursor: string, order: readonly KeysetColumn[]): CursorValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== order.length + 1) {
    throw new BadUserInputError('after', 'is not a cursor of this list (use a pageInfo.endCursor)');
  }
  const [tag, ...values] = decoded as unknown[];
  if (tag !== orderTag(order)) {
    throw new BadUserInputError(
      'after',
      'is a cursor of another list or another order (use a pageInfo.endCursor of this list in the same orderBy)',
    );
  }
  if (!values.every((value, i) => fits(value, order[i]))) {
    throw new BadUserInputError('after', 'is not a cursor of this list (use a pageInfo.endCursor)');
  }
  return values as CursorValue[];
}

/**
 * The condition "after this cursor" for an order whose last column is unique (the id), the order being NULLs
 * last (`orderNullsLast`): after a non-null value come greater values, then the nulls; after a null come only
 * later nulls. The values are those `decodeCursor` checked (a null only in a nullable column).
 */
export function afterCursor(order: readonly KeysetColumn[], values: CursorValue[]): Where {
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

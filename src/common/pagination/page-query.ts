import { EntityManager, Knex } from '@mikro-orm/knex';
import { rowMapper } from '../row-mapper';
import { from, orderNullsLast, rowsOf, selectRowNumber, Where, whereAll } from '../sql';
import { Connection } from './connection.types';
import { afterCursor, CursorValue, decodeCursor, encodeCursor, KeysetColumn, pageSize } from './keyset';

type Row = Record<string, unknown>;
type EntityClass<T> = new (...args: never[]) => T;

/**
 * A list of entities: `select <alias>.* from <table> <joins> where <where> order by <order>`, built with Knex.
 */
export interface ListSpec<T> {
  entity: EntityClass<T>;
  /** The entity's table under `alias`, as Knex names it: `'agreement as a'`. */
  table: string;
  alias: string;
  /** Joins, if the conditions or the order read other tables. */
  join?: (qb: Knex.QueryBuilder) => void;
  where: Where[];
  order: KeysetColumn[];
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

const ORDER_COLUMN = 'order__';
const PARENT_COLUMN = 'parent__key';
const ROW_NUMBER_COLUMN = 'row__number';

/** `from <table> <joins> where <the list's conditions>`. */
function listed(em: EntityManager, spec: ListSpec<unknown>): Knex.QueryBuilder {
  const qb = from(em, spec.table);
  spec.join?.(qb);
  return qb.where(whereAll(spec.where));
}

/** `<alias>.*` and the order columns, aliased, for the cursors. */
function selectList(qb: Knex.QueryBuilder, spec: ListSpec<unknown>): Knex.QueryBuilder {
  return qb.select(`${spec.alias}.*`, ...spec.order.map((c, i) => ({ [`${ORDER_COLUMN}${i}`]: c.column })));
}

/** The list's rows after the cursor, if any. */
function pageRows(em: EntityManager, spec: ListSpec<unknown>, after: string | null | undefined) {
  const qb = selectList(listed(em, spec), spec);
  if (after) qb.where(afterCursor(spec.order, decodeCursor(after, spec.order)));
  return qb;
}

/** The entity of a row and its cursor (the values of the order columns); the mapper skips the extra columns. */
function toEdge<T>(em: EntityManager, spec: ListSpec<T>, row: Row) {
  const values = spec.order.map((_, i) => row[`${ORDER_COLUMN}${i}`] as CursorValue);
  return { node: rowMapper(em, spec.entity)(row), cursor: encodeCursor(values) };
}

function connectionOf<T>(
  edges: { node: T; cursor: string }[],
  limit: number,
  hasPrevious: boolean,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = edges.slice(0, limit);
  return {
    edges: page,
    pageInfo: {
      hasNextPage: edges.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
    // A getter, so that the count runs only when a client selects totalCount.
    get totalCount() {
      return totalCount();
    },
  };
}

/** One page of a keyset-paginated list, with a lazy total count. */
export async function fetchPage<T extends object>(
  em: EntityManager,
  spec: ListSpec<T>,
  page: PageRequest,
): Promise<Connection<T>> {
  const limit = pageSize(page.first);
  const rows = await rowsOf(em, orderNullsLast(pageRows(em, spec, page.after), spec.order).limit(limit + 1));
  const count = async () => {
    const [row] = await rowsOf(em, listed(em, spec).count({ n: '*' }));
    return Number(row.n);
  };
  return connectionOf(
    rows.map((row) => toEdge(em, spec, row)),
    limit,
    Boolean(page.after),
    count,
  );
}

/**
 * The same page of a child list for many parents in one statement (a window per parent), for the
 * DataLoaders of nested connections: the number of statements does not grow with the number of parents.
 * `parentColumn` is a Knex identifier (`'pr.agreement_id'`).
 */
export async function fetchPagesByParent<T extends object>(
  em: EntityManager,
  spec: ListSpec<T>,
  parentColumn: string,
  parentKeys: readonly (string | number)[],
  page: PageRequest,
): Promise<Connection<T>[]> {
  const limit = pageSize(page.first);
  const ranked = pageRows(em, spec, page.after)
    .select({ [PARENT_COLUMN]: parentColumn })
    .whereIn(parentColumn, [...parentKeys]);
  selectRowNumber(ranked, ROW_NUMBER_COLUMN, parentColumn, spec.order);
  const rows = await rowsOf(
    em,
    em
      .getKnex()
      .select('*')
      .from(ranked.as('ranked'))
      .where(ROW_NUMBER_COLUMN, '<=', limit + 1)
      .orderBy([PARENT_COLUMN, ROW_NUMBER_COLUMN]),
  );
  const byParent = new Map<string, { node: T; cursor: string }[]>();
  for (const row of rows) {
    const key = String(row[PARENT_COLUMN]);
    const edges = byParent.get(key) ?? [];
    edges.push(toEdge(em, spec, row));
    byParent.set(key, edges);
  }
  const counts = lazyCounts(em, spec, parentColumn, parentKeys);
  return parentKeys.map((key) =>
    connectionOf(
      byParent.get(String(key)) ?? [],
      limit,
      Boolean(page.after),
      async () => (await counts()).get(String(key)) ?? 0,
    ),
  );
}

/** Counts per parent, computed once for all parents the first time any of them is asked. */
function lazyCounts(
  em: EntityManager,
  spec: ListSpec<unknown>,
  parentColumn: string,
  parentKeys: readonly (string | number)[],
) {
  let pending: Promise<Map<string, number>> | undefined;
  return () => {
    pending ??= (async () => {
      const rows = await rowsOf(
        em,
        listed(em, spec)
          .select({ [PARENT_COLUMN]: parentColumn })
          .count({ n: '*' })
          .whereIn(parentColumn, [...parentKeys])
          .groupBy(parentColumn),
      );
      return new Map(rows.map((r) => [String(r[PARENT_COLUMN]), Number(r.n)]));
    })();
    return pending;
  };
}

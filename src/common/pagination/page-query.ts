import { EntityManager } from '@mikro-orm/knex';
import { rowMapper } from '../row-mapper';
import { Connection } from './connection.types';
import { and, inList, SqlCondition } from '../sql';
import {
  afterCondition,
  CursorValue,
  decodeCursor,
  encodeCursor,
  orderBySql,
  OrderColumn,
  pageSize,
} from './keyset';

type Row = Record<string, unknown>;
type EntityClass<T> = new (...args: never[]) => T;

/** A list of entities: `select <alias>.* from <from> where <conditions> order by <order>`. */
export interface ListSpec<T> {
  entity: EntityClass<T>;
  /** FROM clause naming the entity's table with `alias`, plus any joins. */
  from: string;
  alias: string;
  conditions: SqlCondition[];
  order: OrderColumn[];
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

const ORDER_COLUMN = 'order__';
const PARENT_COLUMN = 'parent__key';
const ROW_NUMBER_COLUMN = 'row__number';

function selectList(spec: ListSpec<unknown>): string {
  return [`${spec.alias}.*`, ...spec.order.map((c, i) => `${c.sql} as ${ORDER_COLUMN}${i}`)].join(', ');
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

function pageConditions(spec: ListSpec<unknown>, after: string | null | undefined): SqlCondition {
  const conditions = [...spec.conditions];
  if (after) conditions.push(afterCondition(spec.order, decodeCursor(after, spec.order)));
  return and(conditions);
}

/** One page of a keyset-paginated list, with a lazy total count. */
export async function fetchPage<T extends object>(
  em: EntityManager,
  spec: ListSpec<T>,
  page: PageRequest,
): Promise<Connection<T>> {
  const limit = pageSize(page.first);
  const where = pageConditions(spec, page.after);
  const rows = await em
    .getConnection()
    .execute<Row[]>(
      `select ${selectList(spec)} from ${spec.from} where ${where.sql} order by ${orderBySql(spec.order)} limit ${limit + 1}`,
      where.params,
    );
  const all = and(spec.conditions);
  const count = async () => {
    const [row] = await em
      .getConnection()
      .execute<Row[]>(`select count(*) as n from ${spec.from} where ${all.sql}`, all.params);
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
 */
export async function fetchPagesByParent<T extends object>(
  em: EntityManager,
  spec: ListSpec<T>,
  parentExpr: string,
  parentKeys: readonly (string | number)[],
  page: PageRequest,
): Promise<Connection<T>[]> {
  const limit = pageSize(page.first);
  const keys = inList(parentKeys);
  const where = and([
    pageConditions(spec, page.after),
    { sql: `${parentExpr} in ${keys.sql}`, params: keys.params },
  ]);
  const rows = await em.getConnection().execute<Row[]>(
    `select * from (select ${selectList(spec)}, ${parentExpr} as ${PARENT_COLUMN},
       row_number() over (partition by ${parentExpr} order by ${orderBySql(spec.order)}) as ${ROW_NUMBER_COLUMN}
       from ${spec.from} where ${where.sql}) ranked
     where ${ROW_NUMBER_COLUMN} <= ${limit + 1} order by ${PARENT_COLUMN}, ${ROW_NUMBER_COLUMN}`,
    where.params,
  );
  const byParent = new Map<string, { node: T; cursor: string }[]>();
  for (const row of rows) {
    const key = String(row[PARENT_COLUMN]);
    const edges = byParent.get(key) ?? [];
    edges.push(toEdge(em, spec, row));
    byParent.set(key, edges);
  }
  const counts = lazyCounts(em, spec, parentExpr, parentKeys);
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
  parentExpr: string,
  parentKeys: readonly (string | number)[],
) {
  let pending: Promise<Map<string, number>> | undefined;
  return () => {
    pending ??= (async () => {
      const keys = inList(parentKeys);
      const where = and([...spec.conditions, { sql: `${parentExpr} in ${keys.sql}`, params: keys.params }]);
      const rows = await em
        .getConnection()
        .execute<Row[]>(
          `select ${parentExpr} as ${PARENT_COLUMN}, count(*) as n from ${spec.from} where ${where.sql} group by ${parentExpr}`,
          where.params,
        );
      return new Map(rows.map((r) => [String(r[PARENT_COLUMN]), Number(r.n)]));
    })();
    return pending;
  };
}

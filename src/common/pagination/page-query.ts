import { EntityManager, Knex } from '@mikro-orm/knex';
import { compiledOnce } from '../../database/compiled-statements';
import { mappedColumns, rowMapper } from '../row-mapper';
import { from, orderNullsLast, rowsOf, selectPartitionCount, selectRowNumber, Where, whereAll } from '../sql';
import { Connection } from './connection.types';
import { afterCursor, CursorValue, decodeCursor, encodeCursor, KeysetColumn, pageSize } from './keyset';

type Row = Record<string, unknown>;
type EntityClass<T> = new (...args: never[]) => T;

/**
 * A many-to-one of the listed entity read in the list's own statement from a table its `join` joins: the
 * property then holds a read-only entity of those `properties` (`rowMapper`), not a bare reference.
 */
export interface JoinedEntity {
  /** The many-to-one property of the listed entity (`'agreement'`). */
  property: string;
  entity: EntityClass<unknown>;
  /** The joined table's alias in the list's `join` (`'a'`). */
  alias: string;
  /** What to read of it (its primary key included). */
  properties: readonly string[];
}

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
  /** The properties read (`propertiesFor`: what the query selects; the others throw when read); absent: all. */
  properties?: readonly string[] | null;
  /** Many-to-ones read in the same statement through `join`. */
  joined?: readonly JoinedEntity[];
  /**
   * Names the list's statement apart from its page (`database/compiled-statements.ts`): the same for two specs only if
   * their table, joins, conditions (the filter's values included), order, properties and joined entities are.
   * A page's statement is then compiled once per shape, its cursor's values and its parents' keys bound apart.
   * Absent: compiled for every page.
   */
  shape?: string;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  /**
   * The client selects the total count: it is read in the page's own statement (a subquery without reference to
   * the row, which SQLite and PostgreSQL compute once), one statement, and one trip to the database, fewer.
   */
  withCount?: boolean;
}

const ORDER_COLUMN = 'order__';
const PARENT_COLUMN = 'parent__key';
const ROW_NUMBER_COLUMN = 'row__number';
const COUNT_COLUMN = 'total__count';

/** `from <table> <joins> where <the list's conditions>`. */
function listed(em: EntityManager, spec: ListSpec<unknown>): Knex.QueryBuilder {
  const qb = from(em, spec.table);
  spec.join?.(qb);
  return qb.where(whereAll(spec.where));
}

const joinedPrefix = (joined: JoinedEntity) => `${joined.property}__`;

/**
 * `<alias>.*` (or the columns of `properties`), the joined entities' columns under their prefix, and the order
 * columns, aliased, for the cursors.
 */
function selectList(em: EntityManager, qb: Knex.QueryBuilder, spec: ListSpec<unknown>): Knex.QueryBuilder {
  const own = spec.properties
    ? mappedColumns(em, spec.entity, spec.properties).map((c) => `${spec.alias}.${c}`)
    : [`${spec.alias}.*`];
  const joined = (spec.joined ?? []).flatMap((j) =>
    mappedColumns(em, j.entity, j.properties).map((c) => ({ [`${joinedPrefix(j)}${c}`]: `${j.alias}.${c}` })),
  );
  return qb.select(...own, ...joined, ...spec.order.map((c, i) => ({ [`${ORDER_COLUMN}${i}`]: c.column })));
}

/** The list's rows after the cursor (its decoded values), if any. */
function pageRows(em: EntityManager, spec: ListSpec<unknown>, cursor: readonly CursorValue[] | null) {
  const qb = selectList(em, listed(em, spec), spec);
  if (cursor) qb.where(afterCursor(spec.order, [...cursor]));
  return qb;
}

/** The shape of a page's statement (`compiledOnce`), if its list names one. */
function pageShape(
  spec: ListSpec<unknown>,
  ...page: readonly (string | number | boolean)[]
): string | undefined {
  return spec.shape === undefined ? undefined : `${page.join('|')}|${spec.shape}`;
}

/** Turns a row into the entity and its cursor (the values of the order columns); the mapper skips the extra columns. */
function edgeMaker<T>(em: EntityManager, spec: ListSpec<T>): (row: Row) => { node: T; cursor: string } {
  const toEntity = rowMapper(em, spec.entity, '', spec.properties ?? null);
  const joined = (spec.joined ?? []).map((j) => ({
    property: j.property,
    toEntity: rowMapper(em, j.entity, joinedPrefix(j), j.properties),
  }));
  return (row) => {
    const node = toEntity(row);
    for (const j of joined) (node as Record<string, unknown>)[j.property] = j.toEntity(row);
    const values = spec.order.map((_, i) => row[`${ORDER_COLUMN}${i}`] as CursorValue);
    return { node, cursor: encodeCursor(spec.order, values) };
  };
}

function connectionOf<T>(
  edges: { node: T; cursor: string }[],
  limit: number,
  hasPrevious: boolean,
  totalCount: () => number | Promise<number>,
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
  const cursor = page.after ? decodeCursor(page.after, spec.order) : null;
  const build = (values: readonly unknown[]) => {
    const qb = orderNullsLast(pageRows(em, spec, cursor && (values as CursorValue[])), spec.order).limit(
      limit + 1,
    );
    if (page.withCount) qb.select(listed(em, spec).count({ n: '*' }).as(COUNT_COLUMN));
    return qb;
  };
  const shape = pageShape(spec, 'page', limit, Boolean(page.withCount), Boolean(cursor));
  const rows = await rowsOf(em, compiledOnce(em, shape, cursor ?? [], build));
  // Read with the page when it has a row; an empty first page counts 0 (the same conditions, no cursor); an
  // empty page after a cursor counts on its own, as does a page that did not ask for it.
  const known = !page.withCount
    ? undefined
    : rows.length
      ? Number(rows[0][COUNT_COLUMN])
      : page.after
        ? undefined
        : 0;
  // A count read with the page is answered as a number: a promise would cost graphql-js, for the connection, a
  // `Promise.all` over its fields, and a completion, each promise through the AsyncLocalStorage hooks.
  const count =
    known !== undefined
      ? () => known
      : async () => {
          const counted = () => listed(em, spec).count({ n: '*' });
          const [row] = await rowsOf(em, compiledOnce(em, pageShape(spec, 'count'), [], counted));
          return Number(row.n);
        };
  return connectionOf(rows.map(edgeMaker(em, spec)), limit, Boolean(page.after), count);
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
  const cursor = page.after ? decodeCursor(page.after, spec.order) : null;
  // The count asked with a first page is each parent's rows, counted in the same statement (a window over the
  // parent, before the page's rows are kept): one statement, and one trip to the database, fewer. After a cursor
  // the rows are only those after it: the count is read apart, when asked.
  const counted = Boolean(page.withCount && !page.after);
  const cursorLength = cursor?.length ?? 0;
  const build = (values: readonly unknown[]) => {
    const ranked = pageRows(em, spec, cursor && (values.slice(0, cursorLength) as CursorValue[]))
      .select({ [PARENT_COLUMN]: parentColumn })
      .whereIn(parentColumn, values.slice(cursorLength) as (string | number)[]);
    selectRowNumber(ranked, ROW_NUMBER_COLUMN, parentColumn, spec.order);
    if (counted) selectPartitionCount(ranked, COUNT_COLUMN, parentColumn);
    return em
      .getKnex()
      .select('*')
      .from(ranked.as('ranked'))
      .where(ROW_NUMBER_COLUMN, '<=', limit + 1)
      .orderBy([PARENT_COLUMN, ROW_NUMBER_COLUMN]);
  };
  const shape = pageShape(spec, 'pages', parentColumn, limit, counted, cursorLength);
  const rows = await rowsOf(em, compiledOnce(em, shape, [...(cursor ?? []), ...parentKeys], build));
  const byParent = new Map<string, { node: T; cursor: string }[]>();
  const toEdge = edgeMaker(em, spec);
  const countByParent = new Map<string, number>();
  for (const row of rows) {
    const key = String(row[PARENT_COLUMN]);
    const edges = byParent.get(key) ?? [];
    edges.push(toEdge(row));
    byParent.set(key, edges);
    if (counted) countByParent.set(key, Number(row[COUNT_COLUMN]));
  }
  const counts = counted ? null : lazyCounts(em, spec, parentColumn, parentKeys);
  return parentKeys.map((key) =>
    connectionOf(
      byParent.get(String(key)) ?? [],
      limit,
      Boolean(page.after),
      counts
        ? async () => (await counts()).get(String(key)) ?? 0
        : // A parent without rows has none to count.
          () => Promise.resolve(countByParent.get(String(key)) ?? 0),
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
      const build = (keys: readonly unknown[]) =>
        listed(em, spec)
          .select({ [PARENT_COLUMN]: parentColumn })
          .count({ n: '*' })
          .whereIn(parentColumn, keys as (string | number)[])
          .groupBy(parentColumn);
      const shape = pageShape(spec, 'counts', parentColumn);
      const rows = await rowsOf(em, compiledOnce(em, shape, parentKeys, build));
      return new Map(rows.map((r) => [String(r[PARENT_COLUMN]), Number(r.n)]));
    })();
    return pending;
  };
}

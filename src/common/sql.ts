/**
 * The query infrastructure's one SQL expression module (docs/architecture.md, "Reads and writes").
 *
 * Usage. A repository builds its statements with the Knex query builder that ships with MikroORM, so quoting
 * and dialect differences stay Knex's:
 *
 *   const qb = from(this.em, 'agreement as a').select('a.*').where(agreementWhere(filter)).orderBy('a.id');
 *   const rows = await rowsOf<Row>(this.em, qb);
 *
 * - A condition is a `Where`, a function that adds clauses to a builder; apply it with `qb.where(cond)` (Knex
 *   wraps it in parentheses, so an `or` inside stays inside) and combine several with `whereAll([...])`.
 *   Subqueries are callbacks too: `qb.whereIn('a.id', (sub) => sub.select('b.agreement_id').from(...))`.
 * - Columns are Knex identifiers, `'alias.column'`; values are bindings. No SQL text anywhere else: what Knex
 *   cannot say is a named helper below (case-insensitive contains with LIKE escaping, case-insensitive equality,
 *   nulls-last keyset orders, `row_number()` windows), written with identifier bindings (`??`).
 * - `rowsOf` runs a read by Knex with bindings (the statement budget sees it) outside any transaction;
 *   `rowsInTransaction` runs a statement inside the entity manager's transaction;
 *   `writeInTransaction` runs a bulk write there with its values as bindings (see why at the function), and
 *   `readInTransaction` a read a write's checks make under its lock.
 * - Keyset pages over a builder: `fetchPage` / `fetchPagesByParent` (`common/pagination/page-query.ts`);
 *   read-only entities of a builder: `readEntities` (`common/row-mapper.ts`).
 * - A `Where` can be turned into the deprecated `{ sql, params }` fragment with `toSqlCondition` for code that
 *   still concatenates SQL (the search engine adapters keep their FTS5 and tsvector text).
 *
 * Deprecated: the string fragments at the end of this file (`inList`, `and`, `toSqlCondition`), kept for the
 * search engine adapters' full-text statements, the one place SQL text is still concatenated.
 */
import { EntityManager, Knex, knex } from '@mikro-orm/knex';
import { SqlCondition } from './pagination/keyset';
import type { LineSql } from '../database/engines/database-engine';
import { BadUserInputError } from './errors';

export type { SqlCondition };

export type Builder = Knex.QueryBuilder;

/** A condition: adds `where` clauses to a builder. Apply it with `qb.where(cond)` so that it is parenthesised. */
export type Where = (qb: Knex.QueryBuilder) => void;

type Row = Record<string, unknown>;

/** Every condition (no condition: no clause). */
export function whereAll(conditions: readonly Where[]): Where {
  return (qb) => {
    for (const condition of conditions) qb.where(condition);
  };
}

/** A builder on `table` (`'agreement as a'`), on the entity manager's connection. */
export function from(em: EntityManager, table: string): Knex.QueryBuilder {
  return em.getKnex()(table);
}

/**
 * Runs a read on the connection, outside any transaction (it never asks for the entity manager's context, so
 * the request's lazy fork is not made), by Knex with its values as bindings: MikroORM's `execute` would inline
 * every value into the text and have Knex run that text as raw SQL, work a read does not need. The statement
 * budget still sees it (`StatementBudget` wraps Knex's client); with MikroORM's query log on (`ORM_DEBUG`), the
 * read goes through `execute` so that the log lists it.
 */
export async function rowsOf<T = Row>(em: EntityManager, qb: Knex.QueryBuilder): Promise<T[]> {
  if (em.config.getLogger().isEnabled('query')) return em.getConnection().execute<T[]>(qb);
  return (await qb) as T[];
}

/** Runs a statement through MikroORM inside the entity manager's transaction, if it is in one (writes). */
export function rowsInTransaction<T = Row>(em: EntityManager, qb: Knex.QueryBuilder): Promise<T[]> {
  return em.getConnection().execute<T[]>(qb, [], 'all', em.getTransactionContext());
}

/**
 * Runs a write (insert, update, delete) inside the entity manager's transaction with its values as bindings.
 * MikroORM's `execute` (`rowsInTransaction`) inlines every value into the statement's text, and its SQLite
 * dialect then lower-cases and scans that whole text to choose how to run it: for bulk rows of long texts (the
 * search index of a whole agreement) that work costs more than the write. MikroORM's `onQuery` hook (the
 * statement budget) still sees the statement; its query log does not.
 */
export async function writeInTransaction(em: EntityManager, qb: Knex.QueryBuilder): Promise<void> {
  await statementInTransaction(em, qb);
}

/**
 * Runs a read inside the entity manager's transaction as `writeInTransaction` runs a write (its values as
 * bindings), and answers its rows: a read a write's checks need, made under the write's lock.
 */
export function readInTransaction<T = Row>(em: EntityManager, qb: Knex.QueryBuilder): Promise<T[]> {
  return statementInTransaction<T>(em, qb);
}

async function statementInTransaction<T>(em: EntityManager, qb: Knex.QueryBuilder): Promise<T[]> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) return rowsInTransaction<T>(em, qb);
  // MikroORM's `onQuery` sees the statement as Knex runs it (its `query` event, before the statement is sent):
  // compiling it apart for the hook compiled every statement of a write twice.
  const onQuery = em.config.get('onQuery');
  qb.on('query', (query: { sql: string; bindings?: readonly unknown[] }) =>
    onQuery(query.sql, [...(query.bindings ?? [])]),
  );
  return (await qb.transacting(transaction)) as T[];
}

// ---------------------------------------------------------------------------------------------------------
// Expressions Knex has no builder for. Identifiers go through `??`, values through `?`: Knex quotes both.

/** The LIKE pattern matching `text` anywhere, case-insensitively (for `lower(column) like ? escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A character outside ASCII: SQLite's `lower` leaves it as it is. */
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * The GLOB pattern matching `text` anywhere, case-insensitively, for `lower(column) glob ?` on SQLite, whose `lower`
 * and LIKE fold ASCII letters only: a letter outside ASCII is matched in either case by a class (`[éÉ]`), and GLOB's
 * own signs are classes of one (`[*]`). PostgreSQL's `lower` folds every letter, so LIKE serves there.
 */
export function containsGlob(text: string): string {
  const classes = [...text.normalize('NFC').toLowerCase()].map((c) => {
    if (c === '*' || c === '?' || c === '[') return `[${c}]`;
    const upper = c.toUpperCase();
    return NON_ASCII.test(c) && upper !== c && [...upper].length === 1 ? `[${c}${upper}]` : c;
  });
  return `*${classes.join('')}*`;
}

/**
 * The longest text a `...Contains` filter takes (titleContains, nameContains, textContains; and the provisions'
 * `articleNumber`, matched with LIKE too: 60,000 characters answered INTERNAL_SERVER_ERROR). SQLite refuses a LIKE
 * pattern over 50,000 bytes ("pattern too complex", which reached clients as INTERNAL_SERVER_ERROR); no title,
 * name or passage anyone looks for is longer than this.
 */
export const MAX_CONTAINS_LENGTH = 1000;

/** BAD_USER_INPUT at `argument` for a `...Contains` text longer than MAX_CONTAINS_LENGTH. */
export function checkContainsText(argument: string, text: string | null | undefined): void {
  if (text && text.length > MAX_CONTAINS_LENGTH)
    throw new BadUserInputError(
      argument,
      `is too long (${text.length} characters; at most ${MAX_CONTAINS_LENGTH})`,
    );
}

/** A character `containsGlob` writes as itself: no class for either case, and none of GLOB's signs. */
const globLiteral = (c: string): boolean => {
  if (c === '*' || c === '?' || c === '[') return false;
  const upper = c.toUpperCase();
  return !(NON_ASCII.test(c) && upper !== c && [...upper].length === 1);
};

/**
 * What every text that `containsGlob(text)` matches holds, found by `instr` (a byte search, as fast as LIKE's `%x`):
 * `lower` is SQLite's (ASCII letters only). The longest run of characters the glob writes as themselves, searched in
 * `lower(column)`; a text of letters with a case outside ASCII only (`é`), its first letter in either case, searched
 * in the column itself (`lower` leaves them alone).
 */
export function containsPrefilter(text: string): { lowered: boolean; either: string[] } {
  const chars = [...text.normalize('NFC').toLowerCase()];
  let best = '';
  let run = '';
  for (const c of chars) {
    run = globLiteral(c) ? run + c : '';
    if (run.length > best.length) best = run;
  }
  if (best) return { lowered: true, either: [best] };
  const first = chars.find((c) => c !== '*' && c !== '?' && c !== '[') ?? chars[0];
  return { lowered: false, either: [first, first.toUpperCase()] };
}

/**
 * One of `columns` contains `text`, case-insensitively (and whatever the Unicode normalisation form of `text`);
 * `%`, `_` and `\` in the text are literal. On SQLite a text with a letter outside ASCII is matched with GLOB
 * (`containsGlob`): with LIKE, "économique" did not find "Accord ÉCONOMIQUE", nor "ÉCONOMIQUE" itself. The GLOB is
 * tried only on a text that holds a part of it (`containsPrefilter`, by `instr`): a GLOB whose `*` is followed by a
 * class (`*[éÉ]`) tries the class at every character, and over the corpus's 40,797 provisions `é` took 0.6 s of
 * CPU and `économique` 0.9 s where the LIKE of an ASCII word takes 0.11 (the plan is the same full scan for both).
 */
export function containsText(columns: readonly string[], text: string): Where {
  return (qb) => {
    const sqlite = /sqlite/i.test(String((qb.client as { dialect?: string }).dialect));
    if (sqlite && NON_ASCII.test(text)) {
      const glob = containsGlob(text);
      const { lowered, either } = containsPrefilter(text);
      const holds = either.map(() => (lowered ? 'instr(lower(??), ?) > 0' : 'instr(??, ?) > 0')).join(' or ');
      for (const column of columns)
        qb.orWhereRaw(`((${holds}) and lower(??) glob ?)`, [
          ...either.flatMap((part) => [column, part]),
          column,
          glob,
        ]);
      return;
    }
    const pattern = containsPattern(text);
    for (const column of columns) qb.orWhereRaw(`lower(??) like ? escape '\\'`, [column, pattern]);
  };
}

/**
 * `column` (an integer) is null, written so that no index serves it (`coalesce(column, 0) = 0`): for a column null on
 * nearly every row, which SQLite's planner, without statistics, would otherwise take for a selective equality on the
 * column's index and drive a join from it.
 */
export function nullWithoutIndex(column: string): Where {
  return (qb) => {
    qb.whereRaw('coalesce(??, 0) = 0', [column]);
  };
}

/** `column` equals `value` ignoring case (`lower` on both sides). */
export function equalsIgnoringCase(column: string, value: string): Where {
  return (qb) => {
    qb.whereRaw('lower(??) = lower(?)', [column, value]);
  };
}

/** `column` ends with ` <word>` ignoring case; `%`, `_` and `\` in the word are literal (as in `containsText`). */
export function endsWithWordIgnoringCase(column: string, word: string): Where {
  const pattern = `% ${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}`;
  return (qb) => {
    qb.whereRaw(`lower(??) like ? escape '\\'`, [column, pattern]);
  };
}

/** A condition no row meets. */
export const never: Where = (qb) => {
  qb.whereRaw('1 = 0');
};

export type Direction = 'asc' | 'desc';

/** One column of an order, as a Knex identifier (`'a.date_signed'`). */
export interface OrderedColumn {
  column: string;
  direction: Direction;
  nullable: boolean;
  /**
   * Ordered by the group's greatest value of the column (`max(a.date_signed)`): PostgreSQL takes an output name
   * (`signed`) alone in ORDER BY, not inside the `is null` that puts NULLs last, so the aggregate is written there.
   */
  aggregate?: 'max';
}

/** ORDER BY text with NULLs last in both directions (the same on SQLite and PostgreSQL), with its bindings. */
function orderText(order: readonly OrderedColumn[]): { sql: string; bindings: string[] } {
  const bindings: string[] = [];
  const parts = order.map((c) => {
    const dir = c.direction === 'asc' ? 'asc' : 'desc';
    const value = c.aggregate === 'max' ? 'max(??)' : '??';
    if (c.nullable) {
      bindings.push(c.column, c.column);
      return `(${value} is null) asc, ${value} ${dir}`;
    }
    bindings.push(c.column);
    return `${value} ${dir}`;
  });
  return { sql: parts.join(', '), bindings };
}

/** Orders the builder by `order`, NULLs last in both directions. */
export function orderNullsLast(qb: Knex.QueryBuilder, order: readonly OrderedColumn[]): Knex.QueryBuilder {
  const { sql, bindings } = orderText(order);
  return qb.orderByRaw(sql, bindings);
}

/** Selects `row_number() over (partition by <partition> order by <order, nulls last>) as <alias>`. */
export function selectRowNumber(
  qb: Knex.QueryBuilder,
  alias: string,
  partition: string,
  order: readonly OrderedColumn[],
): Knex.QueryBuilder {
  const { sql, bindings } = orderText(order);
  return qb.select(
    qb.client.raw(`row_number() over (partition by ?? order by ${sql}) as ??`, [
      partition,
      ...bindings,
      alias,
    ]),
  );
}

/** Selects `count(*) over (partition by <partition>) as <alias>`: each row's count of the rows of its partition. */
export function selectPartitionCount(
  qb: Knex.QueryBuilder,
  alias: string,
  partition: string | readonly string[],
): Knex.QueryBuilder {
  return qb.select(qb.client.raw('count(*) over (partition by ??) as ??', [partition, alias]));
}

/**
 * Selects, in a grouped builder, whether any row of the group has `column` equal to `value`:
 * `max(case when <column> = <value> then 1 else 0 end) as <alias>`, 1 or 0 (read with `Number`).
 */
export function selectAnyEquals(
  qb: Knex.QueryBuilder,
  alias: string,
  column: string,
  value: string,
): Knex.QueryBuilder {
  return qb.select(qb.client.raw('max(case when ?? = ? then 1 else 0 end) as ??', [column, value, alias]));
}

/**
 * Keeps the groups of a grouped builder in which the first non-null of `columns` (else '') takes more than one
 * value: `having count(distinct coalesce(<columns>, '')) > 1`.
 */
export function havingManyValues(qb: Knex.QueryBuilder, columns: readonly string[]): Knex.QueryBuilder {
  return qb.havingRaw(`count(distinct coalesce(${columns.map(() => '??').join(', ')}, '')) > 1`, [
    ...columns,
  ]);
}

/** One value of a line the database writes (`selectLine`). */
export interface LineCell {
  /** The CSV column, the JSON member. */
  name: string;
  /** Knex identifiers, their values joined by `separator` (a pinpoint: slug `/` key). */
  columns: readonly string[];
  separator?: string;
  /** Written before a value that is neither null nor empty; such a value is null (`externalId`'s `tota:`). */
  prefix?: string;
  /** An integer column (CSV and JSON write it as a number), not a text. */
  integer?: true;
}

/**
 * Selects, as `alias`, a line per row that the database writes with the engine's `LineSql`: for CSV the cells, each
 * followed by `,`, as `csvCell` writes them; for JSON an object of the cells opened with `{` and left open after
 * its last member's `,` (the caller adds its last values and ends it), or, `continued`, the members that follow
 * other members of the same object.
 */
export function selectLine(
  qb: Knex.QueryBuilder,
  sql: LineSql,
  format: 'csv' | 'json',
  cells: readonly LineCell[],
  alias: string,
  continued = false,
): Knex.QueryBuilder {
  const text = (sqlText: string, bindings: readonly string[]) =>
    qb.client.raw(sqlText, bindings as string[]).toQuery() as string;
  const valueOf = (cell: LineCell) => {
    const joined = cell.columns
      .map((column) => text('??', [column]))
      .join(` || ${text('?', [cell.separator ?? ''])} || `);
    if (!cell.prefix) return joined;
    return `case when ${joined} <> '' then ${text('?', [cell.prefix])} || ${joined} end`;
  };
  const parts = cells.map((cell) => {
    const value = valueOf(cell);
    if (format === 'csv') return `${cell.integer ? sql.csvInteger(value) : sql.csvText(value)} || ','`;
    return `${text('?', [`${JSON.stringify(cell.name)}:`])} || ${sql.json(value)} || ','`;
  });
  if (format === 'json' && !continued) parts.unshift(`'{'`);
  // The text is whole (its literals rendered): a `?` in it is no binding.
  return qb.select(
    qb.client.raw(`${sql.delivered(parts.join(' || ')).replaceAll('?', '\\?')} as ??`, [alias]),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The bridge to the deprecated string fragments.

/** A builder that is never run: it only renders conditions, with double-quoted identifiers (both engines). */
let renderer: Knex | undefined;

/**
 * @deprecated for code that still concatenates SQL: the `{ sql, params }` fragment of a condition, its
 * identifiers double-quoted (valid on SQLite and PostgreSQL), its values `?` placeholders.
 */
export function toSqlCondition(where: Where): SqlCondition {
  renderer ??= knex({ client: knex.Client as unknown as typeof knex.Client });
  const { sql, bindings } = renderer.queryBuilder().where(where).toSQL();
  const prefix = 'select * where ';
  if (!sql.startsWith(prefix)) return { sql: '1 = 1', params: [] };
  return { sql: sql.slice(prefix.length), params: [...bindings] };
}

// ---------------------------------------------------------------------------------------------------------
// Deprecated string fragments: callers outside the core repositories still concatenate them.

/** @deprecated use `qb.whereIn(column, values)`. `(?, ?, ?)` for a list of values. */
export function inList(values: readonly unknown[]): SqlCondition {
  if (values.length === 0) return { sql: '(null)', params: [] };
  return { sql: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** @deprecated use `whereAll`. */
export function and(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '1 = 1', params: [] };
  return {
    sql: conditions.map((c) => `(${c.sql})`).join(' and '),
    params: conditions.flatMap((c) => c.params),
  };
}

import { EntityManager, Knex } from '@mikro-orm/knex';
import { BoundedCache } from '../common/bounded-cache';

/**
 * Statements compiled once per shape, their values bound apart (docs/performance-log.md, load11 and load12: Knex's
 * compilation of the list statements was the largest single share of a read's instructions).
 *
 * A caller names a statement's shape by a key (everything its text depends on: which filters are set and their
 * values, the order, the page size, a count or not) and passes the values that vary within the shape apart (a
 * cursor's values, the parents' keys). The first statement of a shape is built twice, once with its values and once
 * with a placeholder for each, and compiled both times: the placeholders' text is kept, with the positions of the
 * placeholders among its bindings, once the two are checked to be the same statement. Later statements of the
 * shape are not compiled: Knex runs the kept text with the values bound in their positions, through the same
 * client (the statement budget, the heavy-statement gate, PostgreSQL's `$n` placeholders and SQLite's kept
 * prepared reads all see it as before). A value that is null or undefined is no placeholder: which values are
 * null is part of the shape (a null cursor value changes the conditions), and so is their number.
 */

/** A shape's key of its parts (a statement's name, its filter, order and properties), as JSON. */
export const shapeKey = (...parts: unknown[]): string => JSON.stringify(parts);

/** A value of the statement bound apart: the `index`th value it is run with. */
class Placeholder {
  constructor(readonly index: number) {}
}

/** The kept text and its bindings: constants of the shape, and placeholders for the values. */
interface Compiled {
  method: string;
  sql: string;
  bindings: readonly unknown[];
}

/** The shapes kept per Knex instance (one per engine), the least recently used dropped beyond this many. */
const SHAPES_KEPT = 500;
const kept = new WeakMap<object, BoundedCache<string, Compiled | false>>();

let statementNumber = 0;

const bound = (bindings: readonly unknown[], values: readonly unknown[]) =>
  bindings.map((binding) => (binding instanceof Placeholder ? values[binding.index] : binding));

/** Whether `a` and `b` are the same bindings (the values as Knex passes them on: by identity). */
const sameBindings = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/** Compiles the first statement of a shape: what is kept of it, or false if it cannot be (the statement is run). */
function compileShape(
  build: (values: readonly unknown[]) => Knex.QueryBuilder,
  values: readonly unknown[],
  statement: Knex.QueryBuilder,
): Compiled | false {
  const placeholders = values.map((value, i) =>
    value === null || value === undefined ? value : new Placeholder(i),
  );
  const general = build(placeholders).toSQL();
  const actual = statement.toSQL();
  const text = general.sql;
  // Every placeholder is a binding, and the statement built with the values is the same text with them bound.
  const used = new Set(
    general.bindings.filter((b) => b instanceof Placeholder).map((b) => (b as Placeholder).index),
  );
  const allUsed = placeholders.every((p) => !(p instanceof Placeholder) || used.has(p.index));
  if (!allUsed || text !== actual.sql || !sameBindings(bound(general.bindings, values), actual.bindings))
    return false;
  return { method: general.method, sql: text, bindings: general.bindings };
}

/**
 * The statement `build(values)` to run (with `rowsOf`), compiled once for the shape `key`: `build` must give the
 * same text for every call with the same key, whatever the values (`undefined` key: built and compiled as usual).
 */
export function compiledOnce(
  em: EntityManager,
  key: string | undefined,
  values: readonly unknown[],
  build: (values: readonly unknown[]) => Knex.QueryBuilder,
): Knex.QueryBuilder {
  if (key === undefined) return build(values);
  const knex = em.getKnex();
  let shapes = kept.get(knex);
  if (!shapes) kept.set(knex, (shapes = new BoundedCache(SHAPES_KEPT)));
  const shapeKey = `${key}|${values.map((v) => (v === null ? 'n' : v === undefined ? 'u' : 'v')).join('')}`;
  let compiled = shapes.get(shapeKey);
  if (compiled === undefined) {
    const statement = build(values);
    shapes.set(shapeKey, (compiled = compileShape(build, values, statement)));
    // Kept: run as the kept text, not compiled a third time.
    if (compiled === false) return statement;
  }
  if (compiled === false) return build(values);
  return keptStatement(knex, compiled, bound(compiled.bindings, values));
}

/** A builder that Knex runs as the kept text with these bindings, compiling nothing. */
function keptStatement(knex: Knex, compiled: Compiled, bindings: unknown[]): Knex.QueryBuilder {
  const statement = knex.queryBuilder();
  // What Knex's runner asks of a builder: its compiled statement (QueryCompiler#toSQL's object).
  statement.toSQL = (() => ({
    method: compiled.method,
    sql: compiled.sql,
    bindings,
    options: {},
    timeout: false,
    cancelOnTimeout: false,
    __knexQueryUid: `compiled-${++statementNumber}`,
  })) as unknown as Knex.QueryBuilder['toSQL'];
  return statement;
}

import { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { Connection } from './pagination/connection.types';
import { pageSize } from './pagination/keyset';
import { fieldsAt, SelectionInfo } from './selection';

/** A DataLoader factory; one loader per factory is made for each request. */
export type LoaderFactory<K, V> = (em: EntityManager) => DataLoader<K, V>;

/** The batch function of each loader `batchLoader` made, for `RequestLoaders.preload` to call at once. */
const batchFunctions = new WeakMap<DataLoader<unknown, unknown>, DataLoader.BatchLoadFn<unknown, unknown>>();

/**
 * A DataLoader (default options: batched, cached by key) whose batch function `RequestLoaders.preload` may call
 * directly with a page's keys, without a promise per key.
 */
export function batchLoader<K, V>(batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
  const loader = new DataLoader<K, V>(batch);
  batchFunctions.set(
    loader as DataLoader<unknown, unknown>,
    batch as DataLoader.BatchLoadFn<unknown, unknown>,
  );
  return loader;
}

/** The per-request DataLoaders, kept in the GraphQL context. */
export class RequestLoaders {
  private readonly byFactory = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();
  private readonly byName = new Map<string, DataLoader<unknown, unknown>>();

  /** What `preload` read ahead, by loader and key. */
  private readonly ready = new WeakMap<DataLoader<unknown, unknown>, Map<unknown, unknown>>();

  constructor(readonly em: EntityManager) {}

  /**
   * Loads `keys` through `loader` now, in one batch as its resolvers' loads would have, and keeps what it answered,
   * so that `loadNow` answers each of them with its value rather than a promise: graphql-js completes an object
   * whose fields all answer values without any promise, where one field answering a promise costs the object
   * `Promise.all` over all its fields (two promises a field) and each promise costs every AsyncLocalStorage's hook.
   * A loader made by `batchLoader` has its batch function called directly with the keys: `loadMany` made three
   * promises a key (DataLoader's `load`, its `catch`, the batch's callbacks), 61 for a page of 20. A key the batch
   * answered an error is primed with it (its resolver's `load` meets the same error, as DataLoader would have kept
   * it); a batch that failed keeps nothing (DataLoader forgets a failed batch too: the resolvers' loads read again).
   */
  async preload<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<void> {
    if (!keys.length) return;
    const batch = batchFunctions.get(loader as DataLoader<unknown, unknown>) as
      DataLoader.BatchLoadFn<K, V> | undefined;
    const unique = batch ? [...new Set(keys)] : keys;
    let values: ArrayLike<V | Error>;
    if (!batch) values = await loader.loadMany(keys);
    else {
      try {
        values = await batch(unique);
      } catch {
        return;
      }
    }
    let ready = this.ready.get(loader as DataLoader<unknown, unknown>);
    if (!ready) this.ready.set(loader as DataLoader<unknown, unknown>, (ready = new Map()));
    for (const [i, key] of unique.entries()) {
      const value = values[i];
      if (!(value instanceof Error)) ready.set(key, value);
      else if (batch) loader.prime(key, value);
    }
  }

  /** The value of `key` if `preload` read it ahead, else `loader.load(key)` (a promise). */
  loadNow<K, V>(loader: DataLoader<K, V>, key: K): V | Promise<V> {
    const ready = this.ready.get(loader as DataLoader<unknown, unknown>);
    return ready?.has(key) ? (ready.get(key) as V) : loader.load(key);
  }

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.byFactory.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this.em) as DataLoader<unknown, unknown>;
      this.byFactory.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The request's loader for one variant of what a load reads (`id` names the variant, `make` builds its loader
   * on first use): loads of the same variant share one batch.
   */
  variant<K, V>(id: string, make: (em: EntityManager) => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.byName.get(id);
    if (!loader) {
      loader = make(this.em) as DataLoader<unknown, unknown>;
      this.byName.set(id, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * A nested connection (e.g. `agreement.provisions(first: 5)`) for one parent. Parents asking with the same
   * arguments share one batch, so a page of parents costs one statement for all their children.
   */
  nestedConnection<K, T>(
    name: string,
    args: { first?: number | null; [key: string]: unknown },
    key: K,
    fetch: (keys: readonly K[]) => Promise<Connection<T>[]>,
  ): Promise<Connection<T>> {
    pageSize(args.first);
    return this.variant(
      `${name}:${JSON.stringify(args)}`,
      () => new DataLoader<K, Connection<T>>(fetch),
    ).load(key);
  }
}

/** Groups rows by a key in the order of `keys` (for one-to-many DataLoaders). */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/** Picks rows by a key in the order of `keys` (for one-to-one DataLoaders); missing ones are null. */
export function indexBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/**
 * Reads ahead, for every row of a page, the nested list `field` at `path` of the query (each way it is selected),
 * through the loader that field's resolver uses (made by `batchLoader`, so that the page's keys cost no promise
 * each), so that the field answers values; nothing when the query does not select it or selects it under
 * `@skip`/`@include` (`fieldsAt`).
 */
export async function preloadField<V>(
  loaders: RequestLoaders,
  info: SelectionInfo,
  path: readonly string[],
  field: string,
  rows: readonly { id: number }[],
  loaderFor: (loaders: RequestLoaders, selection: SelectionInfo) => DataLoader<number, V>,
): Promise<void> {
  if (!rows.length) return;
  const selections = fieldsAt(info, path, field);
  if (!selections) return;
  const ids = rows.map((row) => row.id);
  await Promise.all(selections.map((selection) => loaders.preload(loaderFor(loaders, selection), ids)));
}

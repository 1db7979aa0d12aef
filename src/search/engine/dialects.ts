import { EntityManager } from '@mikro-orm/knex';
import { DatabaseDriver } from '../../config';
import { postgresqlDialect } from './postgresql/postgresql.dialect';
import { SearchDialect } from './search-dialect';
import { sqliteDialect } from './sqlite/sqlite.dialect';

/**
 * The registry of database engines search runs on, keyed by driver name: a new engine is a folder
 * `engine/<driver>/` and one line here. The type fails to compile when a DatabaseDriver has no entry, and
 * dialects.spec.ts fails when a driver database/orm-options.ts starts has none.
 */
export const DIALECTS_BY_DRIVER: Readonly<Record<DatabaseDriver, SearchDialect>> = {
  sqlite: sqliteDialect,
  postgresql: postgresqlDialect,
};

export const SEARCH_DIALECTS: readonly SearchDialect[] = Object.values(DIALECTS_BY_DRIVER);

export function dialectFor(driver: string): SearchDialect {
  const dialect = (DIALECTS_BY_DRIVER as Record<string, SearchDialect | undefined>)[driver];
  if (!dialect) throw new Error(`no search dialect for the database driver "${driver}"`);
  return dialect;
}

/** The dialect of the engine this entity manager talks to. */
export function dialectOf(em: EntityManager): SearchDialect {
  const platform = em.getPlatform();
  const dialect = SEARCH_DIALECTS.find((d) => d.handles(platform));
  if (!dialect) throw new Error(`no search dialect for the database platform ${platform.constructor.name}`);
  return dialect;
}

/** The injection token of the running engine's dialect (search.module.ts). */
export const SEARCH_DIALECT = Symbol('SearchDialect');

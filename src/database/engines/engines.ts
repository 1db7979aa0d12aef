import { IsolationLevel, type MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { DatabaseDriver } from '../../config';
import { DatabaseEngine } from './database-engine';
import { postgresqlEngine } from './postgresql.engine';
import { sqliteEngine } from './sqlite.engine';

/**
 * The registry of database engines, keyed by driver name: a new engine is a file `engines/<driver>.engine.ts`
 * and one line here (plus its migrations folder and its search dialect). The type fails to compile when a
 * DatabaseDriver has no entry, and engines.spec.ts fails when a migrations folder has none.
 */
export const ENGINES_BY_DRIVER: Readonly<Record<DatabaseDriver, DatabaseEngine>> = {
  sqlite: sqliteEngine,
  postgresql: postgresqlEngine,
};

export const DATABASE_ENGINES: readonly DatabaseEngine[] = Object.values(ENGINES_BY_DRIVER);

export function engineFor(driver: string): DatabaseEngine {
  const engine = (ENGINES_BY_DRIVER as Record<string, DatabaseEngine | undefined>)[driver];
  if (!engine) throw new Error(`no database engine for the driver "${driver}"`);
  return engine;
}

/** The engine a running ORM (or one of its entity managers) talks to, by its MikroORM driver. */
export function engineOf(orm: Pick<MikroORM, 'config'>): DatabaseEngine {
  const driver = orm.config.get('driver');
  const engine = DATABASE_ENGINES.find((e) => e.ormDriver === driver);
  if (!engine) throw new Error(`no database engine for the MikroORM driver ${driver?.name}`);
  return engine;
}

/** Runs a bulk write with the engine's fewer syncs (SQLite: synchronous = NORMAL), restored afterwards. */
export function withFewerSyncs<T>(orm: MikroORM, work: () => Promise<T>): Promise<T> {
  return engineOf(orm).withFewerSyncs(orm.em as EntityManager, work);
}

/** The turns a run of many transactions gives other processes' writers (`DatabaseEngine.writerTurns`). */
export function writerTurns(orm: MikroORM): { afterCommit(): Promise<void> } {
  return engineOf(orm).writerTurns(orm.config.get('dbName'));
}

/**
 * Runs `work` in a transaction that reads one snapshot of the database and can write nothing, so that it holds no
 * writer and no row (PostgreSQL: `REPEATABLE READ READ ONLY`; SQLite: `begin deferred` with `query_only`, see
 * `sqlite-driver.ts`): any write `work` tries is refused by the engine itself (SQLITE_READONLY; 25006). What
 * `import tota` finds already held as its file says is found so, without taking the writer (`TotaImportService`).
 */
export function readOnlySnapshot<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(work, { readOnly: true, isolationLevel: IsolationLevel.REPEATABLE_READ });
}

import type { MikroORM } from '@mikro-orm/core';
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

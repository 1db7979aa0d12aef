import type { Options } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Knex } from '@mikro-orm/knex';
import type { DatabaseConfig, DatabaseDriver } from '../../config';

/** A pooled connection as the driver hands it to Knex: node-sqlite3's Database, node-postgres's Client. */
export interface DriverConnection {
  interrupt?: () => void;
  processID?: number;
  __knexTxId?: string;
}

/**
 * What differs from one database engine to another outside the SQL the Knex builder writes: one definition per
 * driver, registered by name in `engines.ts` (search's statements have their own per-engine part,
 * `search/engine/<driver>/`, registered in `search/engine/dialects.ts`; `engines.spec.ts` checks that the
 * two registries name the same drivers).
 */
export interface DatabaseEngine {
  readonly driver: DatabaseDriver;
  /** MikroORM's driver class, by which the engine of a running ORM is recognised. */
  readonly ormDriver: NonNullable<Options['driver']>;
  /** The engine's part of MikroORM's options: the driver, where to connect, the pool. */
  ormOptions(db: DatabaseConfig): Options;
  /** The database as an operator reads it in a message (never a password). */
  describe(target: string): string;
  /** Whether a failed connection's reason says the database does not exist (DATABASE_CREATE may create it). */
  isMissingDatabase(reason: string): boolean;
  /** What an operator can do about a driver's error, when the engine knows (appended to the message). */
  advice(message: string): string | null;
  /** Why the database takes no writes, by a statement that needs write access and changes nothing; or null. */
  readOnlyProblem(em: EntityManager): Promise<string | null>;
  /**
   * Runs the start-up's writes (migrations, fixtures, derived tables) while no other process of the service runs
   * its own on the same database, so that instances started together do not migrate or load it twice; `waiting`
   * is called once if another holds it.
   */
  exclusiveStartup<T>(em: EntityManager, work: () => Promise<T>, waiting: () => void): Promise<T>;
  /** Runs a bulk write (`import tota`) with whatever the engine allows to spare syncs, restored afterwards. */
  withFewerSyncs<T>(em: EntityManager, work: () => Promise<T>): Promise<T>;
  /**
   * What a run of many transactions one after the other (`import tota`) on the database `target` calls once each
   * has ended, so that other processes' writers get their turn where the engine has one writer and one of them
   * waits (SQLite: `WriterTurns`); else nothing.
   */
  writerTurns(target: string): { afterCommit(): Promise<void> };
  /**
   * A `select` made to claim the rows it reads: locked until its transaction ends, and leaving out the rows another
   * transaction holds (PostgreSQL: `FOR UPDATE SKIP LOCKED`). SQLite's transactions hold the one writer from their
   * start (`BEGIN IMMEDIATE`), so no other holds a row: the select as it is.
   */
  claimRows(select: Knex.QueryBuilder): Knex.QueryBuilder;
  /** Stops a read in flight on `connection` (the statement budget); `sql` is the statement it runs. */
  interrupt(root: EntityManager, connection: DriverConnection, sql: string): Promise<void>;
  /** A scratch database for `migration:create`, migrated from empty: its target, and how to remove it. */
  scratchDatabase(name: string): Promise<{ target: string; remove(): Promise<void> }>;
  /** The engine's error codes of a statement stopped by `interrupt`. */
  readonly cancelledCodes: readonly string[];
  /** The SQL expressions the exports build their lines with (`ingest/repository/export.repository.ts`). */
  readonly lineSql: LineSql;
}

/**
 * SQL expressions that write a value as the export's JavaScript writes it, so that the database builds whole
 * lines and the driver hands over one value per row instead of an object of a dozen (most of an export's time
 * was the driver making those objects). Each takes and gives SQL text; `line-sql.spec.ts` checks them against
 * `csvCell` and `JSON.stringify` on awkward values. The SQL holds no `?` (Knex would take it for a binding).
 */
export interface LineSql {
  /** A text as `csvCell` writes a string: a formula neutralised, then quoted when needed; '' for null. */
  csvText(text: string): string;
  /** An integer as `csvCell` writes a number; '' for null. */
  csvInteger(integer: string): string;
  /** A text or integer as `JSON.stringify` writes it; `null` for null. */
  json(value: string): string;
  /** A text as the driver hands it over at the least cost (SQLite: its bytes, as a Buffer). */
  delivered(text: string): string;
}

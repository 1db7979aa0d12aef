import { Options } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../common/paths';
import { DatabaseConfig, parseDatabaseUrl, setting } from '../config';
import { ProvisionIndexSubscriber } from '../search/sync/provision-index.subscriber';
import { BindingSubscriber } from '../bindings/binding.subscriber';
import { ENTITIES } from './entities';
import { refuseStatementPastBudget } from './statement-budget';

/** Running from TypeScript sources (jest, ts-node) rather than dist/. */
const runningTs = __filename.endsWith('.ts');

interface SqliteConnection {
  run(sql: string, cb: (err: Error | null) => void): void;
}

/** Every pooled SQLite connection: WAL for concurrent readers, a busy timeout instead of SQLITE_BUSY, FKs on. */
function prepareSqliteConnection(
  file: string,
  conn: SqliteConnection,
  callback: (err: Error | null, conn: unknown) => void,
): void {
  // An operator must learn which file is at fault (SQLITE_NOTADB, SQLITE_CANTOPEN, ...).
  const done = (err: Error | null, c: unknown) =>
    callback(
      err ? Object.assign(new Error(`SQLite database ${file}: ${err.message}`), { cause: err }) : null,
      c,
    );
  conn.run('pragma journal_mode = WAL', (e1) => {
    if (e1) return done(e1, conn);
    conn.run('pragma busy_timeout = 5000', (e2) => {
      if (e2) return done(e2, conn);
      conn.run('pragma foreign_keys = on', (e3) => done(e3, conn));
    });
  });
}

export function ormOptions(db: DatabaseConfig = parseDatabaseUrl()): Options {
  const migrations = {
    path: join(PROJECT_ROOT, 'dist', 'migrations', db.driver),
    pathTs: join(PROJECT_ROOT, 'migrations', db.driver),
    glob: '!(*.d).{js,ts}',
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    emit: 'ts' as const,
  };
  // No `extensions: [Migrator]`: MikroORM loads @mikro-orm/migrations (about 300 modules) on the first
  // `orm.getMigrator()`, which the start-up calls only when a migration is pending.
  const common: Options = {
    entities: ENTITIES,
    subscribers: [new BindingSubscriber(), new ProvisionIndexSubscriber()],
    migrations,
    preferTs: runningTs,
    forceUndefined: false,
    allowGlobalContext: false,
    debug: setting('ORM_DEBUG'),
    // A request whose time budget is spent starts no further statement (StatementBudget).
    onQuery: refuseStatementPastBudget,
    colors: false,
    logger: (message: string) => new Logger('MikroORM').log(message),
  };
  if (db.driver === 'sqlite') {
    return {
      ...common,
      driver: SqliteDriver,
      dbName: db.target,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) =>
          prepareSqliteConnection(db.target, conn, done),
      },
    } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: db.target,
    pool: { min: 0, max: 10 },
    // A URL naming a missing database is an error (a typo would otherwise start an empty catalogue), unless the
    // operator asks for the database to be created.
    ensureDatabase: setting('DATABASE_CREATE'),
  } as Options;
}

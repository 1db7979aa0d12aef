import { Options } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../common/paths';
import { DatabaseConfig, parseDatabaseUrl, setting } from '../config';
import { engineFor } from './engines/engines';
import { ProvisionIndexSubscriber } from '../search/sync/provision-index.subscriber';
import { BindingSubscriber } from '../bindings/binding.subscriber';
import { ENTITIES } from './entities';
import { contextEntityManager, keepTransactionsInRequestScope } from './request-context.middleware';
import { refuseStatementPastBudget } from './statement-budget';

/** knex's logger, through Nest's (pino's JSON lines in the server). */
export function knexLog() {
  const logger = new Logger('knex');
  const text = (message: unknown) => (typeof message === 'string' ? message : JSON.stringify(message));
  return {
    warn: (message: unknown) => logger.warn(text(message)),
    error: (message: unknown) => logger.error(text(message)),
    deprecate: (method: string, alternative: string) =>
      logger.warn(`${method} is deprecated, use ${alternative}`),
    debug: (message: unknown) => logger.debug(text(message)),
  };
}

/** Running from TypeScript sources (jest, ts-node) rather than dist/. */
const runningTs = __filename.endsWith('.ts');

export function ormOptions(db: DatabaseConfig = parseDatabaseUrl()): Options {
  keepTransactionsInRequestScope();
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
    // The request's entity manager, forked on its first use (RequestContextMiddleware).
    context: contextEntityManager,
    debug: setting('ORM_DEBUG'),
    // A request whose time budget is spent starts no further statement (StatementBudget).
    onQuery: refuseStatementPastBudget,
    colors: false,
    logger: (message: string) => new Logger('MikroORM').log(message),
    // knex's own warnings (a pooled PostgreSQL connection lost: "Connection Error: ...") go to the log as JSON
    // lines too; knex wrote them to the console as plain text.
    driverOptions: { log: knexLog() },
  };
  return { ...common, ...engineFor(db.driver).ormOptions(db) };
}

import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DatabaseInitializer } from './database-initializer';
import { DatabaseStatus } from './database-status';
import { FixturesLoader } from './fixtures.loader';
import { ormOptions } from './orm-options';
import { parseDatabaseUrl } from '../config';
import { refuseMissingSqliteFile } from './engines/sqlite.engine';
import { RequestContextMiddleware } from './request-context.middleware';
import { HeavyStatements } from './heavy-statements';
import { StatementBudget } from './statement-budget';

/** Global: the database status (start-up checks) is read by the access guard and /health. */
@Global()
@Module({
  // The request context is made by RequestContextMiddleware (a fork only when a request uses one).
  imports: [
    MikroOrmModule.forRootAsync({
      useFactory: () => {
        const db = parseDatabaseUrl();
        // A missing SQLite file is made only when asked (the PostgreSQL rule is DatabaseInitializer's).
        if (db.driver === 'sqlite') refuseMissingSqliteFile(db.target);
        return { ...ormOptions(db), registerRequestContext: false };
      },
    }),
  ],
  providers: [FixturesLoader, DatabaseInitializer, DatabaseStatus, StatementBudget, HeavyStatements],
  exports: [FixturesLoader, DatabaseStatus],
})
export class DatabaseModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

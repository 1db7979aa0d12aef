import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DatabaseInitializer } from './database-initializer';
import { DatabaseStatus } from './database-status';
import { FixturesLoader } from './fixtures.loader';
import { ormOptions } from './orm-options';
import { RequestContextMiddleware } from './request-context.middleware';
import { HeavyStatements } from './heavy-statements';
import { StatementBudget } from './statement-budget';

/** Global: the database status (start-up checks) is read by the access guard and /health. */
@Global()
@Module({
  // The request context is made by RequestContextMiddleware (a fork only when a request uses one).
  imports: [
    MikroOrmModule.forRootAsync({
      useFactory: () => ({ ...ormOptions(), registerRequestContext: false }),
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

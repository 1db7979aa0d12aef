import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, Module } from '@nestjs/common';
import { DatabaseInitializer } from './database-initializer';
import { DatabaseStatus } from './database-status';
import { FixturesLoader } from './fixtures.loader';
import { ormOptions } from './orm-options';
import { StatementBudget } from './statement-budget';

/** Global: the database status (start-up checks) is read by the access guard and /health. */
@Global()
@Module({
  imports: [MikroOrmModule.forRootAsync({ useFactory: () => ormOptions() })],
  providers: [FixturesLoader, DatabaseInitializer, DatabaseStatus, StatementBudget],
  exports: [FixturesLoader, DatabaseStatus],
})
export class DatabaseModule {}

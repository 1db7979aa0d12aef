import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { DatabaseInitializer } from './database-initializer';
import { FixturesLoader } from './fixtures.loader';
import { ormOptions } from './orm-options';

@Module({
  imports: [MikroOrmModule.forRootAsync({ useFactory: () => ormOptions() }), IngestModule],
  providers: [FixturesLoader, DatabaseInitializer],
  exports: [FixturesLoader],
})
export class DatabaseModule {}

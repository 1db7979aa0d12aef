import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/knex';
import { FixturesLoader } from './fixtures.loader';

/** On start: run pending migrations (never schema:update), then load the fixtures into an empty database. */
@Injectable()
export class DatabaseInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseInitializer.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly fixtures: FixturesLoader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const applied = await this.orm.getMigrator().up();
    if (applied.length) this.logger.log(`applied ${applied.length} migration(s)`);
    await this.fixtures.loadIfEmpty(this.orm.em.fork() as EntityManager);
  }
}

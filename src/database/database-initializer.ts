import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/knex';
import { refreshBindings } from '../bindings/refresh-bindings';
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
    await this.deriveBindingsOnce(this.orm.em.fork() as EntityManager);
  }

  /** A database written before `agreement_binding` existed gets it computed once. */
  private async deriveBindingsOnce(em: EntityManager): Promise<void> {
    const [{ n }] = await em
      .getConnection()
      .execute<{ n: number }[]>(
        `select (select count(*) from agreement_party) * (case when exists (select 1 from agreement_binding) then 0 else 1 end) as "n"`,
      );
    if (Number(n) > 0) {
      await em.transactional((tx) => refreshBindings(tx, null));
      this.logger.log('derived who is bound by which agreement');
    }
  }
}

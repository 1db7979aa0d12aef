import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/knex';
import { DatabaseStatus, describeDatabase } from './database-status';
import { FixturesLoader } from './fixtures.loader';

/** On start: run pending migrations (never schema:update), then load the fixtures into an empty database. */
@Injectable()
export class DatabaseInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseInitializer.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly fixtures: FixturesLoader,
    private readonly status: DatabaseStatus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const where = describeDatabase();
    try {
      const applied = await this.orm.getMigrator().up();
      if (applied.length) this.logger.log(`applied ${applied.length} migration(s)`);
    } catch (error) {
      throw new Error(`${where}: ${hint(error)}`, { cause: error });
    }
    await this.checkWritable(where);
    if (this.status.writable) await this.fixtures.loadIfEmpty(this.orm.em.fork() as EntityManager);
  }

  /**
   * A statement that needs write access and changes nothing: a read-only file or server refuses it. The
   * service still starts (reads work), says so in its log and on /health, and answers writes with an error.
   */
  private async checkWritable(where: string): Promise<void> {
    try {
      await this.orm.em.getConnection().execute('update "mikro_orm_migrations" set "id" = "id" where 1 = 0');
    } catch (error) {
      const problem = `${where} is read-only: ${(error as Error).message}`;
      this.status.markReadOnly(problem);
      this.logger.error(`${problem}; reads are served, writes are refused`);
    }
  }
}

/** The driver's message, with what an operator can do about the common cases. */
function hint(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/database .* does not exist/i.test(message))
    return `${message} (create it, or start with DATABASE_CREATE=true to let the service create it)`;
  if (/SQLITE_CANTOPEN/.test(message))
    return `${message} (does the folder exist, and may this user write to it?)`;
  return message;
}

import { MikroORM } from '@mikro-orm/core';
import { readdirSync } from 'node:fs';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/knex';
import { rebuildProvisionIndex } from '../search/sync/refresh-provision-index';
import { refreshBindings } from '../bindings/refresh-bindings';
import { setting } from '../config';
import { DatabaseStatus, describeDatabase } from './database-status';
import { engineOf } from './engines/engines';
import { FixturesLoader } from './fixtures.loader';
import { sweepDeadImports } from '../ingest/pending-imports';

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
    const connection = await this.orm.checkConnection();
    if (!connection.ok) {
      const missing = engineOf(this.orm).isMissingDatabase(connection.reason);
      // MikroORM's migrator creates a missing database; only the operator may ask for that.
      if (!missing || !setting('DATABASE_CREATE'))
        throw new Error(`${where}: ${this.hint(connection.error ?? connection.reason)}`, {
          cause: connection.error,
        });
      await this.orm.schema.ensureDatabase();
      this.logger.warn(`${where} did not exist: created (DATABASE_CREATE=true)`);
    }
    if (await this.readOnlyProblem(where)) return;
    await engineOf(this.orm).exclusiveStartup(
      this.orm.em as EntityManager,
      () => this.prepare(where),
      () => this.logger.log(`${where}: another instance is starting on it; waiting for its migrations`),
    );
  }

  /**
   * Migrations, then what an `import json` killed midway left (`ingest/pending-imports.ts`), then the fixtures into
   * an empty database, then what is derived from the records.
   */
  private async prepare(where: string): Promise<void> {
    try {
      const applied = (await this.migrationsPending()) ? await this.orm.getMigrator().up() : [];
      if (applied.length) this.logger.log(`applied ${applied.length} migration(s)`);
    } catch (error) {
      throw new Error(`${where}: ${this.hint(error)}`, { cause: error });
    }
    const swept = await sweepDeadImports(this.orm);
    if (swept.imports)
      this.logger.warn(
        `removed what ${swept.imports} import(s) stopped midway had written (${swept.agreements} agreement(s), never shown)`,
      );
    await this.fixtures.loadIfEmpty(this.orm.em.fork() as EntityManager);
    await this.deriveBindingsOnce(this.orm.em.fork() as EntityManager);
    await this.indexProvisionsOnce(this.orm.em.fork() as EntityManager);
  }

  /** A database whose provisions were written before the search tables existed gets them indexed once. */
  private async indexProvisionsOnce(em: EntityManager): Promise<void> {
    const [{ n }] = await em
      .getConnection()
      .execute<{ n: number }[]>(
        `select case when exists (select 1 from provision) and not exists (select 1 from provision_search) then 1 else 0 end as "n"`,
      );
    if (Number(n) > 0) {
      const count = await em.transactional((tx) => rebuildProvisionIndex(tx));
      this.logger.log(`indexed ${count} provisions for search and similarity`);
    }
  }

  /**
   * Whether a migration file is not recorded as applied (umzug's own rule). Checked here so that a command on an
   * up-to-date database starts without loading the migrator.
   */
  private async migrationsPending(): Promise<boolean> {
    const options = this.orm.config.get('migrations');
    const dir = (this.orm.config.get('preferTs') ? options.pathTs : options.path) as string;
    const name = (file: string) => file.replace(/\.(js|ts)$/, '');
    const files = readdirSync(dir)
      .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
      .map(name);
    let applied: Set<string>;
    try {
      const table = options.tableName ?? 'mikro_orm_migrations';
      const rows: { name: string }[] = await this.orm.em.getConnection().execute(`select name from ${table}`);
      applied = new Set(rows.map((r) => name(r.name)));
    } catch {
      return true; // no migrations table yet
    }
    return files.some((f) => !applied.has(f));
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

  /**
   * Whether the database takes writes, by a statement that needs write access and changes nothing. A read-only
   * file or server is reported (log, /health) and the service still starts: reads are served, writes refused,
   * migrations and fixtures left alone.
   */
  private async readOnlyProblem(where: string): Promise<boolean> {
    let problem: string | null = null;
    try {
      problem = await engineOf(this.orm).readOnlyProblem(this.orm.em as EntityManager);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (!problem) return false;
    this.status.markReadOnly(`${where} is read-only: ${problem}`);
    this.logger.error(
      `${where} is read-only (${problem}): reads are served, writes refused, migrations not run`,
    );
    return true;
  }

  /** The driver's message, with what an operator can do about it when the engine knows. */
  private hint(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const advice = engineOf(this.orm).advice(message);
    return advice ? `${message} (${advice})` : message;
  }
}

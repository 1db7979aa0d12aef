// Writes a new migration for each driver from the difference between the entities and the migrated schema:
//   npm run migration:create -- <name>
// For each engine of the registry (database/engines/engines.ts), it migrates a scratch database (SQLite: a
// temporary file; PostgreSQL: database ct_migrations on MIGRATION_PG_URL, default
// postgresql://postgres@127.0.0.1:5432) to the latest migration first.
import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { DatabaseConfig } from '../config';
import { DATABASE_ENGINES } from './engines/engines';
import { ormOptions } from './orm-options';

async function createFor(db: DatabaseConfig, name: string): Promise<void> {
  const orm = await MikroORM.init(ormOptions(db));
  try {
    const migrator = orm.getMigrator() as Migrator;
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, false, name);
    console.log(`${db.driver}: ${result.fileName || 'no changes'}`);
  } finally {
    await orm.close(true);
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error('usage: npm run migration:create -- <name>');
  for (const engine of DATABASE_ENGINES) {
    const scratch = await engine.scratchDatabase('ct_migrations');
    try {
      await createFor({ driver: engine.driver, target: scratch.target }, name);
    } finally {
      await scratch.remove();
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

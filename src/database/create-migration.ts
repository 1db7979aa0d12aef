// Writes a new migration for each driver from the difference between the entities and the migrated schema:
//   npm run migration:create -- <name>
// For each engine of the registry (database/engines/engines.ts), it migrates a scratch database (SQLite: a
// temporary file; PostgreSQL: database ct_migrations on MIGRATION_PG_URL, default
// postgresql://postgres@127.0.0.1:5432) to the latest migration first.
import { MikroORM, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { DatabaseConfig } from '../config';
import { DATABASE_ENGINES } from './engines/engines';
import { ormOptions } from './orm-options';
import { SEARCH_OWNED_TABLES } from '../search/engine/search-dialect';

/** The ORM options the schema comparison runs with: search's own tables (full text, bands) are not compared. */
export function comparisonOptions(db: DatabaseConfig): Options {
  return { ...ormOptions(db), schemaGenerator: { skipTables: [SEARCH_OWNED_TABLES] } };
}

async function createFor(db: DatabaseConfig, name: string): Promise<void> {
  const orm = await MikroORM.init(comparisonOptions(db));
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

if (require.main === module)
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });

// Writes a new migration for each driver from the difference between the entities and the migrated schema:
//   npm run migration:create -- <name>
// It migrates scratch databases (a temporary SQLite file; PostgreSQL database ct_migrations on
// MIGRATION_PG_URL, default postgresql://postgres@127.0.0.1:5432) to the latest migration first.
import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseConfig, setting } from '../config';
import { ormOptions } from './orm-options';
import { recreatePostgresDatabase } from './postgres-admin';

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
  const sqliteFile = join(tmpdir(), `ct-migrations-${process.pid}.sqlite`);
  await createFor({ driver: 'sqlite', target: sqliteFile }, name);
  rmSync(sqliteFile, { force: true });
  const pgBase = setting('MIGRATION_PG_URL');
  await createFor(
    { driver: 'postgresql', target: await recreatePostgresDatabase(pgBase, 'ct_migrations') },
    name,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { MikroORM } from '@mikro-orm/core';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ormOptions } from '../../src/database/orm-options';

/** A migrated SQLite file of its own for a unit spec that needs the real schema, and its removal. */
export async function openMigratedSqlite(name: string): Promise<{ orm: MikroORM; close(): Promise<void> }> {
  const file = join(tmpdir(), `ct-${name}-${process.pid}.sqlite`);
  const orm = await MikroORM.init(ormOptions({ driver: 'sqlite', target: file }));
  await orm.getMigrator().up();
  return {
    orm,
    async close() {
      await orm.close(true);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

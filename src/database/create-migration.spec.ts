import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparisonOptions } from './create-migration';

describe('migration:create', () => {
  it('compares the entities with a migrated SQLite database (search tables left out of the comparison)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-compare-'));
    const orm = await MikroORM.init({
      ...comparisonOptions({ driver: 'sqlite', target: join(dir, 'compare.sqlite') }),
      logger: () => undefined,
    });
    try {
      await (orm.getMigrator() as Migrator).up();
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      // The FTS5 tables' untyped columns made the comparison throw before; none of search's tables is touched.
      expect(diff).not.toMatch(/provision_(fts|band|search|signature)/);
    } finally {
      await orm.close(true);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

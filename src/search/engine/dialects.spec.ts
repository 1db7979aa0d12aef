import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../common/paths';
import { DatabaseConfig, DatabaseDriver } from '../../config';
import { ormOptions } from '../../database/orm-options';
import { parseSearchQuery } from '../query';
import { DIALECTS_BY_DRIVER, dialectFor, dialectOf, SEARCH_DIALECTS } from './dialects';

/** The drivers database/orm-options.ts starts: one migrations folder each (its `migrations.pathTs`). */
const SUPPORTED = readdirSync(join(PROJECT_ROOT, 'migrations'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const TARGET: Record<string, string> = {
  sqlite: ':memory:',
  postgresql: 'postgresql://nobody@127.0.0.1:1/never-connected',
};

describe('the search dialect registry', () => {
  it('knows the supported drivers', () => {
    expect(SUPPORTED).toEqual(expect.arrayContaining(['postgresql', 'sqlite']));
  });

  it.each(SUPPORTED)(
    'has a dialect for %s, found from an entity manager orm-options.ts makes',
    async (name) => {
      const driver = name as DatabaseDriver;
      expect(dialectFor(driver).driver).toBe(driver);
      const db: DatabaseConfig = { driver, target: TARGET[driver] ?? `${driver}://never-connected` };
      const options = ormOptions(db);
      expect(options.migrations?.pathTs).toBe(join(PROJECT_ROOT, 'migrations', driver));
      const orm = await MikroORM.init({ ...options, connect: false, ensureDatabase: false });
      try {
        expect(dialectOf(orm.em as EntityManager).driver).toBe(driver);
      } finally {
        await orm.close();
      }
    },
  );

  it('fails plainly for a driver it does not know', () => {
    expect(() => dialectFor('oracle')).toThrow('no search dialect for the database driver "oracle"');
  });

  it('registers each dialect under its own driver name, once', () => {
    for (const [key, dialect] of Object.entries(DIALECTS_BY_DRIVER)) expect(dialect.driver).toBe(key);
    expect(new Set(SEARCH_DIALECTS.map((d) => d.driver)).size).toBe(SEARCH_DIALECTS.length);
  });

  describe.each(SEARCH_DIALECTS.map((d) => [d.driver, d] as const))('%s', (_name, dialect) => {
    const query = parseSearchQuery('cultural "audiovisual services" -film');

    it('implements full text: a FROM clause, the hit id, a match and a score with their parameters', () => {
      expect(dialect.fullText.from).toMatch(/\bpr\b/);
      expect(dialect.fullText.from).toMatch(/\ba\b/);
      expect(dialect.fullText.id).not.toBe('');
      for (const part of [dialect.fullText.match(query), dialect.fullText.score(query)]) {
        expect(part.sql).not.toBe('');
        expect(part.sql.split('?').length - 1).toBe(part.params.length);
      }
      expect(dialect.fullText.match(query).params.length).toBeGreaterThan(0);
    });

    it('implements deadlines (interrupting statements past the limit) and band keys', () => {
      expect(dialect.withDeadline).toBeInstanceOf(Function);
      expect(dialect.withDeadline.length).toBe(3);
      expect(dialect.bandCandidates).toBeInstanceOf(Function);
      expect(dialect.writeBands).toBeInstanceOf(Function);
      expect(dialect.indexTables).toEqual(
        expect.arrayContaining(['provision_search', 'provision_signature']),
      );
    });
  });
});

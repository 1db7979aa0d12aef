import { MikroORM } from '@mikro-orm/core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../common/paths';
import { DatabaseConfig, DatabaseDriver } from '../../config';
import { DIALECTS_BY_DRIVER } from '../../search/engine/dialects';
import { ormOptions } from '../orm-options';
import { DATABASE_ENGINES, engineFor, engineOf, ENGINES_BY_DRIVER } from './engines';

/** The drivers there are migrations for: one folder each under migrations/. */
const MIGRATED = readdirSync(join(PROJECT_ROOT, 'migrations'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const TARGET: Record<string, string> = {
  sqlite: ':memory:',
  postgresql: 'postgresql://nobody:secret@127.0.0.1:1/never-connected',
};

describe('the database engine registry', () => {
  it('knows the migrated drivers', () => {
    expect(MIGRATED).toEqual(expect.arrayContaining(['postgresql', 'sqlite']));
  });

  it.each(MIGRATED)(
    'has an engine definition for %s, found again from the ORM orm-options.ts starts',
    async (name) => {
      const engine = engineFor(name);
      expect(engine.driver).toBe(name);
      const db: DatabaseConfig = { driver: name as DatabaseDriver, target: TARGET[name] ?? `${name}:never` };
      const orm = await MikroORM.init({ ...ormOptions(db), connect: false, ensureDatabase: false });
      try {
        expect(engineOf(orm)).toBe(engine);
      } finally {
        await orm.close();
      }
    },
  );

  it('registers each engine under its own driver name, once, and no engine without migrations', () => {
    for (const [key, engine] of Object.entries(ENGINES_BY_DRIVER)) expect(engine.driver).toBe(key);
    expect(DATABASE_ENGINES.map((e) => e.driver).sort()).toEqual(MIGRATED);
  });

  it("names the same drivers as search's dialect registry", () => {
    expect(Object.keys(DIALECTS_BY_DRIVER).sort()).toEqual(Object.keys(ENGINES_BY_DRIVER).sort());
  });

  it('fails plainly for a driver it does not know', () => {
    expect(() => engineFor('oracle')).toThrow('no database engine for the driver "oracle"');
  });

  it('describes a database without its password, and advises on the common failures', () => {
    expect(engineFor('postgresql').describe(TARGET.postgresql)).toBe(
      'PostgreSQL database postgresql://nobody:***@127.0.0.1:1/never-connected',
    );
    expect(engineFor('sqlite').describe('/tmp/x.sqlite')).toBe('SQLite database /tmp/x.sqlite');
    expect(engineFor('postgresql').isMissingDatabase('database "x" does not exist')).toBe(true);
    expect(engineFor('postgresql').advice('database "x" does not exist')).toMatch(/DATABASE_CREATE=true/);
    expect(engineFor('sqlite').advice('SQLITE_CANTOPEN: unable to open database file')).toMatch(/folder/);
    expect(engineFor('sqlite').advice('SQLITE_BUSY')).toBeNull();
  });
});

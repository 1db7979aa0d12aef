import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refuseMissingSqliteFile } from './sqlite.engine';

describe('refuseMissingSqliteFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-missing-'));
  const missing = join(dir, 'typo', 'catalogue.sqlite');
  const saved = { url: process.env.DATABASE_URL, create: process.env.DATABASE_CREATE };
  afterEach(() => {
    for (const [name, value] of [
      ['DATABASE_URL', saved.url],
      ['DATABASE_CREATE', saved.create],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file DATABASE_URL names that does not exist, naming it and the way to create it', () => {
    process.env.DATABASE_URL = `sqlite:${missing}`;
    delete process.env.DATABASE_CREATE;
    expect(() => refuseMissingSqliteFile(missing)).toThrow(
      `SQLite database ${missing} does not exist: check the path in DATABASE_URL, or start with DATABASE_CREATE=true to create it`,
    );
    process.env.DATABASE_CREATE = 'false';
    expect(() => refuseMissingSqliteFile(missing)).toThrow(/DATABASE_CREATE=true/);
  });

  it('takes a missing file with DATABASE_CREATE=true, the default file (DATABASE_URL unset), a file that exists, and :memory:', () => {
    process.env.DATABASE_URL = `sqlite:${missing}`;
    process.env.DATABASE_CREATE = 'true';
    expect(() => refuseMissingSqliteFile(missing)).not.toThrow();
    delete process.env.DATABASE_CREATE;
    delete process.env.DATABASE_URL;
    expect(() => refuseMissingSqliteFile(missing)).not.toThrow();
    const existing = join(dir, 'existing.sqlite');
    writeFileSync(existing, '');
    process.env.DATABASE_URL = `sqlite:${existing}`;
    expect(() => refuseMissingSqliteFile(existing)).not.toThrow();
    process.env.DATABASE_URL = 'sqlite::memory:';
    expect(() => refuseMissingSqliteFile(':memory:')).not.toThrow();
  });
});

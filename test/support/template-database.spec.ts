import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dropTemplateDatabase, templateKey } from './template-database';

/** The run's SQLite template is kept between runs under a key of what it is built from. */
describe('the SQLite template kept between test runs', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ct-template-key-'));
    write('src/agreements/agreement.entity.ts', 'export class Agreement {}');
    write('src/agreements/agreement.spec.ts', "it('x', () => {});");
    write('migrations/Migration1.ts', 'export class Migration1 {}');
    write('fixtures/parties.json', '[]');
    write('package-lock.json', '{}');
    for (const file of [
      'test/support/template-database.ts',
      'test/support/register-ts.js',
      'test/support/run-ts.ts',
    ])
      write(file, '// builder');
    write('tsconfig.json', '{}');
    write('package.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is built again when a source, a migration, a fixture, the packages, what builds it or a setting changes', () => {
    const first = templateKey(root);
    expect(templateKey(root)).toBe(first);
    // A test of src changes nothing the template is built from.
    write('src/agreements/agreement.spec.ts', "it('y', () => {});");
    expect(templateKey(root)).toBe(first);
    const keys = new Set([first]);
    for (const [path, text] of [
      ['src/agreements/agreement.entity.ts', 'export class Agreement { slug = 1; }'],
      ['src/parties/party.entity.ts', 'export class Party {}'],
      ['migrations/Migration1.ts', 'export class Migration1 { up() {} }'],
      ['fixtures/parties.json', '[{}]'],
      ['package-lock.json', '{"lockfileVersion":3}'],
      // What builds it (review of 7 December 2026: a new step in the builder reused the day's old template).
      ['test/support/template-database.ts', '// builder, one step more'],
      ['test/support/register-ts.js', '// register, changed'],
      ['tsconfig.json', '{"compilerOptions":{"emitDecoratorMetadata":false}}'],
      ['package.json', '{"mikro-orm":{}}'],
    ]) {
      write(path, text);
      keys.add(templateKey(root));
    }
    const saved = process.env.LOAD_FIXTURES;
    process.env.LOAD_FIXTURES = 'false';
    try {
      keys.add(templateKey(root));
    } finally {
      if (saved === undefined) delete process.env.LOAD_FIXTURES;
      else process.env.LOAD_FIXTURES = saved;
    }
    expect(keys.size).toBe(11);
  });

  it("is left in place by jest's globalTeardown, for the next run", async () => {
    const saved = { template: process.env.TEST_DATABASE_TEMPLATE, server: process.env.TEST_DATABASE_URL };
    const file = join(root, 'kept.sqlite');
    writeFileSync(file, 'a template');
    process.env.TEST_DATABASE_TEMPLATE = file;
    delete process.env.TEST_DATABASE_URL;
    try {
      await dropTemplateDatabase();
    } finally {
      for (const [name, value] of [
        ['TEST_DATABASE_TEMPLATE', saved.template],
        ['TEST_DATABASE_URL', saved.server],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
    expect(existsSync(file)).toBe(true);
  });
});

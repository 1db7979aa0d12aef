import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { ENVIRONMENT } from '../../src/config';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../../src/database/postgres-admin';
import { RUN_TS } from './run-ts';

/**
 * One database per test run, migrated and loaded with the fixtures once (jest's globalSetup); each test file
 * then starts from a copy of it (a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL) instead
 * of running the migrations and loading the fixtures again.
 */
const TEMPLATE_ENV = 'TEST_DATABASE_TEMPLATE';

/** The PostgreSQL server the tests run on (TEST_DATABASE_URL), or null for SQLite. */
export const postgresServer = (): string | null => {
  const server = process.env.TEST_DATABASE_URL;
  return server && /^postgres(ql)?:/.test(server) ? server : null;
};

const sqliteSuffixes = ['', '-wal', '-shm'];

/**
 * Creates the template and names it in TEST_DATABASE_TEMPLATE for the test files. The start-up runs in a child
 * process: in jest's own process (globalSetup, and the tests themselves with --runInBand) the ORM's metadata
 * would outlive the setup and clash with the tests' copy of the same modules.
 */
export async function createTemplateDatabase(): Promise<void> {
  const server = postgresServer();
  if (!server) {
    process.env[TEMPLATE_ENV] = cachedSqliteTemplate();
    return;
  }
  const name = `ct_template_${process.pid}`;
  prepareInChild(__filename, await recreatePostgresDatabase(server, name), 'the template database');
  process.env[TEMPLATE_ENV] = name;
}

const ROOT = join(__dirname, '..', '..');
/** SQLite templates kept between runs, one per `templateKey` (the last built), as eslint and jest keep theirs. */
export const TEMPLATE_CACHE = join(ROOT, 'node_modules', '.cache', 'test-template');

/**
 * What a template is built from: every file of src (its tests aside), migrations and fixtures, the installed
 * packages, Node's version, the settings of the environment the start-up reads (but the database's own) and the
 * day (statuses and dates of the fixtures as of today). Any change builds the template again.
 */
export function templateKey(root = ROOT): string {
  const hash = createHash('sha256');
  const add = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) add(path);
      else if (entry.isFile() && !entry.name.endsWith('.spec.ts'))
        hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const dir of ['src', 'migrations', 'fixtures']) add(join(root, dir));
  // What builds the template from them: this file, the TypeScript it is run with, and the package's settings.
  for (const file of [
    'test/support/template-database.ts',
    'test/support/register-ts.js',
    'test/support/run-ts.ts',
    'tsconfig.json',
    'package.json',
    'package-lock.json',
  ])
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  const settings = Object.keys(ENVIRONMENT)
    .filter((name) => name !== 'DATABASE_URL' && name !== 'LOG_LEVEL')
    .map((name) => [name, process.env[name] ?? null]);
  hash.update(JSON.stringify([process.version, new Date().toISOString().slice(0, 10), settings]));
  return hash.digest('hex').slice(0, 32);
}

/** A kept template not used for this long is removed (a run of other code may still be copying it meanwhile). */
const TEMPLATE_KEPT_MS = 2 * 60 * 60 * 1000;

/**
 * The SQLite template of this code, built (migrated and loaded, in a child) only when none was kept for it: the
 * build cost each run about 8 s of CPU, alone on one core before the tests start. Built aside and renamed into
 * place; the templates unused for TEMPLATE_KEPT_MS removed.
 */
function cachedSqliteTemplate(): string {
  const file = join(TEMPLATE_CACHE, `${templateKey()}.sqlite`);
  mkdirSync(TEMPLATE_CACHE, { recursive: true });
  const now = new Date();
  for (const old of readdirSync(TEMPLATE_CACHE)) {
    const path = join(TEMPLATE_CACHE, old);
    // Another run may have renamed or removed it since it was listed.
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && now.getTime() - modified > TEMPLATE_KEPT_MS) rmSync(path, { force: true });
  }
  if (existsSync(file)) {
    for (const suffix of ['', '-wal'])
      if (existsSync(`${file}${suffix}`)) utimesSync(`${file}${suffix}`, now, now);
    return file;
  }
  const building = join(TEMPLATE_CACHE, `building-${process.pid}.sqlite`);
  removeSqlite(building);
  prepareInChild(__filename, `sqlite:${building}`, 'the template database');
  // The WAL first (if one was left): a file whose name is the key is whole.
  for (const suffix of ['-wal', ''])
    if (existsSync(`${building}${suffix}`)) renameSync(`${building}${suffix}`, `${file}${suffix}`);
  removeSqlite(building);
  return file;
}

const removeSqlite = (file: string) => {
  for (const suffix of sqliteSuffixes) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Runs `script` (a module that prepares the database DATABASE_URL names when run as a script) in a child process
 * on `url`, with `env` added; throws with its error output when it fails. The database is a new one
 * (DATABASE_CREATE: a missing SQLite file is refused without it).
 */
export function prepareInChild(
  script: string,
  url: string,
  what: string,
  env: Record<string, string> = {},
  stdio?: 'inherit-stdout',
): void {
  const started = spawnSync(process.execPath, [...RUN_TS, script], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: url,
      DATABASE_CREATE: 'true',
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
    stdio: stdio ? ['ignore', 'inherit', 'pipe'] : undefined,
  });
  if (started.status !== 0) throw new Error(`${what} could not be prepared: ${started.stderr}`);
}

/** Removes a template: the PostgreSQL database of that name, or the SQLite file with its WAL. */
export async function removeTemplate(template: string): Promise<void> {
  const server = postgresServer();
  if (server) await dropPostgresDatabase(server, template);
  else removeSqlite(template);
}

/** Run as a script (by createTemplateDatabase): migrate the database DATABASE_URL names and load the fixtures. */
async function prepareDatabase(): Promise<void> {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { DatabaseModule } = await import('../../src/database/database.module');
  const context = await NestFactory.createApplicationContext(DatabaseModule, { logger: false });
  await context.close();
}

if (require.main === module) void prepareDatabase();

/** jest's globalTeardown: drops the run's PostgreSQL template (a SQLite one is kept for the next run). */
export async function dropTemplateDatabase(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template && postgresServer()) await removeTemplate(template);
}

/**
 * The template to copy for a new test database, or null when there is none (a single file run outside
 * globalSetup) or the test wants an empty catalogue (LOAD_FIXTURES=false).
 */
export function templateDatabase(): string | null {
  if (process.env.LOAD_FIXTURES === 'false') return null;
  return process.env[TEMPLATE_ENV] ?? null;
}

/** A SQLite test database as a copy of the template (its WAL included, if one was left). */
export function copySqliteTemplate(template: string, file: string): void {
  for (const suffix of sqliteSuffixes) {
    rmSync(`${file}${suffix}`, { force: true });
    if (suffix !== '-shm' && existsSync(`${template}${suffix}`))
      copyFileSync(`${template}${suffix}`, `${file}${suffix}`);
  }
}

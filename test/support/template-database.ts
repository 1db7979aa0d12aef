import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const name = `ct_template_${process.pid}`;
  const server = postgresServer();
  const file = join(tmpdir(), `${name}.sqlite`);
  const url = server ? await recreatePostgresDatabase(server, name) : `sqlite:${file}`;
  prepareInChild(__filename, url, 'the template database');
  process.env[TEMPLATE_ENV] = server ? name : file;
}

/**
 * Runs `script` (a module that prepares the database DATABASE_URL names when run as a script) in a child process
 * on `url`, with `env` added; throws with its error output when it fails.
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
  else for (const suffix of sqliteSuffixes) rmSync(`${template}${suffix}`, { force: true });
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

export async function dropTemplateDatabase(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) await removeTemplate(template);
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

import { MikroORM } from '@mikro-orm/core';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { Role } from '../../src/auth/role.enum';
import { configureApp } from '../../src/app.setup';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../../src/database/postgres-admin';
import { WRITER_WANTED_SUFFIX } from '../../src/database/engines/sqlite-writer-wanted';
import { copySqliteTemplate, templateDatabase } from './template-database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions: { code: string; [key: string]: unknown };
  }[];
}

export interface TestApp {
  app: INestApplication;
  orm: MikroORM;
  driver: 'sqlite' | 'postgresql';
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { key?: string },
  ): Promise<GraphQLResponse<T>>;
  /** A new API key of this role (its secret). */
  createKey(role: Role, name?: string): Promise<string>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

let counter = 0;
let keyCounter = 0;

/**
 * Boots the whole application on a clean database of its own, with the migrations run and the fixtures loaded,
 * as `npm start` does: a temporary SQLite file, or, when TEST_DATABASE_URL names a PostgreSQL server, a new
 * database on it that is dropped afterwards. Under jest's globalSetup the database starts as a copy of the run's
 * template (migrated and loaded once, `template-database.ts`); the start-up then finds nothing to do.
 */
export async function startTestApp(
  options: {
    rateLimits?: boolean;
    /** The database to copy instead of the run's template (the corpus suite's imported corpus). */
    template?: string;
  } = {},
): Promise<TestApp> {
  // Suites that ask for many reports or searches from one address would spend its points (rate limits).
  const savedLimits = { key: process.env.RATE_LIMIT_PER_KEY, address: process.env.RATE_LIMIT_PER_ADDRESS };
  if (options.rateLimits === false) {
    process.env.RATE_LIMIT_PER_KEY = '1000000000';
    process.env.RATE_LIMIT_PER_ADDRESS = '1000000000';
  }
  const name = `ct_test_${process.pid}_${process.env.JEST_WORKER_ID ?? 0}_${counter++}`;
  const server = process.env.TEST_DATABASE_URL;
  const postgres = Boolean(server && /^postgres(ql)?:/.test(server));
  const sqliteFile = join(tmpdir(), `${name}.sqlite`);
  const template = options.template ?? templateDatabase();
  if (template && !postgres) copySqliteTemplate(template, sqliteFile);
  process.env.DATABASE_URL = postgres
    ? await recreatePostgresDatabase(server!, name, template ?? undefined)
    : `sqlite:${sqliteFile}`;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';

  // With no template to copy, the SQLite file is a new one, which the application makes only when asked.
  const savedCreate = process.env.DATABASE_CREATE;
  const fresh = !postgres && !template;
  if (fresh) process.env.DATABASE_CREATE = 'true';
  let app: INestApplication;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
    configureApp(app);
    await app.init();
  } finally {
    if (fresh) {
      if (savedCreate === undefined) delete process.env.DATABASE_CREATE;
      else process.env.DATABASE_CREATE = savedCreate;
    }
  }
  const orm = app.get(MikroORM);

  return {
    app,
    orm,
    driver: postgres ? 'postgresql' : 'sqlite',
    async gql(query, variables, options) {
      const req = request(app.getHttpServer()).post('/graphql');
      if (options?.key) req.set('Authorization', `Bearer ${options.key}`);
      const res = await req.send({ query, variables });
      return res.body;
    },
    async createKey(role, name = `${role.toLowerCase()}-${++keyCounter}`) {
      return (await app.get(ApiKeysService).create(name, role)).key;
    },
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      if (options.rateLimits === false) {
        for (const [name, value] of [
          ['RATE_LIMIT_PER_KEY', savedLimits.key],
          ['RATE_LIMIT_PER_ADDRESS', savedLimits.address],
        ] as const) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
      if (postgres) await dropPostgresDatabase(server!, name);
      else
        for (const suffix of ['', '-wal', '-shm', WRITER_WANTED_SUFFIX])
          rmSync(`${sqliteFile}${suffix}`, { force: true });
    },
  };
}

/** Counts the SQL statements the application sends while `work` runs. */
/** The SQL of every statement issued while `work` runs, in the order they start. */
export async function statementsDuring(orm: MikroORM, work: () => Promise<unknown>): Promise<string[]> {
  const knex = (
    orm.em as unknown as {
      getKnex(): {
        on(e: string, f: (q: { sql: string }) => void): void;
        off(e: string, f: (q: { sql: string }) => void): void;
      };
    }
  ).getKnex();
  const statements: string[] = [];
  const listener = (q: { sql: string }) => statements.push(q.sql);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return statements;
}

/**
 * The statements Knex compiled during `work` (the outermost compilations, each statement's text; a subquery is
 * part of its statement): a statement compiled twice is listed twice.
 */
export async function compilationsDuring(work: () => Promise<unknown>): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('knex/lib/query/querycompiler') as {
    prototype: { toSQL(this: unknown, ...args: unknown[]): { sql: string } };
  };
  const toSQL = compiler.prototype.toSQL;
  const compiled: string[] = [];
  let depth = 0;
  compiler.prototype.toSQL = function (this: unknown, ...args: unknown[]) {
    depth++;
    try {
      const query = toSQL.apply(this, args);
      if (depth === 1) compiled.push(query.sql);
      return query;
    } finally {
      depth--;
    }
  };
  try {
    await work();
  } finally {
    compiler.prototype.toSQL = toSQL;
  }
  return compiled;
}

export async function countStatements(orm: MikroORM, work: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(orm, work)).length;
}

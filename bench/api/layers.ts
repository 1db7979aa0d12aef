// bench/api, bottom-up: the CPU time and garbage collection one answer costs at each layer of the service,
// in one process, requests one at a time (no concurrency, so that the figures are per request and steady on a
// loaded machine), beside the same layers of the floor:
// - `floor exec`: graphql-js `execute` of the floor's schema over its DataLoaders (`floor-data.ts`);
// - `floor http`: the same through `floor.ts`'s node:http server (this process is also the client);
// - `exec`: graphql-js `execute` of the service's own schema (with its budget and access wrappers) with the
//   context Apollo would build, in a request scope and budget as the middlewares make them: the resolvers,
//   the repositories, Knex, MikroORM's statement path, the row mapper and the DataLoaders;
// - `apollo`: Apollo's `executeOperation` (parse, validation rules, plugins, then execution), no HTTP;
// - `http`: the whole service over HTTP (Express, middlewares, guards, logging, compression), this process
//   being the client as for `floor http`.
// What a layer adds is its figure minus the one above it; `http` minus `apollo` against `floor http` minus
// `floor exec` is what the HTTP side adds beyond the floor's. Runs the service from dist (`npm run build`).
// `npm run bench:api:layers` (NODE_ENV=production before graphql-js loads, as the service runs): LAYERS_N requests
// per layer and query (default 300); LAYERS_ONLY=<s> only the queries whose name contains it (`data`: only the
// statements of query 1); LAYERS_LAYER=<s> only the layers whose name starts with it; LAYERS_LOG=silent for the
// service's log level; LAYERS_SQL=1 lists each query's statements with their rows, bytes and bare-sqlite3 CPU;
// LAYERS_HEAP=1 an allocation profile of each measured layer; LAYERS_PROMISES=1 the promises a request creates; LAYERS_DIST=<dir> another build than dist.
import { createHook } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildSchema, execute, parse, GraphQLSchema } from 'graphql';
import { EntityManager } from '@mikro-orm/knex';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { Logger } from 'nestjs-pino';
import sqlite3 from 'sqlite3';
import { PROJECT_ROOT } from '../../src/common/paths';
import { QUERIES } from './queries';
import { FLOOR_SDL, loaders, startFloorServer } from './floor-data';
import { queryPoster } from './post-query';

const n = Number(process.env.LAYERS_N ?? 300);
const only = process.env.LAYERS_ONLY ?? '';
const dbFile = join(tmpdir(), `ct-bench-layers-${process.pid}.sqlite`);
Object.assign(process.env, {
  DATABASE_URL: `sqlite:${dbFile}`,
  DATABASE_CREATE: 'true',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  PORT: '0',
  LOG_LEVEL: process.env.LAYERS_LOG ?? process.env.LOG_LEVEL ?? 'info',
});

let gcCount = 0;
let gcMs = 0;
const gcKinds = new Map<number, number>();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcCount++;
    gcMs += entry.duration;
    const kind = (entry as unknown as { detail: { kind: number } }).detail.kind;
    gcKinds.set(kind, (gcKinds.get(kind) ?? 0) + entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

interface Figure {
  cpuMs: number;
  gcs: number;
  gcMs: number;
}

const onlyLayer = process.env.LAYERS_LAYER; // e.g. `exec`: measure only the layers whose name starts with it

/** LAYERS_HEAP=1: a sampling allocation profile of each measured layer (objects collected since included). */
const heapProfile = process.env.LAYERS_HEAP === '1';
const inspector = heapProfile ? new Session() : undefined;
inspector?.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((ok, fail) => inspector!.post(method, params, (e, r) => (e ? fail(e) : ok(r as T))));

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** The allocation sites (function, file and line) by bytes allocated, and the bytes per request. */
function printAllocations(root: SamplingNode, requests: number): void {
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: SamplingNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(PROJECT_ROOT + '/', '')}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(root);
  console.log(`    allocated about ${(total / requests / 1024).toFixed(0)} KB a request; the largest sites:`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(
      `    ${((100 * bytes) / total).toFixed(1).padStart(5)}% ${(bytes / requests / 1024).toFixed(1).padStart(7)} KB ${site}`,
    );
}

/** LAYERS_PROMISES=1: the promises one request of each measured layer creates (counted with a hook of its own). */
const countPromises = process.env.LAYERS_PROMISES === '1';

async function promisesPerRequest(run: () => Promise<unknown>): Promise<number> {
  let promises = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') promises++;
    },
  });
  const requests = Math.min(50, n);
  hook.enable();
  for (let i = 0; i < requests; i++) await run();
  hook.disable();
  return promises / requests;
}

async function measure(run: () => Promise<unknown>, layer = ''): Promise<Figure> {
  if (onlyLayer && !layer.startsWith(onlyLayer)) return { cpuMs: NaN, gcs: NaN, gcMs: NaN };
  if (countPromises)
    console.log(`  ${layer}: ${(await promisesPerRequest(run)).toFixed(0)} promises a request`);
  if (heapProfile) {
    for (let i = 0; i < Math.min(50, n); i++) await run();
    await post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let i = 0; i < n; i++) await run();
    const { profile } = await post<{ profile: { head: SamplingNode } }>('HeapProfiler.stopSampling');
    console.log(`  ${layer}:`);
    printAllocations(profile.head, n);
  }
  for (let i = 0; i < Math.min(50, n); i++) await run(); // warm-up
  const cpu = process.cpuUsage();
  const [count, ms] = [gcCount, gcMs];
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => setImmediate(resolve)); // the observer's entries of the last collections
  return { cpuMs: (used.user + used.system) / 1000 / n, gcs: (gcCount - count) / n, gcMs: (gcMs - ms) / n };
}

const postQuery = queryPoster(1);

function checked(result: { errors?: readonly unknown[] }): void {
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors).slice(0, 500));
}

const print = (layer: string, f: Figure) =>
  console.log(
    `  ${layer.padEnd(20)} ${f.cpuMs.toFixed(2).padStart(6)} ms  ${f.gcs.toFixed(2).padStart(5)} GCs ` +
      `${f.gcMs.toFixed(2).padStart(5)} ms`,
  );

/**
 * The data of query 1 (a page of 20 agreements, their count, their parties) bottom-up: the statements' SQL
 * and bindings through bare node-sqlite3, then through Knex with bindings (its runner and pool and the
 * service's wrappers of them), then through MikroORM's `execute` as the repositories run them, then the
 * repositories (builders, MikroORM, row mapper, edges), in a request scope.
 */
/** The parts of the service's entity manager used here. */
interface Em {
  getKnex(): {
    client: { query: (connection: unknown, obj: { sql: string; bindings: unknown[] }) => Promise<unknown> };
    raw(sql: string, bindings: unknown[]): Promise<unknown>;
  };
  getConnection(): { execute(sql: string, params: unknown[]): Promise<unknown> };
}

async function dataLayers(
  em: Em,
  dist: (path: string) => unknown,
  runInScope: <T>(changes: object, work: () => T) => T,
  LazyFork: new (em: unknown) => object,
  RequestBudget: new () => object,
): Promise<void> {
  const { AgreementRepository } = dist('agreements/repository/agreement.repository') as {
    AgreementRepository: new (em: unknown) => {
      list(
        f: null,
        o: null,
        page: object,
      ): Promise<{ edges: { node: { id: number } }[]; totalCount: Promise<number> }>;
      partiesWithPartyOf(ids: number[]): Promise<unknown[]>;
    };
  };
  const repo = new AgreementRepository(em);
  const scoped = <T>(work: () => Promise<T>) =>
    runInScope({ budget: new RequestBudget(), entityManagers: new LazyFork(em) }, work);
  const viaRepository = async () => {
    const page = await repo.list(null, null, { first: 20 });
    await page.totalCount;
    await repo.partiesWithPartyOf(page.edges.map((e) => e.node.id));
  };
  const statements = await captureStatements(em, () => scoped(viaRepository));
  // MikroORM inlined the values: take the text as it is, with no bindings.
  const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
  const all = (sql: string, params: unknown[]) =>
    new Promise<unknown[]>((ok, fail) => db.all(sql, params, (e, rows) => (e ? fail(e) : ok(rows))));
  console.log(`data of the agreements page, bottom-up (${statements.length} statements)`);
  if (process.env.LAYERS_SQL)
    for (const s of statements) console.log(`    ${s.sql} ${JSON.stringify(s.bindings)}`);
  print(
    'sqlite3',
    await measure(async () => {
      for (const s of statements) await all(s.sql, s.bindings);
    }),
  );
  print(
    'knex raw',
    await measure(() =>
      scoped(async () => {
        for (const s of statements) await em.getKnex().raw(s.sql, s.bindings);
      }),
    ),
  );
  print(
    'mikro execute',
    await measure(() =>
      scoped(async () => {
        for (const s of statements) await em.getConnection().execute(s.sql, s.bindings);
      }),
    ),
  );
  print('repositories', await measure(() => scoped(viaRepository)));
  db.close();
}

/** The statements `work` issues, as Knex's client receives them. */
async function captureStatements(
  em: Em,
  work: () => Promise<unknown>,
): Promise<{ sql: string; bindings: unknown[] }[]> {
  const client = em.getKnex().client;
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const query = client.query;
  client.query = function (this: unknown, connection: unknown, obj: { sql: string; bindings: unknown[] }) {
    statements.push({ sql: obj.sql, bindings: obj.bindings ?? [] });
    return query.call(this, connection, obj);
  };
  try {
    await work();
  } finally {
    client.query = query;
  }
  return statements;
}

/** Prints the statements `work` runs, each with its rows, their size as JSON and its CPU time in bare sqlite3. */
async function statementsOf(em: Em, work: () => Promise<unknown>): Promise<void> {
  const statements = await captureStatements(em, work);
  const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
  const all = (sql: string, params: unknown[]) =>
    new Promise<unknown[]>((ok, fail) => db.all(sql, params, (e, rows) => (e ? fail(e) : ok(rows))));
  for (const s of statements) {
    const rows = await all(s.sql, s.bindings);
    const f = await measure(() => all(s.sql, s.bindings));
    console.log(
      `  ${f.cpuMs.toFixed(2)} ms ${rows.length} rows ${JSON.stringify(rows).length} bytes: ${s.sql.slice(0, 300)}`,
    );
  }
  db.close();
}

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], {
    cwd: PROJECT_ROOT,
    env: process.env,
  });
  // LAYERS_DIST=<dir>: another build (e.g. .bench-base/dist, an earlier commit's) instead of dist.
  const distDir = process.env.LAYERS_DIST ?? join(PROJECT_ROOT, 'dist');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build chosen at run time
  const dist = (path: string) => require(join(distDir, 'src', path)) as unknown;
  const { AppModule } = dist('app.module') as { AppModule: new () => unknown };
  const { configureApp } = dist('app.setup') as { configureApp: (app: unknown) => void };
  const { RequestLoaders } = dist('common/loaders') as { RequestLoaders: new (em: unknown) => unknown };
  const { RequestBudget } = dist('common/request-budget') as { RequestBudget: new () => object };
  const { runInScope } = dist('common/request-scope') as {
    runInScope: <T>(changes: object, work: () => T) => T;
  };
  const { LazyFork } = dist('database/request-context.middleware') as {
    LazyFork: new (em: unknown) => object;
  };

  const app = await NestFactory.create(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app);
  app.useLogger(app.get(Logger));
  const server = await app.listen(0, '127.0.0.1');
  const servicePort = (server.address() as { port: number }).port;
  const schema: GraphQLSchema = app.get(GraphQLSchemaHost).schema;
  const apollo = (
    app.get(GraphQLModule).graphQlAdapter as unknown as {
      instance: { executeOperation(request: object, options: object): Promise<{ body: unknown }> };
    }
  ).instance;
  const em = app.get(EntityManager);
  // The request as the middlewares leave it for an anonymous reader: the access rules read `auth`, the budget
  // wrappers `budget`.
  const fakeRequest = () => {
    const budget = new RequestBudget();
    return {
      budget,
      req: {
        budget,
        auth: { identity: null },
        headers: {},
        method: 'POST',
        path: '/graphql',
        ip: '127.0.0.1',
      },
    };
  };
  const res = { setHeader() {}, getHeader() {}, vary() {} };

  const floorServer = await startFloorServer(dbFile);
  const floorSchema = buildSchema(FLOOR_SDL);
  const floorPort = (floorServer.address() as { port: number }).port;

  console.log(
    `bench/api layers: ${n} requests one at a time per layer and query; CPU ms a request (user + system, this ` +
      `process), collections a request and their ms; log level ${process.env.LOG_LEVEL}`,
  );
  if (!only || 'data'.includes(only)) await dataLayers(em, dist, runInScope, LazyFork, RequestBudget);
  for (const [name, query] of Object.entries(QUERIES).filter(([q]) => q.includes(only))) {
    const document = parse(query);
    if (process.env.LAYERS_SQL)
      await statementsOf(em, () => {
        const { budget, req } = fakeRequest();
        return runInScope({ budget, entityManagers: new LazyFork(em) }, async () =>
          checked(
            await execute({ schema, document, contextValue: { req, res, loaders: new RequestLoaders(em) } }),
          ),
        );
      });
    const figures: Record<string, Figure> = {
      'floor exec': await measure(
        async () =>
          checked(await execute({ schema: floorSchema, document: parse(query), rootValue: loaders() })),
        'floor exec',
      ),
      'floor http': await measure(() => postQuery(floorPort, query), 'floor http'),
      'exec (parsed once)': await measure(() => {
        const { budget, req } = fakeRequest();
        return runInScope({ budget, entityManagers: new LazyFork(em) }, async () =>
          checked(
            await execute({
              schema,
              document,
              contextValue: { req, res, loaders: new RequestLoaders(em) },
            }),
          ),
        );
      }, 'exec'),
      apollo: await measure(() => {
        const { budget, req } = fakeRequest();
        return runInScope({ budget, entityManagers: new LazyFork(em) }, async () => {
          const result = (await apollo.executeOperation(
            { query },
            { contextValue: { req, res, loaders: new RequestLoaders(em) } },
          )) as { body: { singleResult: { errors?: unknown[] } } };
          checked(result.body.singleResult);
        });
      }, 'apollo'),
      http: await measure(() => postQuery(servicePort, query), 'http'),
    };
    console.log(name);
    for (const [layer, f] of Object.entries(figures)) print(layer, f);
  }
  if (process.env.LAYERS_GC_KINDS)
    console.log('gc ms by kind (1 minor, 2 major, 4 incremental, 8 weak callbacks)', gcKinds);
  await app.close();
  floorServer.close();
  postQuery.close();
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

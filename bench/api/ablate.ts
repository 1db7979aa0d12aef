// bench/api, top-down: what each layer of the service costs one request over HTTP, measured by switching it off
// in the running service (one process, the client too, requests one at a time) and comparing the CPU time a
// request with the service as it is, in pairs of chunks close in time (the machine's load moves every figure;
// the pairing keeps the comparison fair). A variant switches off one layer at run
// time (an Express middleware passed through, an Apollo plugin left out, the field wrapper taken off, a guard
// answering at once, the request log silenced), which gives up that layer's guarantee: for measuring only.
// Each variant is measured in `ABLATE_ROUNDS` (30) pairs of chunks of `ABLATE_N` (20) requests, one chunk with the
// variant and one without, in alternating order, so that both chunks of a pair see the same load; printed: the
// median and mean (± its standard error) of the pairs' differences in CPU ms a request (this process: server and
// client). `ABLATE_ONLY=<s>` the queries whose name contains it, `ABLATE_VARIANTS=a,b` only those variants.
// Runs the service from dist (`npm run build` first).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLField, GraphQLSchema, isObjectType } from 'graphql';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { Logger, PinoLogger } from 'nestjs-pino';
import { PROJECT_ROOT } from '../../src/common/paths';
import { QUERIES } from './queries';
import { queryPoster } from './post-query';

const n = Number(process.env.ABLATE_N ?? 20);
const rounds = Number(process.env.ABLATE_ROUNDS ?? 30);
const only = process.env.ABLATE_ONLY ?? '';
const chosen = (process.env.ABLATE_VARIANTS ?? '').split(',').filter(Boolean);
const dbFile = join(tmpdir(), `ct-bench-ablate-${process.pid}.sqlite`);
Object.assign(process.env, {
  DATABASE_URL: `sqlite:${dbFile}`,
  DATABASE_CREATE: 'true',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  PORT: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});

const postQuery = queryPoster(1);

/** A switch: `off()` takes the layer out, and returns what puts it back. */
type Variant = () => () => void;

interface Layer {
  handle: (...args: unknown[]) => unknown;
  name: string;
}

const through = (req: unknown, res: unknown, next: () => void) => next();

/** Passes through the Express layers whose handler's source matches `pattern`. */
function expressLayers(stack: Layer[], pattern: RegExp): Variant {
  return () => {
    const layers = stack.filter((layer) => pattern.test(String(layer.handle)) || pattern.test(layer.name));
    if (!layers.length) throw new Error(`no Express layer matches ${pattern}`);
    const handles = layers.map((layer) => layer.handle);
    for (const layer of layers) layer.handle = through as Layer['handle'];
    return () => layers.forEach((layer, i) => (layer.handle = handles[i]));
  };
}

/** Leaves out the Apollo plugins `which` picks. */
function apolloPlugins(plugins: object[], which: (plugin: object) => boolean): Variant {
  return () => {
    const kept = [...plugins];
    const left = plugins.filter((plugin) => !which(plugin));
    if (left.length === plugins.length) throw new Error('no plugin matched');
    plugins.splice(0, plugins.length, ...left);
    return () => plugins.splice(0, plugins.length, ...kept);
  };
}

/** Replaces a method of a prototype for the variant. */
function method(proto: Record<string, unknown>, name: string, replacement: unknown): Variant {
  return () => {
    const own = proto[name];
    proto[name] = replacement;
    return () => (proto[name] = own);
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], {
    cwd: PROJECT_ROOT,
    env: process.env,
  });
  const dist = (path: string) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build, loaded after the settings
    require(join(PROJECT_ROOT, 'dist', 'src', path)) as Record<
      string,
      { prototype: Record<string, unknown> }
    >;
  const { AppModule } = dist('app.module') as unknown as { AppModule: new () => unknown };
  const { configureApp } = dist('app.setup') as unknown as { configureApp: (app: unknown) => void };
  const { ORIGINAL_RESOLVER } = dist('graphql/field-checks') as unknown as { ORIGINAL_RESOLVER: symbol };
  const app = await NestFactory.create(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app);
  app.useLogger(app.get(Logger));
  const server = await app.listen(0, '127.0.0.1');
  const port = (server.address() as { port: number }).port;
  const stack = (app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router.stack;
  const plugins = (
    app.get(GraphQLModule).graphQlAdapter as unknown as { instance: { internals: { plugins: object[] } } }
  ).instance.internals.plugins;
  const schema: GraphQLSchema = app.get(GraphQLSchemaHost).schema;
  const named = (name: string) => (plugin: object) => plugin.constructor?.name === name;

  const variants: Record<string, Variant> = {
    base: () => () => undefined,
    'log silent': () => {
      const root = (PinoLogger as unknown as { root: { level: string } }).root;
      const level = root.level;
      root.level = 'silent';
      return () => (root.level = level);
    },
    'no field wrapper': () => {
      const wrapped: [GraphQLField<unknown, unknown>, unknown][] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type)) continue;
        for (const field of Object.values(type.getFields()) as (GraphQLField<unknown, unknown> & {
          [k: symbol]: GraphQLField<unknown, unknown>['resolve'];
        })[]) {
          const original = field[ORIGINAL_RESOLVER];
          if (!original) continue;
          wrapped.push([field, field.resolve]);
          field.resolve = original;
        }
      }
      return () => wrapped.forEach(([field, resolve]) => (field.resolve = resolve as typeof field.resolve));
    },
    'no cost plugin': apolloPlugins(plugins, named('QueryCostPlugin')),
    'no budget plugin': apolloPlugins(plugins, named('QueryBudgetPlugin')),
    'no status plugin': apolloPlugins(plugins, named('HttpStatusPlugin')),
    'no armor plugins': apolloPlugins(
      plugins,
      (plugin) => plugin.constructor === Object && 'requestDidStart' in plugin,
    ),
    'no helmet': expressLayers(stack, /servedOverHttps/),
    'no compression': expressLayers(stack, /^compression$/),
    'no urlencoded+form': expressLayers(stack, /^(urlencodedParser|decodeFormFields)$/),
    'no arrival bucket': expressLayers(stack, /lookedAtOnArrival/),
    'no small middlewares': expressLayers(
      stack,
      /req\.method === 'OPTIONS'|req\.method !== 'OPTIONS'|res\.vary\('Accept'\)/,
    ),
    'guards pass': () => {
      const undo = [
        method(dist('auth/rate-limit.guard').RateLimitGuard.prototype, 'canActivate', async () => true)(),
        method(dist('auth/access.guard').AccessGuard.prototype, 'canActivate', async () => true)(),
      ];
      return () => undo.forEach((u) => u());
    },
  };
  // Every switch above at once: what the layers cost together.
  const singles = Object.entries(variants).filter(([name]) => name !== 'base');
  variants['all of them'] = () => {
    const undo = singles.map(([, off]) => off());
    return () => undo.reverse().forEach((on) => on());
  };
  const run = Object.entries(variants).filter(
    ([name]) => name === 'base' || !chosen.length || chosen.includes(name),
  );
  console.error(
    `bench/api ablate: ${rounds} pairs of ${n}-request chunks, with and without each variant, requests one at a ` +
      `time; the difference in CPU ms a request (this process, server and client); log level ${process.env.LOG_LEVEL}`,
  );
  const timed = async (query: string, count: number) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) await postQuery(port, query);
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000 / count;
  };
  for (const [name, query] of Object.entries(QUERIES).filter(([q]) => q.includes(only))) {
    for (let i = 0; i < 100; i++) await postQuery(port, query);
    console.error(name);
    for (const [variant, off] of run) {
      if (variant === 'base') continue;
      // Pairs of chunks, the service as it is and the variant, in alternating order: the difference of each pair.
      const differences: number[] = [];
      const bases: number[] = [];
      for (let pair = 0; pair < rounds; pair++) {
        let base = 0;
        let without = 0;
        for (const turn of pair % 2 ? ['off', 'base'] : ['base', 'off']) {
          const on = turn === 'off' ? off() : () => undefined;
          try {
            await postQuery(port, query);
            if (turn === 'off') without = await timed(query, n);
            else base = await timed(query, n);
          } finally {
            on();
          }
        }
        differences.push(without - base);
        bases.push(base);
      }
      const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
      const sd = Math.sqrt(differences.reduce((a, b) => a + (b - mean) ** 2, 0) / (differences.length - 1));
      console.error(
        `  ${variant.padEnd(22)} ${(median(differences) >= 0 ? '+' : '') + median(differences).toFixed(3)} ms median, ` +
          `${(mean >= 0 ? '+' : '') + mean.toFixed(3)} ± ${(sd / Math.sqrt(differences.length)).toFixed(3)} mean ` +
          `(base ${median(bases).toFixed(2)} ms)`,
      );
    }
  }
  await app.close();
  postQuery.close();
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

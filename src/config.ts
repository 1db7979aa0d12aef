import bytes from 'bytes';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './common/paths';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');
const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);
const text = (fallback: string) => z.string().default(fallback);
/**
 * A size in bytes as body-parser reads its `limit`, with the package it reads it with (`bytes`: `1mb` is 1,048,576,
 * `1.5mb` 1,572,864, `100000` bytes), or null for a text it would not read whole: `lots` (NaN, which body-parser
 * refuses mid-start, `option limit "lots" is invalid`), `-1mb`, or a text without one of its units (kb, mb, gb, tb,
 * pb), which it reads with parseInt, `1m` and `1 megabyte` as 1 byte. (`0kb` is refused with them: 0 either way.)
 */
export function sizeInBytes(text: string): number | null {
  const value = bytes.parse(text);
  if (value === null || !Number.isSafeInteger(value) || value < 0) return null;
  const readWhole = /^\d+$/.test(text) || value !== Number.parseInt(text, 10);
  return readWhole ? value : null;
}

const size = (fallback: string) =>
  z
    .string()
    .refine((text) => sizeInBytes(text) !== null, 'must be a size such as 1mb, 512kb or 100000 (bytes)')
    .default(fallback);

/**
 * Every environment variable the service, the command line and the tests read: its type, default and meaning.
 * `checkEnvironment` validates them all at start-up (a bad value stops it, naming the variable); `setting`
 * reads one, typed, at the time of use (tests change some between applications). The README's configuration
 * table is generated from this list (`npm run config:doc`) and a test fails when it differs.
 */
export const ENVIRONMENT = {
  DATABASE_URL: {
    schema: text('sqlite:data/clause-tracker.sqlite')
      .refine((url) => url !== 'sqlite:', 'needs a file path, e.g. sqlite:data/clause-tracker.sqlite')
      .refine((url) => /^(sqlite:|postgres(ql)?:\/\/)/.test(url), 'must start with sqlite: or postgresql://'),
    help: '`sqlite:<path>` (relative to the project) or `postgresql://user@host:port/db`',
  },
  DATABASE_CREATE: {
    schema: bool(false),
    help: '`true` lets the service and the command line create a missing database at start: a PostgreSQL database, or a SQLite file (and its folder); without it a `DATABASE_URL` naming a missing one is refused, naming it (the default SQLite file, `DATABASE_URL` unset, is made on first start)',
  },
  LOAD_FIXTURES: {
    schema: bool(true),
    help: '`false` starts an empty catalogue (parties and taxonomy only), e.g. before `import json`',
  },
  PORT: { schema: int(3000, 0, 65535), help: 'HTTP port' },
  SERVER_PROCESSES: {
    schema: int(1, 1, 64),
    help: 'server processes sharing the port (node:cluster), one Node thread each: set it to the cores the service may use; each holds its own clause index in memory',
  },
  PUBLIC_URL: {
    schema: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    help: "the service's address, for absolute links (report files, the HTML one the browser shows included, downloads, files written by the command line); default `http://localhost:$PORT`",
  },
  NODE_ENV: {
    schema: z.enum(['production', 'development', 'test']).optional(),
    help: '`production`: no introspection, suggestions or stack traces; `development` adds stack traces to GraphQL errors',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    help: 'pino level (`silent` in tests)',
  },
  PUBLIC_READ: { schema: bool(true), help: '`false` requires a key to read' },
  CORS_ORIGINS: {
    // A browser's Origin header is scheme://host[:port]: an entry with a path or a final slash never matches it.
    schema: text('').superRefine((list, ctx) => {
      const bad = list
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o && !/^https?:\/\/[^/\s?#]+$/.test(o));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `${bad.map((o) => `"${o}"`).join(', ')} ${bad.length > 1 ? 'are not origins' : 'is not an origin'} (scheme://host[:port], no path or final slash)`,
        });
    }),
    help: 'origins allowed to call the API from a browser, comma-separated',
  },
  TRUST_PROXY: {
    schema: bool(false),
    help: "`true` behind one proxy: the client's address from the last `X-Forwarded-For` entry, the one the proxy wrote (rate limits), and its scheme from `X-Forwarded-Proto` (https headers)",
  },
  BODY_LIMIT: { schema: size('1mb'), help: 'largest request body (413 past it)' },
  MAX_CONNECTIONS_PER_ADDRESS: {
    schema: int(100, 0),
    help: "open connections one address may hold (an IPv6 address counts by its /64); one more is answered 429 and closed. Not applied with `TRUST_PROXY` (every connection is the proxy's: limit there); `0`: no limit",
  },
  IMPORT_MAX_MB: { schema: int(32, 1), help: 'largest file an import reads, in MiB (ToTA, text, DESTA)' },
  JSON_IMPORT_MAX_MB: {
    schema: int(256, 1),
    help: 'largest file `import json` reads, in MiB (the corpus export is 62 MB)',
  },
  REQUEST_TIMEOUT_MS: {
    schema: int(15_000, 1),
    help: 'time budget of one request (503 `TIMEOUT` past it)',
  },
  MAX_RESPONSE_BYTES: {
    schema: int(10 * 2 ** 20, 1),
    help: 'largest GraphQL answer (400 `RESPONSE_TOO_LARGE`)',
  },
  MAX_QUERY_DEPTH: { schema: int(12, 1), help: 'deepest GraphQL query' },
  MAX_QUERY_ALIASES: { schema: int(15, 1), help: 'most aliases in one query' },
  MAX_QUERY_TOKENS: { schema: int(1500, 1), help: 'most tokens in one query document' },
  MAX_QUERY_COST: { schema: int(25_000, 1), help: 'highest cost of one query (see Hardening)' },
  HEAVY_QUERY_COST: {
    schema: int(12_500, 1),
    help: 'cost above which an operation waits for its turn (see Hardening)',
  },
  HEAVY_QUERY_CONCURRENCY: {
    schema: int(1, 1),
    help: 'costly operations (searches, reports, draft checks, queries over HEAVY_QUERY_COST) run at the same time per process',
  },
  API_KEY_KEPT_MS: {
    schema: int(5_000, 0),
    help: 'how long a server keeps an API key it has read (one statement fewer per keyed request); a key revoked by `keys revoke` (another process) stops working within this time, at once in the process that revoked it; `0` reads the key on every request',
  },
  RATE_LIMIT_PER_KEY: { schema: int(600, 1), help: 'points a minute per API key' },
  RATE_LIMIT_PER_ADDRESS: { schema: int(300, 1), help: 'points a minute per address for anonymous clients' },
  QUERY_COST_PER_POINT: {
    schema: int(100, 1),
    help: 'query cost per rate-limit point: an operation also takes floor(cost / this) points, and gets back what its answer did not use (see Hardening)',
  },
  SEARCH_TIME_LIMIT_MS: {
    schema: int(1_000, 1),
    help: 'longest full-text statement before it is interrupted',
  },
  SEARCH_RANK_CANDIDATES: {
    schema: int(5_000, 1),
    help: 'hits ranked at most per search (the rest in index order)',
  },
  GRAPHQL_INTROSPECTION: { schema: bool(false), help: '`true` allows introspection in production' },
  GRAPHQL_SUGGESTIONS: {
    schema: bool(false),
    help: '`true` keeps field-name suggestions in production errors',
  },
  SHUTDOWN_READY_DELAY_MS: {
    schema: int(5_000, 0),
    help: "how long a stop answers 503 on `/health/ready` while still serving, before it closes (the balancer's polling interval or two)",
  },
  REDIS_URL: {
    schema: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    help: '`redis://host:port`: rate-limit buckets shared by every instance (unset: in memory, one process)',
  },
  REDIS_KEY_PREFIX: { schema: text('clause-tracker:rate:'), help: "prefix of the service's Redis keys" },
  SHUTDOWN_GRACE_MS: { schema: int(10_000, 0), help: 'how long a stop waits for the responses in flight' },
  ORM_DEBUG: { schema: bool(false), help: '`true` logs every SQL statement' },
  CORPUS_DIR: {
    schema: text('../shared/corpus'),
    help: 'the real corpus (ToTA texts, country lists), for the corpus tests and tools',
  },
  TEST_DATABASE_URL: {
    schema: z.string().optional(),
    help: 'PostgreSQL server for the end-to-end tests (default: SQLite temp files)',
  },
  MIGRATION_PG_URL: {
    schema: text('postgresql://postgres@127.0.0.1:5432'),
    help: 'PostgreSQL server on which `npm run migration:create` diffs the PostgreSQL schema',
  },
} as const;

export type SettingName = keyof typeof ENVIRONMENT;
type SettingValue<K extends SettingName> = z.output<(typeof ENVIRONMENT)[K]['schema']>;

/** A URL's password as logs and messages show it: `postgresql://user:***@host/db` (any scheme). */
export const withoutPassword = (text: string): string =>
  text.replace(/(\/\/[^/:@\s]*):[^/@\s]*@/g, '$1:***@');

function problem(name: string, error: z.ZodError): string {
  return `${name}="${withoutPassword(process.env[name] ?? '')}" ${error.issues.map((issue) => issue.message).join('; ')}`;
}

function parse(name: SettingName) {
  const raw = process.env[name];
  return ENVIRONMENT[name].schema.safeParse(raw === '' ? undefined : raw);
}

/** The last value parsed per variable, with the text it came from: reads on the hot path are a lookup. */
const parsed = new Map<SettingName, { raw: string | undefined; value: unknown }>();

/** One variable, validated and typed, read now (parsed again only when the environment changed it). */
export function setting<K extends SettingName>(name: K): SettingValue<K> {
  const raw = process.env[name];
  const known = parsed.get(name);
  if (known && known.raw === raw) return known.value as SettingValue<K>;
  const result = parse(name);
  if (!result.success) throw new Error(`configuration: ${problem(name, result.error)}`);
  parsed.set(name, { raw, value: result.data });
  return result.data as SettingValue<K>;
}

/** A variable's default, for texts that quote it. */
export function settingDefault<K extends SettingName>(name: K): SettingValue<K> {
  return ENVIRONMENT[name].schema.parse(undefined) as SettingValue<K>;
}

/** Validates every variable: the list of problems, each naming its variable (empty when all are good). */
export function environmentProblems(): string[] {
  return (Object.keys(ENVIRONMENT) as SettingName[]).flatMap((name) => {
    const result = parse(name);
    return result.success ? [] : [problem(name, result.error)];
  });
}

/** Stops start-up on a bad value, naming every bad variable. */
export function checkEnvironment(): void {
  const problems = environmentProblems();
  if (problems.length) throw new Error(`configuration: ${problems.join('; ')}`);
}

/** The README's configuration table. */
export function configurationTable(): string {
  const rows = (Object.keys(ENVIRONMENT) as SettingName[]).map((name) => {
    const fallback = ENVIRONMENT[name].schema.safeParse(undefined);
    const shown =
      fallback.success && fallback.data !== undefined && fallback.data !== ''
        ? `\`${String(fallback.data)}\``
        : '';
    return `| \`${name}\` | ${shown} | ${ENVIRONMENT[name].help} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

export type DatabaseDriver = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  driver: DatabaseDriver;
  /** SQLite file path (or :memory:) or PostgreSQL connection URL. */
  target: string;
}

/** DATABASE_URL is left unset: the default database (`data/clause-tracker.sqlite`) is meant. */
export function databaseUrlIsDefault(): boolean {
  return process.env.DATABASE_URL === undefined;
}

/** Reads DATABASE_URL: `sqlite:<path>` (relative to the project) or `postgresql://...`. */
export function parseDatabaseUrl(url: string = setting('DATABASE_URL')): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file)
      throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/clause-tracker.sqlite');
    return { driver: 'sqlite', target: file === ':memory:' ? file : resolve(PROJECT_ROOT, file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { driver: 'postgresql', target: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgresql:// (got "${withoutPassword(url)}")`);
}

export function port(): number {
  return setting('PORT');
}

export const isProduction = (): boolean => setting('NODE_ENV') === 'production';
export const isDevelopment = (): boolean => setting('NODE_ENV') === 'development';

/**
 * The service's own address, for absolute links (XLSX cells cannot link relatively): PUBLIC_URL, else
 * http://localhost:PORT. Never the request's Host header, which the client chooses.
 */
export const publicUrl = (): string =>
  (setting('PUBLIC_URL') ?? `http://localhost:${setting('PORT')}`).replace(/\/+$/, '');

/** The path prefix of PUBLIC_URL ("" or e.g. "/clause-tracker"), which every served page's links start with. */
export function publicBasePath(url: string | undefined = setting('PUBLIC_URL')): string {
  if (!url) return '';
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** The real corpus (ToTA texts, country lists), for the corpus tests and tools. */
export const corpusDir = (): string => resolve(PROJECT_ROOT, setting('CORPUS_DIR'));

/**
 * One of this server's paths as clients reach it, under PUBLIC_URL's path prefix ("/reports/x.csv" is
 * "/clause-tracker/reports/x.csv"): the links of the pages and the report file addresses the API gives. A path,
 * not an address, so that it resolves against whatever host the client used.
 */
export const servedPath = (path: string): string => `${publicBasePath()}${path}`;

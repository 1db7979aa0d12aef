import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { readAgreementFixtures } from '../../src/agreements/agreement-fixtures';
import { hashKey } from '../../src/auth/api-keys.service';
import { PROJECT_ROOT } from '../../src/common/paths';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../../src/database/postgres-admin';
import { fromGlobalId } from '../../src/graphql/node/global-id';
import { RUN_TS } from '../support/run-ts';

/**
 * Two instances of the service on one PostgreSQL database, sharing rate-limit buckets in Redis, as behind a load
 * balancer: PostgreSQL at CLUSTER_POSTGRES_URL (default 127.0.0.1:5432), Redis at CLUSTER_REDIS_URL (default
 * 127.0.0.1:6379); `.ci/run` starts both when they are down. The figures are printed for the README.
 */
const SERVER = process.env.CLUSTER_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORTS = [Number(process.env.CLUSTER_PORT ?? 4310), Number(process.env.CLUSTER_PORT ?? 4310) + 1];
const DATABASE = `ct_cluster_${process.pid}`;
const PREFIX = `clause-tracker-cluster-test:${process.pid}:`;
const ADDRESS_BUDGET = 10;

interface Instance {
  port: number;
  process: ChildProcess;
  exited: Promise<number | null>;
}

const json = { 'content-type': 'application/json' };
const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }';

function start(port: number, databaseUrl: string): Instance {
  const child = spawn(process.execPath, [...RUN_TS, 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
      TRUST_PROXY: 'true',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_ADDRESS: String(ADDRESS_BUDGET),
      RATE_LIMIT_PER_KEY: '1000000',
      SHUTDOWN_READY_DELAY_MS: '1500',
      SHUTDOWN_GRACE_MS: '10000',
      TS_NODE_SWC: 'true',
      TS_NODE_TRANSPILE_ONLY: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { port, process: child, exited };
}

/** Waits up to 5 minutes (a start on a loaded 2-core machine can take one). */
async function ready(instance: Instance): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${instance.port}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (instance.process.exitCode !== null) throw new Error(`instance on ${instance.port} exited`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${instance.port} did not become ready`);
}

async function graphql(
  port: number,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: Record<string, { id: string } | null>; errors?: unknown[] } }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('two instances on one PostgreSQL with Redis', () => {
  let databaseUrl: string;
  let db: Client;
  let instances: Instance[] = [];
  let key: string;
  let pinpoints: string[];

  beforeAll(async () => {
    databaseUrl = await recreatePostgresDatabase(SERVER, DATABASE);
    // Both started at once on the empty database, as an orchestrator starts replicas: one migrates and loads
    // the fixtures while the other waits for it.
    instances = [start(PORTS[0], databaseUrl), start(PORTS[1], databaseUrl)];
    await Promise.all(instances.map(ready));
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    key = `ct_${randomBytes(24).toString('hex')}`;
    await db.query(
      `insert into api_key (name, role, key_hash, key_prefix, created_at) values ('cluster-test', 'ANNOTATOR', $1, $2, now())`,
      [hashKey(key), key.slice(0, 8)],
    );
    const res = await graphql(PORTS[0], {
      query: '{ provisions(first: 100) { edges { node { pinpoint } } } }',
    });
    pinpoints = (
      res.body.data as unknown as { provisions: { edges: { node: { pinpoint: string } }[] } }
    ).provisions.edges.map((e) => e.node.pinpoint);
  });

  afterAll(async () => {
    for (const instance of instances)
      if (instance.process.exitCode === null) instance.process.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.exited));
    await db?.end();
    await dropPostgresDatabase(SERVER, DATABASE);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  /** Writes through the given ports, `concurrency` at a time, until `until` says stop; what was acknowledged. */
  async function writeLoad(ports: () => number[], until: () => boolean, concurrency: number, note: string) {
    const acknowledged: { id: number; port: number }[] = [];
    let failed = 0;
    let n = 0;
    const worker = async () => {
      while (!until()) {
        const i = n++;
        const candidates = ports();
        const port = candidates[i % candidates.length];
        try {
          const res = await graphql(
            port,
            {
              query: CREATE,
              variables: {
                // Each write its own note: the same annotation sent again is refused as a repeat (CONFLICT).
                input: {
                  pinpoint: pinpoints[i % pinpoints.length],
                  code: 'CULTURAL_COOPERATION',
                  note: `${note} #${i}`,
                },
              },
            },
            { authorization: `Bearer ${key}` },
          );
          const id = res.body.data?.createAnnotation?.id;
          if (res.status === 200 && id) acknowledged.push({ id: Number(fromGlobalId(id)!.key), port });
          else failed++;
        } catch {
          failed++; // connection refused or reset: not acknowledged, a client retries elsewhere
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { acknowledged, failed };
  }

  async function stored(note: string): Promise<{ annotations: Set<number>; audited: Set<number> }> {
    const annotations = await db.query(`select id from annotation where note like $1`, [`${note} #%`]);
    const audited = await db.query(
      `select entity_id from audit_event where action = 'annotation.create' and outcome = 'SUCCESS' and entity_type = 'Annotation'`,
    );
    return {
      annotations: new Set(annotations.rows.map((r: { id: number }) => Number(r.id))),
      audited: new Set(audited.rows.map((r: { entity_id: string }) => Number(r.entity_id))),
    };
  }

  it('started together on an empty database, migrate it and load the fixtures once', async () => {
    const migrations = readdirSync(join(PROJECT_ROOT, 'migrations/postgresql')).filter((f) =>
      f.endsWith('.ts'),
    );
    const applied = await db.query('select name from mikro_orm_migrations');
    expect(applied.rows.map((r: { name: string }) => r.name.replace(/\.(js|ts)$/, '')).sort()).toEqual(
      migrations.map((f) => f.replace(/\.ts$/, '')).sort(),
    );
    const fixtures = readAgreementFixtures();
    const count = async (table: string) =>
      Number((await db.query(`select count(*) as n from ${table}`)).rows[0].n);
    expect(await count('agreement')).toBe(fixtures.length);
    expect(await count('provision')).toBe(
      fixtures.reduce((sum, record) => sum + record.provisions.length, 0),
    );
  });

  it('a budget spent on one instance is refused on the other', async () => {
    const address = { 'x-forwarded-for': '198.51.100.7' };
    const query = { query: '{ taxonomy { code } }' };
    for (let i = 0; i < ADDRESS_BUDGET; i++)
      expect((await graphql(PORTS[0], query, address)).status).toBe(200);
    const other = await fetch(`http://127.0.0.1:${PORTS[1]}/graphql`, {
      method: 'POST',
      headers: { ...json, ...address },
      body: JSON.stringify(query),
    });
    expect(other.status).toBe(429);
    expect(Number(other.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another client still has its budget on both.
    expect((await graphql(PORTS[1], query, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
    console.log(`budget: ${ADDRESS_BUDGET} points spent on instance A; instance B answered 429`);
  });

  it('stores every write made through both instances, each with its audit event', async () => {
    const note = `cluster-both-${process.pid}`;
    let sent = 0;
    const started = Date.now();
    const { acknowledged, failed } = await writeLoad(
      () => PORTS,
      () => sent++ >= 200,
      8,
      note,
    );
    const seconds = (Date.now() - started) / 1000;
    const { annotations, audited } = await stored(note);
    expect(failed).toBe(0);
    expect(acknowledged.length).toBe(200);
    expect(new Set(acknowledged.map((a) => a.port)).size).toBe(2);
    expect(annotations.size).toBe(200);
    for (const { id } of acknowledged) {
      expect(annotations.has(id)).toBe(true);
      expect(audited.has(id)).toBe(true);
    }
    console.log(
      `writes through both: ${acknowledged.length} acknowledged in ${seconds.toFixed(1)} s (${(acknowledged.length / seconds).toFixed(0)}/s, 8 clients), ${annotations.size} stored, all audited`,
    );
  });

  it('loses no acknowledged write when one instance is stopped mid-load', async () => {
    const note = `cluster-stop-${process.pid}`;
    const [a, b] = instances;
    let stopping = false;
    let done = false;
    // Like a balancer: both instances while B is ready, only A once B's readiness answers 503.
    const targets = () => (stopping ? [a.port] : [a.port, b.port]);
    const load = writeLoad(targets, () => done, 8, note);
    await new Promise((r) => setTimeout(r, 1500));
    const stopAt = Date.now();
    b.process.kill('SIGTERM');
    // Readiness goes first: 503 while B still serves what it gets.
    let unreadyAfterMs = -1;
    for (let i = 0; i < 50 && unreadyAfterMs < 0; i++) {
      const res = await fetch(`http://127.0.0.1:${b.port}/health/ready`).catch(() => null);
      if (res?.status === 503) unreadyAfterMs = Date.now() - stopAt;
      else await new Promise((r) => setTimeout(r, 50));
    }
    stopping = true;
    const exitCode = await b.exited;
    const exitedAfterMs = Date.now() - stopAt;
    await new Promise((r) => setTimeout(r, 1000));
    done = true;
    const { acknowledged, failed } = await load;
    const { annotations, audited } = await stored(note);
    const lost = acknowledged.filter(({ id }) => !annotations.has(id) || !audited.has(id));
    expect(unreadyAfterMs).toBeGreaterThanOrEqual(0);
    expect(exitCode).toBe(0);
    expect(lost).toEqual([]);
    expect(acknowledged.filter((w) => w.port === b.port).length).toBeGreaterThan(0);
    console.log(
      `stop mid-load: B unready ${unreadyAfterMs} ms after SIGTERM, exited (code ${exitCode}) after ${exitedAfterMs} ms; ` +
        `${acknowledged.length} writes acknowledged (${acknowledged.filter((w) => w.port === b.port).length} by B), ` +
        `${failed} not acknowledged, ${lost.length} lost; ${annotations.size} stored`,
    );
  });
});

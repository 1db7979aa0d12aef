// bench/load: 60 s of mixed reads and writes at 50 connections against a running server (autocannon).
// Checks zero 5xx and zero lost writes (every createAnnotation the server acknowledged is in the database),
// and prints throughput and latency. `npm run bench:load` (BENCH_SECONDS, BENCH_CONNECTIONS to change).
import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { PROJECT_ROOT } from '../../src/common/paths';
import { fromGlobalId } from '../../src/graphql/node/global-id';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3456);
const dbFile = join(tmpdir(), `ct-bench-load-${process.pid}.sqlite`);
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbFile}`,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_KEY: '1000000',
  RATE_LIMIT_PER_ADDRESS: '1000000',
  TS_NODE_SWC: 'true',
  TS_NODE_TRANSPILE_ONLY: 'true',
};
const tsNode = ['-r', 'ts-node/register'];

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [...tsNode, 'src/cli.ts', ...args], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
  });
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [...tsNode, 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error('the server did not start');
}

function ids(sql: string): Promise<number[]> {
  const db = new sqlite3.Database(dbFile);
  return new Promise((resolve, reject) =>
    db.all(sql, (e, rows: { id: number }[]) => (db.close(), e ? reject(e) : resolve(rows.map((r) => r.id)))),
  );
}

const gql = (query: string, variables?: object) => JSON.stringify({ query, variables });

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  cli('keys', 'list'); // migrates and loads the fixtures
  const key = cli('keys', 'create', '--name', 'load-bench', '--role', 'ANNOTATOR').trim().split('\n').at(-1)!;
  const server = await startServer();
  const base = `http://127.0.0.1:${port}`;
  // Every provision of the fixtures takes writes in turn: a provision takes at most
  // LIST_BOUNDS.provisionAnnotations annotations, so 100 of them ran out within the minute and writes were refused.
  interface ProvisionPage {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { pinpoint: string } }[];
  }
  const pinpoints: string[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page: ProvisionPage = (
      (await (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: gql(
            'query($after: String) { provisions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { pinpoint } } } }',
            { after },
          ),
        })
      ).json()) as { data: { provisions: ProvisionPage } }
    ).data.provisions;
    pinpoints.push(...page.edges.map((e) => e.node.pinpoint));
    more = page.pageInfo.hasNextPage;
    after = page.pageInfo.endCursor;
  }

  const acknowledged = new Set<number>();
  let writeErrors = 0;
  const json = { 'content-type': 'application/json' };
  const reads = [
    gql(
      '{ agreements(first: 20, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug title dateSigned parties { party { code } } } } } }',
    ),
    gql(
      '{ agreement(slug: "eu-korea-fta") { title provisions(first: 20) { edges { node { pinpoint summary annotations { code { code } status } } } } } }',
    ),
    gql(
      '{ provisions(first: 20, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } }) { totalCount edges { node { pinpoint agreement { shortTitle } } } } }',
    ),
    gql(
      '{ party(code: "FRA") { name conventionStatus { inForce } agreements(first: 10) { totalCount edges { node { slug } } } } }',
    ),
  ];
  let n = 0;
  // What the p99 is made of: each response's latency by kind. autocannon calls onResponse and then, on the same
  // tick, emits 'response' with the latency, so the kind named by the one is the kind of the other.
  const kindOf = (body: string): string =>
    body.includes('createAnnotation')
      ? 'write: createAnnotation'
      : body.includes('"dateSigned"')
        ? 'read: agreements page'
        : body.includes('"agreement":{"title"')
          ? 'read: agreement with provisions'
          : body.includes('"shortTitle"')
            ? 'read: filtered provisions'
            : body.includes('conventionStatus')
              ? 'read: party with agreements'
              : 'other (an error answer)';
  let lastKind = 'other (an error answer)';
  const latencyByKind = new Map<string, number[]>();
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            setupRequest: (request: autocannon.Request) => {
              n++;
              if (n % 5 === 0) {
                return {
                  ...request,
                  headers: { ...json, authorization: `Bearer ${key}` },
                  body: gql(
                    'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
                    {
                      input: {
                        pinpoint: pinpoints[n % pinpoints.length],
                        code: 'CULTURAL_COOPERATION',
                        note: `load ${n}`,
                      },
                    },
                  ),
                };
              }
              return { ...request, headers: json, body: reads[n % reads.length] };
            },
            onResponse: (status: number, body: string) => {
              lastKind = kindOf(body);
              if (!body.includes('createAnnotation')) return;
              const id =
                status === 200
                  ? (JSON.parse(body) as { data?: { createAnnotation?: { id: string } } }).data
                      ?.createAnnotation?.id
                  : undefined;
              if (id) acknowledged.add(Number(fromGlobalId(id)?.key));
              else writeErrors++;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, _status, _bytes, ms) => {
    const list = latencyByKind.get(lastKind);
    if (list) list.push(ms);
    else latencyByKind.set(lastKind, [ms]);
  });
  const result = await finished;
  const storedIds = new Set(await ids(`select id from annotation where author = 'load-bench'`));
  const lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
  server.kill();
  const fiveXx = result['5xx'];
  console.log(
    `bench/load: ${seconds} s, ${connections} connections, 1 write in 5 (createAnnotation), SQLite`,
  );
  console.log(`requests        ${result.requests.total} (${result.requests.average.toFixed(0)} req/s mean)`);
  console.log(
    `latency         p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
  for (const [kind, values] of [...latencyByKind].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `  ${kind.padEnd(34)} ${String(values.length).padStart(6)} answers, p50 ${percentile(values, 50).toFixed(0)} ms, p99 ${percentile(values, 99).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`,
    );
  console.log(
    `5xx             ${fiveXx}   non-2xx ${result.non2xx}   errors ${result.errors}   timeouts ${result.timeouts}`,
  );
  console.log(
    `writes          ${acknowledged.size} acknowledged, ${storedIds.size} stored (in flight at the end: ${storedIds.size - acknowledged.size}), ${writeErrors} refused`,
  );
  console.log(`lost writes     ${lost} (acknowledged but not stored)`);
  // A refused write is no lost write, but the mix it measures is then not the one it names.
  const ok = fiveXx === 0 && lost === 0 && result.errors === 0 && writeErrors === 0;
  console.log(ok ? 'PASS: zero 5xx, zero lost writes, zero refused writes' : 'FAIL');
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  process.exitCode = ok ? 0 : 1;
}

void main();

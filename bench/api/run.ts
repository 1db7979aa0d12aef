// bench/api: the service's read path against its floor (floor.ts: node:http + graphql-js + node-sqlite3 +
// DataLoaders) on the same fixtures database, for the same three queries, at BENCH_CONNECTIONS (10) connections,
// alternating service and floor in rounds of BENCH_SECONDS (4) s, BENCH_ROUNDS (5) rounds per query.
// Targets: the service's throughput >= 0.5x the floor's, its p50 latency <= 2x the floor's. `npm run bench:api`.
import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3457);
const only = process.env.BENCH_ONLY ?? ''; // e.g. `nested`: the queries whose name contains it
const dbFile = join(tmpdir(), `ct-bench-api-${process.pid}.sqlite`);
const tsNode = ['-r', 'ts-node/register'];
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbFile}`,
  PORT: String(port),
  NODE_ENV: 'production',
  // The anonymous limit (300 points a minute per address) would refuse all but the first seconds of one client
  // address: the bench raises it out of reach. The guard still runs and counts every request.
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  TS_NODE_SWC: 'true',
  TS_NODE_TRANSPILE_ONLY: 'true',
};

export const QUERIES = {
  'agreements page': `{ agreements(first: 20) { totalCount edges { cursor node { slug title dateSigned
    parties { party { code name } } } } } }`,
  'provisions page': `{ provisions(first: 20) { totalCount edges { cursor node { pinpoint articleNumber
    articleTitle summary annotations { status confidence code { code name } } } } } }`,
  'nested 50 agreements': `{ agreements(first: 50) { edges { node { slug title parties { party { code name } }
    provisions(first: 3) { totalCount edges { node { pinpoint articleNumber annotations { status code { code } } } } }
  } } } }`,
};

function waitForPort(child: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /port (\d+)|localhost:(\d+)\/graphql/.exec(out);
      if (found) resolve(Number(found[1] ?? found[2]));
    });
  });
}

async function post(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || body.errors)
    throw new Error(`${url}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

interface Sample {
  requests: number;
  seconds: number;
  latencies: number[];
  bad: number;
}

async function measure(url: string, query: string, duration: number, into?: Sample): Promise<void> {
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) bad++;
    });
  });
  if (!into) return;
  into.requests += result.requests.total;
  into.seconds += duration;
  into.latencies.push(...latencies);
  into.bad += bad + result.errors + result.timeouts;
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  // Migrates and loads the fixtures, as `npm start` does on first start. The service runs from dist/ (built by
  // the npm script), as `npm start` runs it: under ts-node every error stack would also be source-mapped.
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], { cwd: PROJECT_ROOT, env });
  const service = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const floor = spawn(process.execPath, [...tsNode, join(__dirname, 'floor.ts'), dbFile, '0'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const servers = {
      service: `http://127.0.0.1:${await waitForPort(service, 'the service')}/graphql`,
      floor: `http://127.0.0.1:${await waitForPort(floor, 'the floor')}/graphql`,
    };
    // The service logs every request as in production (LOG_LEVEL info): its output goes nowhere.
    service.stdout!.resume();
    console.log(
      `bench/api: ${connections} connections, ${rounds} rounds of ${seconds} s per server and query, ` +
        `alternating; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start`,
    );
    let met = true;
    for (const [name, query] of Object.entries(QUERIES).filter(([n]) => n.includes(only))) {
      const [a, b] = [await post(servers.service, query), await post(servers.floor, query)];
      if (!isDeepStrictEqual(a, b)) throw new Error(`${name}: the service and the floor answer differently`);
      for (const url of Object.values(servers)) await measure(url, query, 1); // warm-up
      const samples: Record<keyof typeof servers, Sample> = {
        service: { requests: 0, seconds: 0, latencies: [], bad: 0 },
        floor: { requests: 0, seconds: 0, latencies: [], bad: 0 },
      };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? (['floor', 'service'] as const) : (['service', 'floor'] as const);
        for (const server of order) await measure(servers[server], query, seconds, samples[server]);
      }
      const [s, f] = [samples.service, samples.floor];
      const throughput = s.requests / s.seconds / (f.requests / f.seconds);
      const latency = p50(s.latencies) / p50(f.latencies);
      const ok = throughput >= 0.5 && latency <= 2 && s.bad === 0 && f.bad === 0;
      met &&= ok;
      console.log(
        `${name.padEnd(22)} service ${(s.requests / s.seconds).toFixed(0).padStart(5)} req/s p50 ${p50(s.latencies).toFixed(1).padStart(6)} ms | ` +
          `floor ${(f.requests / f.seconds).toFixed(0).padStart(5)} req/s p50 ${p50(f.latencies).toFixed(1).padStart(6)} ms | ` +
          `throughput ${throughput.toFixed(2)}x (>= 0.5), p50 ${latency.toFixed(2)}x (<= 2)` +
          `${s.bad + f.bad ? `, ${s.bad} + ${f.bad} failed requests` : ''} ${ok ? 'met' : 'NOT MET'}`,
      );
    }
    console.log(met ? 'PASS: every target met' : 'FAIL: a target is not met');
    process.exitCode = met ? 0 : 1;
  } finally {
    service.kill();
    floor.kill();
    for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  }
}

void main();

// bench/api: the service's read path against its floor (floor.ts: node:http + graphql-js + node-sqlite3 +
// DataLoaders) on the same fixtures database, for the same three queries, at BENCH_CONNECTIONS (10) connections,
// alternating service and floor in rounds of BENCH_SECONDS (4) s, BENCH_ROUNDS (5) rounds per query.
// Targets: the service's throughput >= 0.5x the floor's, its p50 latency <= 2x the floor's. `npm run bench:api`.
// Each server's CPU time per request (user + system, from /proc/<pid>/stat over its measured rounds) is printed
// beside its throughput: under load it moves less than throughput does.
// BENCH_STACK=plain,fields,fields+scope adds the floor of the fixed stack (`stack-floor.ts`: Nest, Express and
// Apollo over the floor's data), once per comma-separated variant, its layers joined by `+` (`plain`: none).
// BENCH_SERVICE_VARIANTS='LOG_LEVEL=silent;HEAVY_QUERY_COST=100000 LOG_LEVEL=warn' adds the service again, once
// per semicolon-separated variant, with those settings (space-separated NAME=value) on top of the bench's;
// `NODE_ARGS=--single-threaded-gc,--max-semi-space-size=64` passes options to node itself instead of those
// `npm start` passes (package.json's `start`, which the service is otherwise run with); `NODE_ARGS=` none;
// `MAIN=.bench-base/dist/src/main.js` runs another build (a copy of an earlier commit's dist, for before/after).
// BENCH_PROBE=1 preloads `async-probe.js` into the service and the stack floors and prints, after the queries,
// the AsyncLocalStorages each enabled and the CPU cost of a promise workload with them and without them.
// With it, a service variant `BENCH_NO_STORAGES=1` runs with no AsyncLocalStorage ever enabled (see the probe).
// BENCH_PROFILE=<dir> writes a CPU profile of the service there (`node --cpu-prof`, on its exit after the
// queries), which `profile-layers.ts` splits by layer.
import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';
import { QUERIES } from './queries';
import { cpuMsOf, startArgs } from './server-process';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3457);
const only = process.env.BENCH_ONLY ?? ''; // e.g. `nested`: the queries whose name contains it
const stackVariants = (process.env.BENCH_STACK ?? '').split(',').filter(Boolean);
const serviceVariants = (process.env.BENCH_SERVICE_VARIANTS ?? '').split(';').filter(Boolean);
const probe = process.env.BENCH_PROBE === '1';
const profileDir = process.env.BENCH_PROFILE;
const dbFile = join(tmpdir(), `ct-bench-api-${process.pid}.sqlite`);
const tsNode = ['-r', 'ts-node/register'];
/**
 * The node options `npm start` runs the service with (package.json's `start`, e.g. the young generation's
 * size): the bench runs it the same way.
 */
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbFile}`,
  DATABASE_CREATE: 'true',
  PORT: String(port),
  NODE_ENV: 'production',
  // The anonymous limit (300 points a minute per address) would refuse all but the first seconds of one client
  // address: the bench raises it out of reach. The guard still runs and counts every request.
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  TS_NODE_SWC: 'true',
  TS_NODE_TRANSPILE_ONLY: 'true',
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
  cpuMs: number;
}

const newSample = (): Sample => ({ requests: 0, seconds: 0, latencies: [], bad: 0, cpuMs: 0 });

/** CPU milliseconds (user + system, all threads) a process has used so far. */
interface Server {
  url: string;
  pid: number;
}

async function measure(server: Server, query: string, duration: number, into?: Sample): Promise<void> {
  const url = server.url;
  const cpuBefore = cpuMsOf(server.pid);
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
  into.cpuMs += cpuMsOf(server.pid) - cpuBefore;
  into.requests += result.requests.total;
  into.seconds += duration;
  into.latencies.push(...latencies);
  into.bad += bad + result.errors + result.timeouts;
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Starts a server; its stderr goes to ours but for the probe's reports, which are kept in `probes`. */
function start(
  name: string,
  args: string[],
  probes: Map<string, string[]>,
  settings: Record<string, string> = {},
): ChildProcess {
  const child = spawn(
    process.execPath,
    [...(probe ? ['-r', join(__dirname, 'async-probe.js')] : []), ...args],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...env,
        STACK_LAYERS: name.startsWith('stack') ? stackLayersOf(name).join(',') : undefined,
        ...settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${code ?? signal}) during the bench`);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('BENCH_PROBE ')) probes.set(name, [...(probes.get(name) ?? []), line.slice(12)]);
      else if (line) process.stderr.write(`${line}\n`);
    }
  });
  return child;
}

let stopping = false;

const stackName = (variant: string) => `stack[${variant}]`;
const stackLayersOf = (name: string) =>
  name
    .slice(6, -1)
    .split('+')
    .filter((layer) => layer !== 'plain');

const fmt = (sample: Sample) =>
  `${(sample.requests / sample.seconds).toFixed(0).padStart(5)} req/s p50 ${p50(sample.latencies).toFixed(1).padStart(6)} ms ` +
  `cpu ${(sample.cpuMs / sample.requests).toFixed(2).padStart(6)} ms/req`;

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  // Migrates and loads the fixtures, as `npm start` does on first start. The service runs from dist/ (built by
  // the npm script), as `npm start` runs it: under ts-node every error stack would also be source-mapped.
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], { cwd: PROJECT_ROOT, env });
  const probes = new Map<string, string[]>();
  const children: Record<string, ChildProcess> = {
    service: start(
      'service',
      [
        ...startArgs,
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        'dist/src/main.js',
      ],
      probes,
    ),
    floor: start('floor', [...tsNode, join(__dirname, 'floor.ts'), dbFile, '0'], probes),
  };
  serviceVariants.forEach((variant, i) => {
    const settings = Object.fromEntries(
      variant.split(' ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
    // NODE_ARGS=--a,--b: options for node itself (V8's collector flags, which NODE_OPTIONS does not all allow).
    // `NODE_ARGS=` (empty): none, not even `npm start`'s.
    const nodeArgs = (settings.NODE_ARGS ?? startArgs.join(',')).split(',').filter(Boolean);
    // MAIN=<file>: another build of the service (e.g. a copy of an earlier commit's dist), for before and after.
    const main = settings.MAIN ?? 'dist/src/main.js';
    children[`service[${variant}]`] = start(`service[${variant}]`, [...nodeArgs, main], probes, {
      ...settings,
      PORT: String(port + 1 + i),
    });
  });
  for (const variant of stackVariants)
    children[stackName(variant)] = start(
      stackName(variant),
      [...tsNode, join(__dirname, 'stack-floor.ts'), dbFile, '0'],
      probes,
    );
  try {
    const servers: Record<string, Server> = {};
    for (const [name, child] of Object.entries(children))
      servers[name] = { url: `http://127.0.0.1:${await waitForPort(child, name)}/graphql`, pid: child.pid! };
    // The service logs every request as in production (LOG_LEVEL info): its output goes nowhere.
    for (const child of Object.values(children)) child.stdout!.resume();
    console.log(
      `bench/api: ${connections} connections, ${rounds} rounds of ${seconds} s per server and query, ` +
        `alternating; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start`,
    );
    let met = true;
    const names = Object.keys(servers);
    for (const [name, query] of Object.entries(QUERIES).filter(([n]) => n.includes(only))) {
      const expected = await post(servers.floor.url, query);
      for (const server of names)
        if (!isDeepStrictEqual(await post(servers[server].url, query), expected))
          throw new Error(`${name}: ${server} and the floor answer differently`);
      for (const server of names) await measure(servers[server], query, 1); // warm-up
      const samples = Object.fromEntries(names.map((server) => [server, newSample()]));
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? [...names].reverse() : names;
        for (const server of order) await measure(servers[server], query, seconds, samples[server]);
      }
      const f = samples.floor;
      const ratios = (s: Sample) => ({
        throughput: s.requests / s.seconds / (f.requests / f.seconds),
        latency: p50(s.latencies) / p50(f.latencies),
      });
      const s = samples.service;
      const { throughput, latency } = ratios(s);
      const ok = throughput >= 0.5 && latency <= 2 && s.bad === 0 && f.bad === 0;
      met &&= ok;
      console.log(
        `${name.padEnd(22)} service ${fmt(s)} | floor ${fmt(f)} | ` +
          `throughput ${throughput.toFixed(2)}x (>= 0.5), p50 ${latency.toFixed(2)}x (<= 2)` +
          `${s.bad + f.bad ? `, ${s.bad} + ${f.bad} failed requests` : ''} ${ok ? 'met' : 'NOT MET'}`,
      );
      for (const server of names.filter((n) => n !== 'service' && n !== 'floor')) {
        const r = ratios(samples[server]);
        console.log(
          `${''.padEnd(22)} ${server.padEnd(20)} ${fmt(samples[server])} | ` +
            `throughput ${r.throughput.toFixed(2)}x, p50 ${r.latency.toFixed(2)}x of the floor` +
            `${samples[server].bad ? `, ${samples[server].bad} failed requests` : ''}`,
        );
      }
    }
    console.log(met ? 'PASS: every target met' : 'FAIL: a target is not met');
    process.exitCode = met ? 0 : 1;
    if (probe) await reportProbes(children, probes);
  } finally {
    stopping = true;
    for (const child of Object.values(children)) child.kill();
    for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  }
}

/** Asks each probed server (idle now) for its storages and promise costs, and prints them. */
async function reportProbes(children: Record<string, ChildProcess>, probes: Map<string, string[]>) {
  for (const [name, child] of Object.entries(children)) {
    child.kill('SIGUSR2');
    for (let waited = 0; !probes.has(name) && waited < 30_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(`probe ${name}: ${probes.get(name)?.join(' ') ?? 'no answer'}`);
  }
}

void main();

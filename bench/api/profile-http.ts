// bench/api: a CPU profile of the service answering one query over HTTP, requests one at a time, in one process
// (the client too, as in `layers.ts`), and its split by function: self time, and inclusive time (each sample
// counted once per function on its stack), the project's functions and those of the packages it calls.
// `PROFILE_N` requests (default 1000) per query, after 100 to warm up; `PROFILE_ONLY=<s>` the queries whose name
// contains it; `PROFILE_TOP` lines per list (40); `PROFILE_INTERVAL` the sampling interval in µs (100);
// `PROFILE_SAVE=<file>` also writes the profile; `PROFILE_FLOOR=1` profiles the floor's server instead. Runs the service from dist (`npm run build` first).
import { createHook } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { PROJECT_ROOT } from '../../src/common/paths';
import { QUERIES } from './queries';
import { startFloorServer } from './floor-data';
import { queryPoster } from './post-query';

const n = Number(process.env.PROFILE_N ?? 1000);
const top = Number(process.env.PROFILE_TOP ?? 40);
const only = process.env.PROFILE_ONLY ?? '';
const dbFile = join(tmpdir(), `ct-bench-profile-${process.pid}.sqlite`);
Object.assign(process.env, {
  DATABASE_URL: `sqlite:${dbFile}`,
  DATABASE_CREATE: 'true',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  PORT: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((ok, fail) => session.post(method, params, (e, r) => (e ? fail(e) : ok(r as T))));

const postQuery = queryPoster(1);

const short = (url: string) =>
  url
    .replace(/.*node_modules\//, '')
    .replace(`file://${PROJECT_ROOT}/`, '')
    .replace(`${PROJECT_ROOT}/`, '');

function split(profile: Profile, requests: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nameOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return url
      ? `${functionName || '(anonymous)'} ${short(url)}:${lineNumber + 1}`
      : functionName || '(native)';
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    busy += micros;
    const name = nameOf(node);
    self.set(name, (self.get(name) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = nameOf(byId.get(at)!);
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + micros);
    }
  });
  const perRequest = (micros: number) => (micros / 1000 / requests).toFixed(3).padStart(7);
  console.error(`  busy ${perRequest(busy)} ms a request (sampled)`);
  const byPackage = new Map<string, number>();
  for (const [name, micros] of self) {
    const file = / (\S+):\d+$/.exec(name)?.[1];
    const layer = !file
      ? name
      : file.startsWith('node:')
        ? file.split('/').slice(0, 2).join('/')
        : file.startsWith('dist/src/')
          ? file.split('/').slice(0, 3).join('/')
          : file.startsWith('@')
            ? file.split('/').slice(0, 2).join('/')
            : file.split('/')[0];
    byPackage.set(layer, (byPackage.get(layer) ?? 0) + micros);
  }
  console.error('  self time by package or project folder, ms a request:');
  for (const [name, micros] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.error(`  ${perRequest(micros)} ${((100 * micros) / busy).toFixed(1).padStart(5)}% ${name}`);
  console.error('  self time, ms a request:');
  for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.error(`  ${perRequest(micros)} ${((100 * micros) / busy).toFixed(1).padStart(5)}% ${name}`);
  console.error("  inclusive time of the project's functions and the packages' entries, ms a request:");
  for (const [name, micros] of [...inclusive]
    .filter(([name]) => !name.startsWith('('))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top * 2))
    console.error(`  ${perRequest(micros)} ${((100 * micros) / busy).toFixed(1).padStart(5)}% ${name}`);
}

/**
 * PROFILE_PROMISES=1: instead of a CPU profile, where the promises of a request are made: the two innermost
 * frames outside Node's own modules of each promise's creation, counted over 50 requests.
 */
async function promiseSites(run: () => Promise<unknown>): Promise<void> {
  const sites = new Map<string, number>();
  let total = 0;
  const holder: { stack?: string } = {};
  const hook = createHook({
    init(_id, type) {
      if (type !== 'PROMISE') return;
      total++;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 12;
      Error.captureStackTrace(holder);
      Error.stackTraceLimit = limit;
      const frames = holder
        .stack!.split('\n')
        .slice(1)
        .map((line) => line.trim().replace(/^at /, ''))
        .filter(
          (line) => !/node:|profile-http|^new Promise|^Promise\.|\(<anonymous>\)|^<anonymous>$/.test(line),
        )
        .slice(0, 2)
        .map((line) => short(line.replace(/:\d+\)$/, ')')));
      const site = frames.join(' < ') || '(node)';
      sites.set(site, (sites.get(site) ?? 0) + 1);
    },
  });
  const requests = 50;
  hook.enable();
  for (let i = 0; i < requests; i++) await run();
  hook.disable();
  console.error(`  ${(total / requests).toFixed(0)} promises a request; where:`);
  for (const [site, count] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.error(`  ${(count / requests).toFixed(1).padStart(7)} ${site}`);
}

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], {
    cwd: PROJECT_ROOT,
    env: process.env,
  });
  const dist = (path: string) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build, loaded after the settings
    require(join(PROJECT_ROOT, 'dist', 'src', path)) as unknown;
  const { AppModule } = dist('app.module') as { AppModule: new () => unknown };
  const { configureApp } = dist('app.setup') as { configureApp: (app: unknown) => void };
  const app = await NestFactory.create(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app);
  app.useLogger(app.get(Logger));
  const server = await app.listen(0, '127.0.0.1');
  const servicePort = (server.address() as { port: number }).port;
  // PROFILE_FLOOR=1: the floor's node:http server (as `floor.ts`), in this process, instead of the service.
  const floorServer = await startFloorServer(dbFile);
  const port =
    process.env.PROFILE_FLOOR === '1' ? (floorServer.address() as { port: number }).port : servicePort;
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL ?? 100) });
  for (const [name, query] of Object.entries(QUERIES).filter(([q]) => q.includes(only))) {
    for (let i = 0; i < 100; i++) await postQuery(port, query);
    if (process.env.PROFILE_PROMISES === '1') {
      await promiseSites(() => postQuery(port, query));
      continue;
    }
    const cpu = process.cpuUsage();
    await post('Profiler.start');
    for (let i = 0; i < n; i++) await postQuery(port, query);
    const { profile } = await post<{ profile: Profile }>('Profiler.stop');
    const used = process.cpuUsage(cpu);
    console.error(
      `${name}: ${((used.user + used.system) / 1000 / n).toFixed(2)} ms of CPU a request (this process)`,
    );
    if (process.env.PROFILE_SAVE)
      writeFileSync(`${process.env.PROFILE_SAVE}.${name.split(' ')[0]}.cpuprofile`, JSON.stringify(profile));
    split(profile, n);
  }
  await app.close();
  floorServer.close();
  postQuery.close();
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

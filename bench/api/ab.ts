// bench/api, build against build: two builds of the service side by side (A: `AB_A`, default
// `.bench-base/dist/src/main.js`, a copy of an earlier commit's dist; B: `AB_B`, default `dist/src/main.js`), each its
// own process as `npm start` runs it, on one copy of the fixtures database, and the bench's queries sent to each in
// turn, `AB_N` requests (default 300) in chunks of `AB_CHUNK` (25) at `AB_CONNECTIONS` at once (default 1), `AB_ROUNDS` rounds (default 6), the
// two alternating from chunk to chunk. Each server's CPU time (user + system, all threads, from
// /proc) over its requests of a round, per request; printed: each build's median over the rounds and the median of
// the rounds' ratios B / A (paired in time, so that the machine's load moves both alike). `AB_ONLY=<s>` the queries
// whose name contains it; `AB_SETTINGS_A` / `AB_SETTINGS_B` settings (NAME=value, space-separated) for one of them.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';
import { QUERIES } from './queries';
import { queryPoster } from './post-query';
import { cpuMsOf, listening, startArgs } from './server-process';

const n = Number(process.env.AB_N ?? 300);
const rounds = Number(process.env.AB_ROUNDS ?? 6);
const connections = Number(process.env.AB_CONNECTIONS ?? 1);
const only = process.env.AB_ONLY ?? '';
const basePort = Number(process.env.AB_PORT ?? 5290);
const dbFile = join(tmpdir(), `ct-bench-ab-${process.pid}.sqlite`);
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbFile}`,
  DATABASE_CREATE: 'true',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
};

const settingsOf = (text = '') =>
  Object.fromEntries(
    text
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );

function start(main: string, port: number, settings: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...startArgs, main], {
    cwd: PROJECT_ROOT,
    env: { ...env, PORT: String(port), ...settings },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return listening(child, main);
}

const postQuery = queryPoster(64);

async function send(port: number, query: string, count: number): Promise<void> {
  let left = count;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left-- > 0) await postQuery(port, query);
    }),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], { cwd: PROJECT_ROOT, env });
  const servers = [
    {
      name: 'A',
      main: process.env.AB_A ?? '.bench-base/dist/src/main.js',
      settings: settingsOf(process.env.AB_SETTINGS_A),
    },
    {
      name: 'B',
      main: process.env.AB_B ?? 'dist/src/main.js',
      settings: settingsOf(process.env.AB_SETTINGS_B),
    },
  ];
  const running = await Promise.all(
    servers.map(async (server, i) => ({
      ...server,
      port: basePort + i,
      child: await start(server.main, basePort + i, server.settings),
    })),
  );
  // Start-up work that goes on after listening (the clause index, the derived tables) must not count.
  for (const s of running)
    for (let quiet = 0; quiet < 2;) {
      const before = cpuMsOf(s.child.pid!);
      await new Promise((resolve) => setTimeout(resolve, 500));
      quiet = cpuMsOf(s.child.pid!) - before <= 20 ? quiet + 1 : 0;
    }
  console.log(
    `bench/api ab: A ${servers[0].main} ${process.env.AB_SETTINGS_A ?? ''}, B ${servers[1].main} ${process.env.AB_SETTINGS_B ?? ''}; ` +
      `${n} requests a round at ${connections} at once, ${rounds} rounds; load ${loadavg()[0].toFixed(1)}`,
  );
  try {
    for (const [name, query] of Object.entries(QUERIES).filter(([q]) => q.includes(only))) {
      const [a, b] = await Promise.all(running.map((s) => postQuery(s.port, query)));
      if (a !== b) throw new Error(`${name}: the two builds answer differently`);
      for (const s of running) await send(s.port, query, 300); // warm-up
      // Each round sends AB_N requests to each in chunks of AB_CHUNK (25), alternating between the two, so that
      // both see the same moments of the machine's load.
      const chunk = Number(process.env.AB_CHUNK ?? 25);
      const cpu = new Map<string, number[]>(running.map((s) => [s.name, []]));
      const ratios: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const mine = new Map<string, number>(running.map((s) => [s.name, 0]));
        for (let sent = 0, turn = round; sent < n; sent += chunk, turn++)
          for (const s of turn % 2 ? [...running].reverse() : running) {
            const before = cpuMsOf(s.child.pid!);
            await send(s.port, query, Math.min(chunk, n - sent));
            mine.set(s.name, mine.get(s.name)! + cpuMsOf(s.child.pid!) - before);
          }
        for (const s of running) cpu.get(s.name)!.push(mine.get(s.name)! / n);
        ratios.push(mine.get('B')! / mine.get('A')!);
      }
      console.log(
        `${name}: A ${median(cpu.get('A')!).toFixed(2)} ms, B ${median(cpu.get('B')!).toFixed(2)} ms of CPU a request; ` +
          `B/A ${median(ratios).toFixed(3)} (rounds ${ratios.map((r) => r.toFixed(2)).join(' ')}); load ${loadavg()[0].toFixed(1)}`,
      );
    }
  } finally {
    for (const s of running) s.child.kill();
    postQuery.close();
    for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// bench/api: instructions a request, counted by valgrind's callgrind, for one or more builds of the service: a
// figure that the machine's load does not move (wall-clock and CPU time on this shared machine move by 10 to 30%
// between rounds; instruction counts by about 1%). Each build (`INSTR_MAINS`, comma-separated, default
// `dist/src/main.js`; e.g. `.bench-base/dist/src/main.js,dist/src/main.js`) runs as `npm start` runs it, under
// `valgrind --tool=callgrind --instr-atstart=no` (instrumentation off through the start-up, which takes one to two
// minutes under valgrind), on its own copy of the fixtures database. For each of the bench's queries
// (`INSTR_ONLY=<s>`: those whose name contains it): `INSTR_WARM` requests (default 300) to warm V8's compilers up,
// then `INSTR_ROUNDS` rounds (default 3) of `INSTR_N` requests (default 40) one at a time with the counting on
// (`callgrind_control -i on`), each round's count dumped and read from its file. Printed: each round's
// instructions a request (all threads: the main thread, libuv's pool where SQLite runs, V8's collector and
// compiler threads), in millions, and for several builds the ratio of each to the first. The client runs
// outside valgrind. Runs the service from dist (`npm run build` first).
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';
import { QUERIES } from './queries';
import { queryPoster } from './post-query';
import { InstructionCount, lastDump, millionsPer, roundsLine } from './callgrind-dump';
import { listening, startArgs } from './server-process';

const mains = (process.env.INSTR_MAINS ?? 'dist/src/main.js').split(',').filter(Boolean);
const only = process.env.INSTR_ONLY ?? '';
const warm = Number(process.env.INSTR_WARM ?? 300);
const n = Number(process.env.INSTR_N ?? 40);
const rounds = Number(process.env.INSTR_ROUNDS ?? 3);
const basePort = Number(process.env.INSTR_PORT ?? 5390);
const dir = join(tmpdir(), `ct-bench-instr-${process.pid}`);

const poster = queryPoster(1);
/** One request; again once on a kept-alive socket the server closed while valgrind held it (ECONNRESET). */
const postQuery = (port: number, query: string): Promise<string> =>
  poster(port, query).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
    return poster(port, query);
  });

function start(main: string, port: number, dbFile: string, outFile: string): Promise<ChildProcess> {
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dbFile}`,
    DATABASE_CREATE: 'true',
    NODE_ENV: 'production',
    RATE_LIMIT_PER_ADDRESS: '1000000000',
    // Under valgrind a request runs 30 to 50 times slower: the deadline would abandon it.
    REQUEST_TIMEOUT_MS: '600000',
    PORT: String(port),
  };
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], { cwd: PROJECT_ROOT, env });
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      `--callgrind-out-file=${outFile}`,
      process.execPath,
      ...startArgs,
      main,
    ],
    { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.resume();
  return listening(child, main);
}

const control = (pid: number, ...args: string[]) =>
  execFileSync('callgrind_control', [...args, String(pid)], { stdio: 'pipe' }).toString();

const dumps = () => new Set(readdirSync(dir));

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', dir]);
  const servers = await Promise.all(
    mains.map(async (main, i) => {
      const outFile = join(dir, `callgrind.${i}.out`);
      const child = await start(main, basePort + i, join(dir, `db-${i}.sqlite`), outFile);
      return { main, port: basePort + i, child, outFile };
    }),
  );
  console.log(
    `bench/api instructions: ${mains.join(', ')}; ${warm} requests to warm up, ${rounds} rounds of ${n} ` +
      `counted; load ${loadavg()[0].toFixed(1)}`,
  );
  try {
    // Start-up work that goes on after listening (the clause index) must be over: a first query waits for it.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    for (const [name, query] of Object.entries(QUERIES).filter(([q]) => q.includes(only))) {
      const answers = await Promise.all(servers.map((s) => postQuery(s.port, query)));
      if (answers.some((a) => a !== answers[0])) throw new Error(`${name}: the builds answer differently`);
      const figures: InstructionCount[][] = servers.map(() => []);
      for (const s of servers) for (let i = 0; i < warm; i++) await postQuery(s.port, query);
      for (let round = 0; round < rounds; round++)
        for (const [i, s] of servers.entries()) {
          const before = dumps();
          control(s.child.pid!, '-z');
          control(s.child.pid!, '-i', 'on');
          for (let r = 0; r < n; r++) await postQuery(s.port, query);
          control(s.child.pid!, '-i', 'off');
          control(s.child.pid!, '-d');
          figures[i].push(lastDump(dir, s.outFile, before));
        }
      const first = figures[0].map((c) => millionsPer(c, n));
      for (const [i, s] of servers.entries())
        console.log(
          `${name}: ${s.main}: M instructions a request, by round: ` +
            roundsLine(
              figures[i].map((c) => millionsPer(c, n)),
              i > 0 ? first : null,
            ),
        );
    }
  } finally {
    for (const s of servers) s.child.kill();
    poster.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

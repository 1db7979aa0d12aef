// bench/cli: start-up time of command-line commands that need only the database (`keys list`, `export`,
// `--help`), against a floor measured in the same run: `node -e 0` plus opening the same SQLite file with the
// bare driver and reading one row. Rounds alternate between the commands and the floor; the figures are
// medians. `npm run bench:cli` (it builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET_SECONDS = 1.5;
const database = join(tmpdir(), `ct-bench-cli-${process.pid}.sqlite`);
const removeDb = () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${database}${s}`, { force: true }));

interface Case {
  name: string;
  args: string[];
  /** The floor and the reference are not commands under target. */
  role: 'command' | 'floor' | 'reference';
}

const BARE_SQLITE = `const s=require('sqlite3');const d=new s.Database(${JSON.stringify(database)});d.get('select count(*) from agreement',()=>d.close())`;

const CASES: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'], role: 'floor' },
  { name: 'node + bare sqlite3 open and read', args: ['-e', BARE_SQLITE], role: 'floor' },
  { name: 'cli --help', args: [CLI, '--help'], role: 'command' },
  { name: 'cli keys list', args: [CLI, 'keys', 'list'], role: 'command' },
  { name: 'cli keys --help', args: [CLI, 'keys', '--help'], role: 'command' },
  {
    name: 'cli export agreements (fixtures)',
    args: [CLI, 'export', 'agreements', '--out', '/dev/null'],
    role: 'command',
  },
  { name: 'cli import --help (whole application)', args: [CLI, 'import', '--help'], role: 'reference' },
];

function runOnce(c: Case): { wall: number; cpu: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-r', join(__dirname, 'report-cpu.js'), ...c.args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `sqlite:${database}`, DATABASE_CREATE: 'true', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}: ${result.stderr}`);
  const cpu = Number(/BENCH_CPU_MS=([\d.]+)/.exec(result.stderr)?.[1] ?? NaN) / 1000;
  return { wall, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build`);
  removeDb();
  runOnce(CASES[3]); // migrates the new database and loads the fixtures, outside the figures
  const load = loadavg()[0];
  const samples = new Map(CASES.map((c) => [c.name, [] as { wall: number; cpu: number }[]]));
  for (let round = 0; round < ROUNDS; round++) for (const c of CASES) samples.get(c.name)!.push(runOnce(c));
  removeDb();

  const figures = CASES.map((c) => {
    const s = samples.get(c.name)!;
    return { ...c, wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)) };
  });
  const floor = figures[1];
  console.log(`${ROUNDS} alternating rounds, medians; load average ${load.toFixed(1)} at the start\n`);
  console.log('                                          wall s   CPU s   wall / floor');
  for (const f of figures)
    console.log(
      `${f.name.padEnd(40)} ${f.wall.toFixed(2).padStart(7)} ${f.cpu.toFixed(2).padStart(7)} ${(f.wall / floor.wall).toFixed(1).padStart(10)}x`,
    );
  const commands = figures.filter((f) => f.role === 'command');
  const worst = Math.max(...commands.map((f) => f.wall));
  const worstCpu = Math.max(...commands.map((f) => f.cpu));
  console.log(
    `\ntarget: every database-only command starts in <= ${TARGET_SECONDS} s: slowest ${worst.toFixed(2)} s wall ` +
      `(${worst <= TARGET_SECONDS ? 'met' : 'MISSED'}), ${worstCpu.toFixed(2)} s of CPU ` +
      `(${worstCpu <= TARGET_SECONDS ? 'met' : 'MISSED'}; wall time on a loaded machine includes waiting for a core)`,
  );
}

main();

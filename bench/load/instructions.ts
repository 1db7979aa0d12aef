// bench/load: instructions an answer of `bench:load`'s mix (the four reads and one createAnnotation in five, as
// `run.ts` sends them), counted by valgrind's callgrind, for one or more builds of the service: a figure that the
// machine's load does not move. Each build (`INSTR_ROOTS`, comma-separated checkouts, default this one; each built
// with `npm run build`, its `dist/src/main.js` run as `npm start` runs it) runs under `valgrind --tool=callgrind
// --instr-atstart=no` on its own copy of the fixtures database, with an ANNOTATOR key. `INSTR_WARM` answers of the
// mix (default 300) warm V8 up, then `INSTR_ROUNDS` rounds (default 2) of `INSTR_N` answers (default 200) one at a
// time are counted, the builds alternating round by round. Printed: each round's instructions an answer (all
// threads), in millions, the mutator's (without V8's optimizing compilers and collector, whose moments V8 decides)
// and, for several builds, the ratio of each to the first's. Every write must be acknowledged. With `INSTR_NAMES=1`
// the servers run with V8's perf map (`--perf-basic-prof`) and each build's last round is also printed attributed
// to JavaScript functions and their packages (`attribute` in `bench/api/callgrind-dump.ts`), `INSTR_TOP` of each
// (default 25).
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { PROJECT_ROOT } from '../../src/common/paths';
import { listening, startArgs } from '../api/server-process';
import { queryPoster } from '../api/post-query';
import {
  attribute,
  lastDumpFile,
  lastDump,
  Millions,
  millionsPer,
  readPerfMap,
  roundsLine,
  topMillions,
} from '../api/callgrind-dump';

const roots = (process.env.INSTR_ROOTS ?? PROJECT_ROOT).split(',').filter(Boolean);
const warm = Number(process.env.INSTR_WARM ?? 300);
const n = Number(process.env.INSTR_N ?? 200);
const rounds = Number(process.env.INSTR_ROUNDS ?? 2);
const basePort = Number(process.env.INSTR_PORT ?? 5490);
const named = process.env.INSTR_NAMES === '1';
const top = Number(process.env.INSTR_TOP ?? 25);
const dir = join(tmpdir(), `ct-bench-load-instr-${process.pid}`);

const READS = [
  '{ agreements(first: 20, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug title dateSigned parties { party { code } } } } } }',
  '{ agreement(slug: "eu-korea-fta") { title provisions(first: 20) { edges { node { pinpoint summary annotations { code { code } status } } } } } }',
  '{ provisions(first: 20, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } }) { totalCount edges { node { pinpoint agreement { shortTitle } } } } }',
  '{ party(code: "FRA") { name conventionStatus { inForce } agreements(first: 10) { totalCount edges { node { slug } } } } }',
];
const WRITE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }';

const post = queryPoster(1);

interface Server {
  root: string;
  port: number;
  child: ChildProcess;
  outFile: string;
  key: string;
  pinpoints: string[];
  sent: number;
}

function rowsOf(dbFile: string, sql: string): Promise<string[]> {
  const db = new sqlite3.Database(dbFile);
  return new Promise((resolve, reject) =>
    db.all(
      sql,
      (e, found: { value: string }[]) => (db.close(), e ? reject(e) : resolve(found.map((r) => r.value))),
    ),
  );
}

async function start(root: string, i: number): Promise<Server> {
  const port = basePort + i;
  const dbFile = join(dir, `db-${i}.sqlite`);
  const outFile = join(dir, `callgrind.${i}.out`);
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dbFile}`,
    DATABASE_CREATE: 'true',
    NODE_ENV: 'production',
    RATE_LIMIT_PER_ADDRESS: '1000000000',
    RATE_LIMIT_PER_KEY: '1000000000',
    HEAVY_QUERY_COST: '12500',
    // Under valgrind a request runs 30 to 50 times slower: the deadline would abandon it.
    REQUEST_TIMEOUT_MS: '600000',
    PORT: String(port),
  };
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['dist/src/cli.js', ...args], { cwd: root, env, encoding: 'utf8' });
  cli('keys', 'list');
  const key = cli('keys', 'create', '--name', 'instr', '--role', 'ANNOTATOR').trim().split('\n').at(-1)!;
  const pinpoints = await rowsOf(
    dbFile,
    `select a.slug || '/' || p.key as value from provision p join agreement a on a.id = p.agreement_id
     where a.archived_at is null order by p.agreement_id, p.position, p.id`,
  );
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      `--callgrind-out-file=${outFile}`,
      process.execPath,
      // The perf map is written to /tmp/perf-<pid>.map; V8's log, which the flag also opens, beside the dumps.
      ...(named ? ['--perf-basic-prof', `--logfile=${join(dir, `v8.${i}.log`)}`] : []),
      ...startArgs,
      'dist/src/main.js',
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.resume();
  await listening(child, root);
  return { root, port, child, outFile, key, pinpoints, sent: 0 };
}

/** The mix's next request, as `run.ts` numbers them: every fifth a write, the others the reads in turn. */
async function next(s: Server): Promise<void> {
  s.sent++;
  if (s.sent % 5 === 0) {
    const input = {
      pinpoint: s.pinpoints[s.sent % s.pinpoints.length],
      code: 'CULTURAL_COOPERATION',
      note: `instr ${s.sent}`,
    };
    const answer = await post(s.port, WRITE, { variables: { input }, key: s.key });
    if (!answer.includes('"createAnnotation":{"id"')) throw new Error(`write not acknowledged: ${answer}`);
    return;
  }
  await post(s.port, READS[s.sent % READS.length]);
}

/** A round's instructions by package and by JavaScript function, named from the server's perf map. */
function printAttribution(s: Server, dump: string): void {
  const a = attribute(
    readFileSync(dump, 'utf8'),
    readPerfMap(readFileSync(`/tmp/perf-${s.child.pid}.map`, 'utf8')),
  );
  const attributed = [...a.byFunction.values()].reduce((sum, ir) => sum + ir, 0);
  const mutator = a.count.total - a.count.compiler - a.count.collector;
  console.log(
    `${s.root}, attributed to JavaScript functions: ${(attributed / n / 1e6).toFixed(3)} of the mutator's ${(mutator / n / 1e6).toFixed(3)} M an answer; by package or module:`,
  );
  for (const line of topMillions(a.bySource, n, top)) console.log(`  ${line}`);
  console.log('by function (functions inlined by TurboFan counted in the one they were inlined into):');
  for (const line of topMillions(a.byFunction, n, top)) console.log(`  ${line}`);
}

const control = (pid: number, ...args: string[]) =>
  execFileSync('callgrind_control', [...args, String(pid)], { stdio: 'pipe' }).toString();

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const servers = await Promise.all(roots.map((root, i) => start(root, i)));
  console.log(
    `bench/load instructions: ${roots.join(', ')}; ${warm} to warm up, ${rounds} rounds of ${n}; load ${loadavg()[0].toFixed(1)}`,
  );
  try {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await Promise.all(
      servers.map(async (s) => {
        for (let i = 0; i < warm; i++) await next(s);
      }),
    );
    const figures = servers.map(() => [] as Millions[]);
    for (let round = 0; round < rounds; round++)
      for (const [i, s] of servers.entries()) {
        const before = new Set(readdirSync(dir));
        control(s.child.pid!, '-z');
        control(s.child.pid!, '-i', 'on');
        for (let r = 0; r < n; r++) await next(s);
        control(s.child.pid!, '-i', 'off');
        control(s.child.pid!, '-d');
        const m = millionsPer(lastDump(dir, s.outFile, before), n);
        if (named && round === rounds - 1) printAttribution(s, lastDumpFile(dir, s.outFile, before));
        figures[i].push(m);
        console.log(
          `round ${round + 1}, ${s.root}: mutator ${m.mutator} M, all ${m.total} M (compiler ${m.compiler}, collector ${m.collector}); load ${loadavg()[0].toFixed(1)}`,
        );
      }
    for (const [i, s] of servers.entries())
      console.log(
        `${s.root}: M instructions an answer, by round: ${roundsLine(figures[i], i > 0 ? figures[0] : null)}`,
      );
  } finally {
    for (const s of servers) s.child.kill();
    post.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

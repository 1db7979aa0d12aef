// bench/api, what a query's cost buys: for each operation of a list (the product's ordinary pages: the README's
// examples, bench:load's mix, bench:api's queries; and the worst shapes a client can build under the limits), its
// cost in the query-cost model and the real work of answering it: the server's CPU time a request (user + system,
// all threads, from /proc), the statements and rows SQLite answered (`count-rows.js` preloaded), the answer's size
// and its list items, requests one at a time. Used to decide what "heavy" means (HEAVY_QUERY_COST, README
// Hardening). `COST_DB=<sqlite file>` (copied first; default the fixtures), `COST_WORST=1` first fills the copy up
// to the list bounds (every agreement with LIST_BOUNDS.agreementParties parties, the first 300 provisions with
// LIST_BOUNDS.provisionAnnotations annotations), `COST_ONLY=<s>` the operations whose name contains it,
// `COST_SECONDS` (default 2) of requests per operation after 3 unmeasured, `COST_SETTINGS='A=1 B=2'` for the
// server. Run with the built service (`npm run build`): `TS_NODE_SWC=true TS_NODE_TRANSPILE_ONLY=true node -r
// ts-node/register bench/api/cost-work.ts`.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { PROJECT_ROOT } from '../../src/common/paths';
import { LIST_BOUNDS } from '../../src/common/list-cost';
import { QUERIES } from './queries';
import { cpuMsOf, startArgs } from './server-process';

const port = Number(process.env.COST_PORT ?? 5150);
const seconds = Number(process.env.COST_SECONDS ?? 2);
const only = process.env.COST_ONLY ?? '';
const dbFile = join(tmpdir(), `ct-bench-cost-${process.pid}.sqlite`);
const aliases = (n: number, body: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;

export const OPERATIONS: Record<string, string> = {
  'load: agreements page, party codes':
    '{ agreements(first: 20, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug title dateSigned parties { party { code } } } } } }',
  'load: agreement, 20 provisions, annotations':
    '{ agreement(slug: "eu-korea-fta") { title provisions(first: 20) { edges { node { pinpoint summary annotations { code { code } status } } } } } }',
  'load: filtered provisions':
    '{ provisions(first: 20, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } }) { totalCount edges { node { pinpoint agreement { shortTitle } } } } }',
  'load: party, 10 agreements':
    '{ party(code: "FRA") { name conventionStatus { inForce } agreements(first: 10) { totalCount edges { node { slug } } } } }',
  'readme: Canadian exemptions':
    '{ provisions(first: 20, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } }, orderBy: { field: AGREEMENT_DATE_SIGNED }) { totalCount edges { node { pinpoint articleNumber articleTitle summary agreement { shortTitle dateSigned } } } } }',
  'readme: Canada, 50 agreements':
    '{ party(code: "CAN") { name developing conventionStatus { status inForce } agreements(first: 50) { totalCount edges { node { slug dateSigned status } } } } }',
  'readme: 50 agreements, parties code name ldc':
    '{ agreements(first: 50) { totalCount edges { node { slug dateInForce parties { party { code name ldc } } } } } }',
  'api: agreements page': QUERIES['agreements page'],
  'api: provisions page': QUERIES['provisions page'],
  'api: nested 50 agreements': QUERIES['nested 50 agreements'],
  'page: 100 agreements, party codes':
    '{ agreements(first: 100) { edges { node { slug parties { party { code } } } } } }',
  'worst: 100 agreements, parties code name (abuse)':
    '{ agreements(first: 100) { edges { node { parties { party { code name } } } } } }',
  'worst: 100 agreements, parties, 3 fields':
    '{ agreements(first: 100) { edges { node { parties { role party { code name } } } } } }',
  'worst: 100 agreements x 80 provisions':
    '{ agreements(first: 100) { edges { node { provisions(first: 80) { edges { node { pinpoint } } } } } } }',
  'worst: 100 provisions, annotations 5 fields':
    '{ provisions(first: 100) { edges { node { pinpoint annotations { status confidence code { code name } } } } } }',
  'worst: 4 x 100 provisions, texts, annotations (abuse)': aliases(
    4,
    'provisions(first: 100) { edges { node { text summary annotations { status } } } }',
  ),
  'worst: 3 x 100 agreements x 3 texts (abuse)': aliases(
    3,
    'agreements(first: 100) { edges { node { slug provisions(first: 3) { edges { node { text } } } } } }',
  ),
  'worst: 100 parties, members, memberships':
    '{ parties(first: 100) { edges { node { code members { party { code name } } memberOf { party { code name } } } } } }',
  'worst: 10 agreements, parties, their blocs':
    '{ agreements(first: 10) { edges { node { parties { party { code memberOf { party { code } } } } } } } }',
  'worst: 9 x 20 agreements, parties code': aliases(
    9,
    'agreements(first: 20) { edges { node { slug parties { party { code } } } } }',
  ),
};

const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbFile}`,
  DATABASE_CREATE: 'true',
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
};

function run(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
}

/** Every agreement up to its parties' bound, the first 300 provisions up to their annotations' bound. */
async function fillToBounds(): Promise<void> {
  const db = new sqlite3.Database(dbFile);
  await run(
    db,
    `insert or ignore into agreement_party (agreement_id, party_code, role)
       select a.id, p.code, 'ORIGINAL' from agreement a
       join (select code, row_number() over (order by code) n from party) p
       where p.n <= ${LIST_BOUNDS.agreementParties};
     delete from agreement_party where id in (select id from (select id, row_number() over
       (partition by agreement_id order by id) n from agreement_party) where n > ${LIST_BOUNDS.agreementParties});
     insert into annotation (created_at, updated_at, provision_id, code, detail, origin, status, confidence, version)
       select datetime('now'), datetime('now'), pr.id, t.code, '{}', 'MANUAL', 'PROPOSED', 0.5, 1
       from (select id from provision order by agreement_id, position, id limit 300) pr
       join (select code from taxonomy_code) t
       join (select 1 k union all select 2 union all select 3) r;`,
  );
  await new Promise((r) => db.close(r));
}

function start(
  port: number,
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; rows: () => Promise<{ statements: number; rows: number }> }> {
  const settings = Object.fromEntries(
    (process.env.COST_SETTINGS ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'count-rows.js'), ...startArgs, 'dist/src/main.js'],
    {
      cwd: PROJECT_ROOT,
      env: { ...env, ...settings, ...extra, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let waiting: ((line: string) => void) | null = null;
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('BENCH_ROWS ') && waiting) waiting(line.slice(11));
      else if (line.trim()) process.stderr.write(`${line}\n`);
    }
  });
  const rows = () =>
    new Promise<{ statements: number; rows: number }>((resolve) => {
      waiting = (line) => resolve(JSON.parse(line) as { statements: number; rows: number });
      child.kill('SIGUSR2');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return resolve({ child, rows });
      } catch {
        // not yet listening
      }
      setTimeout(() => void poll(), 300);
    };
    void poll();
  });
}

async function post(query: string, to = port): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${to}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

/** Objects inside lists in an answer: the items the lists gave. */
function listItems(value: unknown, inList = false): number {
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + listItems(item, true), 0);
  if (value && typeof value === 'object')
    return (inList ? 1 : 0) + Object.values(value).reduce<number>((n, v) => n + listItems(v), 0);
  return 0;
}

async function main(): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  if (process.env.COST_DB) copyFileSync(process.env.COST_DB, dbFile);
  execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], { cwd: PROJECT_ROOT, env });
  if (process.env.COST_WORST === '1') await fillToBounds();
  // A second server whose cost limit refuses everything: its refusal names each operation's cost.
  const [{ child, rows }, priced] = await Promise.all([
    start(port),
    start(port + 1, { MAX_QUERY_COST: '1' }),
  ]);
  const pid = child.pid!;
  // The start-up's own work (the clause index is built in the background on the corpus) must be over first.
  for (let idle = 0; idle < 2;) {
    const cpu = cpuMsOf(pid);
    await new Promise((r) => setTimeout(r, 1000));
    idle = cpuMsOf(pid) - cpu < 30 ? idle + 1 : 0;
  }
  console.log(
    `cost-work: ${process.env.COST_DB ?? 'fixtures'}${process.env.COST_WORST === '1' ? ', filled to the bounds' : ''}, ` +
      `${seconds} s an operation, load ${loadavg()[0].toFixed(1)} at the start`,
  );
  console.log('operation | cost | CPU ms/req | statements | rows | list items | KB | wall p50 ms');
  try {
    for (const [name, query] of Object.entries(OPERATIONS)) {
      if (!name.includes(only)) continue;
      const first = await post(query);
      if (first.status !== 200 || first.text.includes('"errors"')) {
        console.log(`${name} | refused: ${first.text.slice(0, 200)}`);
        continue;
      }
      const cost = Number(/"cost":(\d+)/.exec((await post(query, port + 1)).text)?.[1]);
      for (let i = 0; i < 2; i++) await post(query);
      const before = await rows();
      const cpuBefore = cpuMsOf(pid);
      const walls: number[] = [];
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until || walls.length < 3) {
        const t = performance.now();
        await post(query);
        walls.push(performance.now() - t);
      }
      const cpu = (cpuMsOf(pid) - cpuBefore) / walls.length;
      const after = await rows();
      walls.sort((a, b) => a - b);
      const answer = JSON.parse(first.text) as { data: unknown };
      console.log(
        [
          name,
          Number.isNaN(cost) ? '?' : cost,
          cpu.toFixed(2),
          ((after.statements - before.statements) / walls.length).toFixed(1),
          ((after.rows - before.rows) / walls.length).toFixed(0),
          listItems(answer.data),
          (first.text.length / 1024).toFixed(1),
          walls[Math.floor(walls.length / 2)].toFixed(1),
        ].join(' | '),
      );
    }
  } finally {
    child.kill();
    priced.child.kill();
    await new Promise((r) => setTimeout(r, 500));
    for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  }
}

void main();

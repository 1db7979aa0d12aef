// bench/abuse: the worst queries the limits allow, sent by 5 anonymous clients without pause, while 20 clients read
// normally, for 60 s, against a production server (NODE_ENV=production, default limits) in a child process.
// Prints the count of 5xx (floor: 0), the readers' latency percentiles (p99 floor: 500 ms), the attackers'
// outcomes and the server's peak memory (floor: 1 GB). `npm run bench:abuse`; BENCH_SECONDS, BENCH_CORPUS=false
// (the fixtures only, rather than the ToTA corpus of CORPUS_DIR), BENCH_PORT, BENCH_DATABASE_CACHE=<file> (keeps a
// copy of the prepared database there, and starts from it when it exists, skipping the import).
import { memoryOf, percentile, startBenchServer } from './server';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
/** The readers alone first, for this long: their latency without attackers on this machine at this moment. */
const floorSeconds = Number(process.env.BENCH_FLOOR_SECONDS ?? 20);
const attackers = Number(process.env.BENCH_ATTACKERS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3457);
let base = '';

const aliases = (n: number, body: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;

/** The worst shapes the limits let through (each just under the cost limit, or the costliest single operations). */
const ATTACKS: { name: string; path?: string; pages?: string[]; query?: string; draft?: string }[] = [
  {
    name: '3 aliases x 100 agreements x 3 provision texts',
    query: aliases(
      3,
      'agreements(first: 100) { edges { node { slug provisions(first: 3) { edges { node { text } } } } } }',
    ),
  },
  {
    name: '100 agreements x their parties',
    query: '{ agreements(first: 100) { edges { node { parties { party { code name } } } } } }',
  },
  {
    name: '4 aliases of histories with refused fields',
    query: aliases(
      4,
      'agreements(first: 10) { edges { node { history(first: 100) { edges { node { action actorKeyId requestId } } } } } }',
    ),
  },
  {
    name: '5 aliases of a search for common words, with facets',
    query: aliases(
      5,
      'searchProvisions(query: "party", first: 20) { totalCount edges { snippet node { text } } facets { codes { value count } parties { value count } } }',
    ),
  },
  { name: 'coherence report of the EU (XLSX)', path: '/reports/coherence/EUN.xlsx' },
  {
    // The explorer's party pages (10 points each, a coherence report drawn), a different party each time.
    name: 'party pages of the explorer, one party after another',
    pages: [
      'EUN',
      'USA',
      'CAN',
      'MEX',
      'CHL',
      'PER',
      'COL',
      'KOR',
      'JPN',
      'CHN',
      'IND',
      'AUS',
      'NZL',
      'SGP',
      'CHE',
    ]
      .concat(['NOR', 'ISL', 'TUR', 'MAR', 'EGY', 'FRA', 'DEU', 'GBR', 'BRA', 'ARG', 'ZAF', 'UKR', 'JOR'])
      .map((code) => `/parties/${code}`),
  },
  {
    // The rules read a pasted draft on the event loop: the longest allowed, of one word repeated in one sentence.
    name: 'draft check of 200,000 characters of one word repeated',
    draft: ('Article 1\n' + 'culture '.repeat(25_000)).slice(0, 199_999),
  },
  {
    name: '4 aliases of 100 provisions with their texts and annotations',
    query: aliases(4, 'provisions(first: 100) { edges { node { text summary annotations { status } } } }'),
  },
];

const READS = [
  '{ party(code: "CAN") { name conventionStatus { status } } }',
  '{ agreements(first: 10) { totalCount edges { node { slug title dateSigned } } } }',
  '{ agreement(slug: "ceta") { title parties { party { code } } } }',
  '{ taxonomy { code name } }',
  '{ provisions(first: 5, filter: { annotations: { codes: [CULTURAL_EXEMPTION] } }) { edges { node { pinpoint summary } } } }',
];

async function send(
  address: string,
  attack: { path?: string; query?: string; draft?: string },
): Promise<{ status: number; code?: string }> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const res = attack.path
    ? await fetch(`${base}${attack.path}`, { headers })
    : attack.draft
      ? await fetch(`${base}/draft-check`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ text: attack.draft, parties: ['CAN'] }),
        })
      : await fetch(`${base}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: attack.query }),
        });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions
      ?.code;
  } catch {
    // a file
  }
  return { status: res.status, code };
}

async function main(): Promise<void> {
  const bench = await startBenchServer('abuse', port);
  base = bench.base;
  const useCorpus = bench.corpus;
  const server = bench.process;
  let peak = memoryOf(server.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(server.pid!))), 250);
  const fiveXX: string[] = [];
  const attackOutcomes = new Map<string, number>();
  const attackTimes = new Map<string, number[]>();
  const readLatencies: number[] = [];
  let readErrors = 0;

  const attacker = async (n: number) => {
    for (let i = n; Date.now() < deadline; i++) {
      const listed = ATTACKS[i % ATTACKS.length];
      const attack = listed.pages
        ? { ...listed, path: listed.pages[Math.floor(i / ATTACKS.length) % listed.pages.length] }
        : listed;
      const started = performance.now();
      try {
        const r = await send(`10.66.0.${n + 1}`, attack);
        const times = attackTimes.get(attack.name) ?? [];
        times.push(performance.now() - started);
        attackTimes.set(attack.name, times);
        if (r.status >= 500) fiveXX.push(`${attack.name}: ${r.status} ${r.code ?? ''}`);
        if (r.code && process.env.BENCH_VERBOSE) console.log(attack.name, r.status, r.code);
        const key = `${r.status} ${r.code ?? 'OK'}`;
        attackOutcomes.set(key, (attackOutcomes.get(key) ?? 0) + 1);
      } catch (error) {
        fiveXX.push(`${attack.name}: ${(error as Error).message}`);
      }
    }
  };
  const reader = async (n: number, until: number, latencies: number[]) => {
    for (let i = n; Date.now() < until; i++) {
      const started = performance.now();
      try {
        const r = await send(`10.77.0.${n + 1}`, { query: READS[i % READS.length] });
        latencies.push(performance.now() - started);
        if (r.status >= 500) fiveXX.push(`read: ${r.status}`);
        if (r.status !== 200 || r.code) readErrors++;
      } catch (error) {
        fiveXX.push(`read: ${(error as Error).message}`);
      }
      // A person reading: about 3 requests a second at most, well within the per-address budget.
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const floorLatencies: number[] = [];
  if (floorSeconds > 0) {
    console.log(`20 readers alone for ${floorSeconds} s...`);
    const until = Date.now() + floorSeconds * 1000;
    await Promise.all(Array.from({ length: 20 }, (_, n) => reader(n, until, floorLatencies)));
  }
  const deadline = Date.now() + seconds * 1000;
  console.log(
    `${attackers} attackers and 20 readers for ${seconds} s against ${useCorpus ? 'the ToTA corpus' : 'the fixtures'}...`,
  );
  await Promise.all([
    ...Array.from({ length: attackers }, (_, n) => attacker(n)),
    ...Array.from({ length: 20 }, (_, n) => reader(n, deadline, readLatencies)),
  ]);
  clearInterval(sampler);
  await bench.stop();

  const sorted = readLatencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const alone = floorLatencies.sort((a, b) => a - b);
  if (alone.length)
    console.log(
      `\nreads without attackers (this machine's floor now): ${alone.length}, p50 ${ms(percentile(alone, 50))}, ` +
        `p99 ${ms(percentile(alone, 99))}`,
    );
  const mb = peak / 2 ** 20;
  console.log(
    `5xx answers: ${fiveXX.length} (floor 0)${fiveXX.length ? `: ${fiveXX.slice(0, 5).join('; ')}` : ''}`,
  );
  console.log(
    `reads: ${sorted.length} (${readErrors} not OK), p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, ` +
      `p99 ${ms(percentile(sorted, 99))} (floor 500 ms), max ${ms(sorted.at(-1) ?? 0)}`,
  );
  console.log(`attackers' answers: ${[...attackOutcomes].map(([k, v]) => `${k} x${v}`).join(', ')}`);
  for (const [name, times] of attackTimes) {
    const t = times.sort((a, b) => a - b);
    console.log(`  ${name}: ${t.length} answered, p50 ${ms(percentile(t, 50))}, max ${ms(t.at(-1) ?? 0)}`);
  }
  console.log(`server peak memory (RSS): ${mb.toFixed(0)} MB (floor 1024 MB)`);
  const ok = fiveXX.length === 0 && percentile(sorted, 99) < 500 && mb < 1024;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}

void main();

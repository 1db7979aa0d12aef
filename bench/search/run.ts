// bench/search: searches and similar clauses on the whole ToTA corpus in a fresh SQLite database, through the
// GraphQL endpoint of a real HTTP server (a child process) and as bare SQL on the same file. `npm run bench:search`.
// BENCH_DB=<file> reuses (or keeps) a database instead of importing into a temporary one.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { corpusDir } from '../../src/config';
import { ProvisionFilter } from '../../src/provisions/dto/provision-filter.input';
import { bareRankOnly, bareSearch, PAGE } from './bare-search';
import { benchSearches, BenchSearch, SearchKind } from './queries';
import { RawSqlite } from './raw-sqlite';
import { candidateRecall } from './recall';
import { ms, quantile, seededRandom } from './stats';
import { importers } from '../../src/ingest/importers';

const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1200);
const SIMILAR = Number(process.env.BENCH_SIMILAR ?? 300);
const RECALL_SAMPLE = Number(process.env.BENCH_RECALL_SAMPLE ?? 300);

const SEARCH_QUERY = `query ($query: String!, $filter: ProvisionFilter) {
  searchProvisions(query: $query, filter: $filter, first: ${PAGE}) {
    totalCount
    edges { score snippet node { id pinpoint articleNumber agreement { shortTitle dateSigned } } }
    facets { codes { value count } years { value count } parties { value count } agreementTypes { value count } }
  }
}`;
const SIMILAR_QUERY = `query ($id: ID!) {
  similarProvisions(id: $id, first: 10) { score provision { pinpoint agreement { shortTitle dateSigned } } }
}`;

/** Imports the whole ToTA corpus into `file` unless it exists (BENCH_DB), with the product's own import. */
async function importCorpus(file: string): Promise<string> {
  if (existsSync(file)) return 'reused';
  process.env.DATABASE_URL = `sqlite:${file}`;
  process.env.DATABASE_CREATE = 'true';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const started = performance.now();
    const summary = await importers(app).tota.import({
      paths: [join(corpusDir(), 'tota', 'xml')],
      annotate: true,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${summary.provisions} articles of ${summary.imported} agreements in ${seconds} s (import, annotation and both indexes)`;
  } finally {
    await app.close();
  }
}

/** The real server, in a child process (its own thread and core): resolves with its GraphQL address. */
function startServer(file: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['-r', 'ts-node/register', join(__dirname, 'server.ts')], {
    // Served as in production (NODE_ENV=production: graphql-js skips its development-time checks).
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, DATABASE_CREATE: 'true', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    server.stdout!.on('data', (chunk: Buffer) => {
      const port = /port (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ server, url: `http://127.0.0.1:${port}/graphql` });
    });
  });
}

async function post<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${JSON.stringify(variables)}: ${body.errors[0].message}`);
  return body.data!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function row(label: string, values: number[]): string {
  return `${label.padEnd(34)} ${ms(quantile(values, 0.5)).padStart(10)} ${ms(quantile(values, 0.95)).padStart(10)} ${ms(Math.max(...values)).padStart(11)}`;
}

async function benchSearch(url: string, db: RawSqlite, searches: BenchSearch[]) {
  for (const search of searches.slice(0, 50)) {
    await post(url, SEARCH_QUERY, { query: search.query, filter: search.filter });
    await bareSearch(db, search.query, search.filter as ProvisionFilter | null);
  }
  const api: number[] = [];
  const bare: number[] = [];
  const rankOnly: number[] = [];
  const byKind = new Map<SearchKind, { api: number[]; bare: number[] }>();
  for (const search of searches) {
    const filter = search.filter as ProvisionFilter | null;
    const a = await timed(() => post(url, SEARCH_QUERY, { query: search.query, filter: search.filter }));
    const b = await timed(() => bareSearch(db, search.query, filter));
    rankOnly.push(await timed(() => bareRankOnly(db, search.query, filter)));
    api.push(a);
    bare.push(b);
    const kind = byKind.get(search.kind) ?? { api: [], bare: [] };
    kind.api.push(a);
    kind.bare.push(b);
    byKind.set(search.kind, kind);
  }
  return { api, bare, rankOnly, byKind };
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  // The bench measures latency, not the rate limiter.
  process.env.RATE_LIMIT_PER_ADDRESS = '100000000';
  const file = process.env.BENCH_DB ?? join(tmpdir(), `ct-bench-search-${process.pid}.sqlite`);
  const imported = await importCorpus(file);
  const { server, url } = await startServer(file);
  const db = await RawSqlite.open(file);
  try {
    const random = seededRandom(20_261_130);
    const searches = await benchSearches(db, random, SEARCHES);
    console.log(`ToTA corpus: ${imported}\n`);
    const { api, bare, rankOnly, byKind } = await benchSearch(url, db, searches);
    console.log(
      `${searches.length} searches (page of ${PAGE} with snippets, total count and the four facets), sequential:\n`,
    );
    console.log(`${''.padEnd(34)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(11)}`);
    console.log(row('GraphQL over HTTP (product)', api));
    console.log(row('bare SQL, same statements (floor)', bare));
    console.log(row('bare rank statement alone', rankOnly));
    const ratio = quantile(api, 0.5) / quantile(bare, 0.5);
    console.log(
      `\np50 ratio product / floor: ${ratio.toFixed(2)}x; p95 ratio: ${(quantile(api, 0.95) / quantile(bare, 0.95)).toFixed(2)}x`,
    );
    console.log('\nby kind (p50 product / floor):');
    for (const [kind, values] of byKind) {
      console.log(
        `  ${kind.padEnd(8)} ${String(values.api.length).padStart(4)}  ${ms(quantile(values.api, 0.5)).padStart(10)} / ${ms(quantile(values.bare, 0.5))}  (max ${ms(Math.max(...values.api))})`,
      );
    }

    const ids = (
      await db.all<{ id: number }>(`select provision_id as id from provision_signature order by provision_id`)
    ).map((r) => r.id);
    const similarRandom = seededRandom(7);
    const sample = Array.from({ length: SIMILAR }, () => ids[Math.floor(similarRandom() * ids.length)]);
    for (const id of sample.slice(0, 20)) await post(url, SIMILAR_QUERY, { id: String(id) });
    const similar: number[] = [];
    for (const id of sample) similar.push(await timed(() => post(url, SIMILAR_QUERY, { id: String(id) })));
    console.log(`\nsimilarProvisions (first: 10, minScore 0.5), ${sample.length} random provisions:`);
    console.log(row('GraphQL over HTTP', similar));

    const recall = await candidateRecall(db, RECALL_SAMPLE, seededRandom(11));
    console.log(
      `\ncandidate recall against exact all-pairs Jaccard, ${recall.sample} sampled provisions x all ${recall.corpus}:`,
    );
    console.log(
      `  pairs with J >= 0.5: ${recall.pairs}; found by LSH: ${recall.found} (recall ${recall.recall.toFixed(3)}); ` +
        `kept after the MinHash estimate check: ${recall.kept} (${recall.keptRecall.toFixed(3)})`,
    );
    console.log(`  by similarity: ${recall.byBucket}`);

    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log('\ntargets:');
    console.log(
      `  search p50 <= 15 ms through the API: ${ms(quantile(api, 0.5))} (${verdict(quantile(api, 0.5) <= 15)})`,
    );
    console.log(`  search p50 <= 3x the floor: ${ratio.toFixed(2)}x (${verdict(ratio <= 3)})`);
    console.log(`  no search over 1 s: max ${ms(Math.max(...api))} (${verdict(Math.max(...api) <= 1000)})`);
    console.log(
      `  similarProvisions p50 <= 50 ms: ${ms(quantile(similar, 0.5))} (${verdict(quantile(similar, 0.5) <= 50)})`,
    );
    console.log(
      `  candidate recall >= 0.95: ${recall.recall.toFixed(3)} (${verdict(recall.recall >= 0.95)})`,
    );
  } finally {
    await db.close();
    server.removeAllListeners('exit');
    server.kill();
    if (!process.env.BENCH_DB)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

void main();

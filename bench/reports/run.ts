// bench/reports: the whole ToTA corpus imported (and annotated) into a fresh SQLite database with the fixtures,
// then the EU's coherence report and `trends` over all agreements through the GraphQL API of a real HTTP server,
// against the bare SQL time of the same statements run with the sqlite3 driver. `npm run bench:reports`.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { corpusDir } from '../../src/config';
import { totaFilesIn } from '../../src/ingest/tota-import.service';
import { importers } from '../../src/ingest/importers';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 300;

const COHERENCE = `{ coherenceReport(party: "EUN") {
  party { code name } asOf notes
  agreements { agreement { slug title dateSigned } via partners { code developing } acceptedAnnotations proposedAnnotations
    legacy record { coverage summary } checks { ruleId outcome pendingOutcome message evidence { pinpoint link code } } }
  findings { number ruleId outcome severity paragraph agreement { slug } message why whatToCheck record absence evidence { pinpoint link code bindingForce status note } }
  scores { paragraph pending assessed met share } trend { paragraph year assessed met share } files { format url } } }`;

const TRENDS = `{ trends(groupBy: YEAR) { from to agreements groups { key agreements counts { code agreements share } } } }`;

interface Statement {
  sql: string;
  bindings: unknown[];
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, max: sorted[sorted.length - 1] };
};

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

function all(db: sqlite3.Database, sql: string, params: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))));
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.RATE_LIMIT_PER_ADDRESS = '1000000';
  // BENCH_DB: a database that already holds the imported corpus (kept); otherwise a fresh one, imported and removed.
  const given = process.env.BENCH_DB;
  const file = given ?? join(tmpdir(), `ct-bench-reports-${process.pid}.sqlite`);
  const removeDb = () => {
    if (!given) ['', '-wal', '-shm'].forEach((s) => rmSync(`${file}${s}`, { force: true }));
  };
  removeDb();
  process.env.DATABASE_URL = `sqlite:${file}`;
  process.env.DATABASE_CREATE = 'true';

  const app = await NestFactory.create(AppModule, { logger: false, bodyParser: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  try {
    if (!given) {
      const files = totaFilesIn([join(corpusDir(), 'tota', 'xml')]);
      const imported = performance.now();
      const summary = await importers(app).tota.import({ paths: files, annotate: true });
      console.log(
        `ToTA corpus imported with the fixtures: ${files.length} files, ${summary.provisions} articles in ${((performance.now() - imported) / 1000).toFixed(1)} s\n`,
      );
    } else console.log(`database ${file} (the corpus imported beforehand)\n`);

    const knex = (
      app.get(MikroORM).em as unknown as {
        getKnex(): {
          on(e: string, f: (q: Statement) => void): void;
          off(e: string, f: (q: Statement) => void): void;
        };
      }
    ).getKnex();
    const post = async (query: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: unknown[]; data?: Record<string, unknown> };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    /** The statements one request sends, to replay them bare. */
    const capture = async (query: string): Promise<Statement[]> => {
      const statements: Statement[] = [];
      const listener = (q: Statement) => statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
      knex.on('query', listener);
      try {
        await post(query);
      } finally {
        knex.off('query', listener);
      }
      return statements;
    };

    const rows: string[] = [];
    for (const [name, query] of [
      ['coherenceReport(party: "EUN")', COHERENCE],
      ['trends(groupBy: YEAR), all agreements', TRENDS],
    ] as const) {
      const data = await post(query);
      const size =
        'coherenceReport' in data
          ? `${(data.coherenceReport as { agreements: unknown[]; findings: unknown[] }).agreements.length} agreements, ${(data.coherenceReport as { findings: unknown[] }).findings.length} findings`
          : `${(data.trends as { agreements: number }).agreements} agreements, ${(data.trends as { groups: unknown[] }).groups.length} years`;
      const statements = await capture(query);
      const api = stats(await time(RUNS, () => post(query)));
      const bare = stats(
        await time(RUNS, async () => {
          for (const s of statements) await all(db, s.sql, s.bindings);
        }),
      );
      rows.push(
        `${name.padEnd(40)} ${api.median.toFixed(1).padStart(8)} ${api.max.toFixed(1).padStart(8)}   ${bare.median.toFixed(1).padStart(8)} ${bare.max.toFixed(1).padStart(8)}   ${String(statements.length).padStart(5)}   ${api.max <= TARGET_MS ? 'met' : 'MISSED'}   (${size})`,
      );
    }
    console.log(
      `${RUNS} runs each after 3 warm-up runs; milliseconds; API = POST /graphql round trip on a real server`,
    );
    console.log(
      `${''.padEnd(40)} ${'API med'.padStart(8)} ${'API max'.padStart(8)}   ${'SQL med'.padStart(8)} ${'SQL max'.padStart(8)}   stmts   target ${TARGET_MS} ms`,
    );
    for (const row of rows) console.log(row);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
    await app.close();
    removeDb();
  }
}

void main();

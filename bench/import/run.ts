// bench/import: the whole ToTA corpus imported and annotated on a fresh SQLite database, against the floor
// of inserting the same rows with the bare sqlite3 driver in one transaction, and the same floor with the
// full-text index built. `npm run bench:import`.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sqlite3 from 'sqlite3';
import { corpusDir } from '../../src/config';
import { CliModule } from '../../src/cli.module';
import { totaFilesIn } from '../../src/ingest/tota-import.service';
import { totaRecord } from '../../src/ingest/tota-record';
import { parseTota } from '../../src/ingest/tota/parse-tota';
import { importers } from '../../src/ingest/importers';

const files = totaFilesIn([join(corpusDir(), 'tota', 'xml')]);
const dbFile = (name: string) => join(tmpdir(), `ct-bench-${name}-${process.pid}.sqlite`);
const removeDb = (file: string) =>
  ['', '-wal', '-shm'].forEach((s) => rmSync(`${file}${s}`, { force: true }));

function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

async function withApp<T>(
  file: string,
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
) {
  process.env.DATABASE_URL = `sqlite:${file}`;
  process.env.DATABASE_CREATE = 'true';
  // The command line's own module, as `npm run cli -- import tota` runs it.
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** The product: `import tota` of every file (parse, write, annotate; one transaction per agreement). */
async function product(): Promise<{
  seconds: number;
  articles: number;
  annotations: number;
  failures: number;
  peakMb: number;
}> {
  const file = dbFile('product');
  removeDb(file);
  return withApp(file, async (app) => {
    const memory = peakRss();
    const started = performance.now();
    const summary = await importers(app).tota.import({ paths: files, annotate: true });
    const seconds = (performance.now() - started) / 1000;
    const peakMb = memory.stop() / 2 ** 20;
    removeDb(file);
    return {
      seconds,
      articles: summary.provisions,
      annotations: summary.annotations,
      failures: summary.failures.length,
      peakMb,
    };
  });
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
}

/**
 * The floor: the same agreement and provision rows, inserted with bare prepared statements in one transaction,
 * then (timed apart) the full-text index built over them in the same transaction, the way the search tables
 * take it (provision_search rows, which the FTS5 table follows by trigger).
 */
async function floor(): Promise<{ seconds: number; withIndex: number; articles: number }> {
  const file = dbFile('floor');
  removeDb(file);
  await withApp(file, async (app) => app.get(MikroORM).isConnected());
  const records = files.map((f) =>
    totaRecord(parseTota(readFileSync(f, 'utf8'), basename(f)), `tota-${basename(f)}`, []),
  );
  const db = new sqlite3.Database(file);
  await run(db, 'pragma journal_mode = WAL');
  const started = performance.now();
  await run(db, 'begin');
  const agreement = db.prepare(
    'insert into agreement (created_at, updated_at, slug, title, kind, status, date_signed, date_in_force, tota_id, wto_rta_id, language, regions, sources, origin) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const provision = db.prepare(
    'insert into provision (created_at, updated_at, agreement_id, key, location, chapter_number, chapter_title, article_number, article_title, position, language, text, external_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  let articles = 0;
  for (const [index, r] of records.entries()) {
    const now = Date.now();
    await new Promise<void>((resolve, reject) =>
      agreement.run(
        [
          now,
          now,
          r.slug,
          r.title,
          r.kind,
          r.status,
          r.dateSigned,
          r.dateInForce,
          r.externalIds.totaId,
          r.externalIds.wtoRtaId,
          r.language,
          JSON.stringify(r.regions),
          JSON.stringify(r.sources),
          'tota',
        ],
        (e) => (e ? reject(e) : resolve()),
      ),
    );
    const agreementId = 1000 + index;
    for (const p of r.provisions) {
      provision.run([
        now,
        now,
        agreementId,
        p.key,
        p.location,
        p.chapterNumber,
        p.chapterTitle,
        p.articleNumber,
        p.articleTitle,
        p.position,
        p.language,
        p.text,
        p.externalId,
      ]);
      articles++;
    }
  }
  await new Promise<void>((resolve, reject) => provision.finalize((e) => (e ? reject(e) : resolve())));
  const seconds = (performance.now() - started) / 1000;
  await run(
    db,
    `insert into provision_search (provision_id, title, body) select id, coalesce(article_number, '') || ' ' || coalesce(article_title, ''), coalesce(text, '') from provision where id not in (select provision_id from provision_search)`,
  );
  await run(db, 'commit');
  const withIndex = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => db.close(() => resolve()));
  removeDb(file);
  return { seconds, withIndex, articles };
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  const p = await product();
  const f = await floor();
  const rate = (articles: number, seconds: number) => articles / seconds;
  console.log(`ToTA corpus: ${files.length} files, ${p.articles} articles (${p.failures} failed)\n`);
  console.log('                                   seconds   articles/s');
  console.log(
    `import tota + annotate (product)   ${p.seconds.toFixed(1).padStart(7)}   ${rate(p.articles, p.seconds).toFixed(0).padStart(10)}`,
  );
  console.log(
    `bare sqlite3 inserts (floor)       ${f.seconds.toFixed(1).padStart(7)}   ${rate(f.articles, f.seconds).toFixed(0).padStart(10)}`,
  );
  console.log(
    `bare inserts + full-text index     ${f.withIndex.toFixed(1).padStart(7)}   ${rate(f.articles, f.withIndex).toFixed(0).padStart(10)}`,
  );
  console.log(
    `\nproduct / floor: ${(p.seconds / f.seconds).toFixed(1)}x the bare inserts, ${(p.seconds / f.withIndex).toFixed(1)}x the inserts with the full-text index`,
  );
  console.log(`product: ${p.annotations} proposed annotations; peak RSS ${p.peakMb.toFixed(0)} MB`);
  console.log(
    `targets: at most 45 s wall (${p.seconds <= 45 ? 'met' : 'MISSED'}), at most 1 GB (${p.peakMb <= 1024 ? 'met' : 'MISSED'})`,
  );
}

void main();

// bench/export: each export of an imported catalogue (agreements, provisions, annotations; CSV and JSON), timed
// without start-up (`npm run bench:cli` measures that), against a floor measured in the same run: the same rows
// read with a bare SELECT through the sqlite3 driver and turned into text with JSON.stringify. Peak RSS is
// sampled during each export. Product and floor alternate; figures are medians.
//
//   BENCH_DATABASE=/tmp/corpus.sqlite npm run bench:export
//
// BENCH_DATABASE names a SQLite file holding the imported corpus (`DATABASE_URL=sqlite:/tmp/corpus.sqlite
// npm run cli -- import tota ../shared/corpus/tota/xml`).
import { MikroORM } from '@mikro-orm/core';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import sqlite3 from 'sqlite3';
import { ormOptions } from '../../src/database/orm-options';
import { Writable } from 'node:stream';
import { ExportFormat, ExportKind, ExportService } from '../../src/ingest/export.service';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_SECONDS = 1;
const KINDS: ExportKind[] = ['agreements', 'provisions', 'annotations'];
const FORMATS: ExportFormat[] = ['csv', 'json'];

/** The floor's query per kind: the columns the export writes, from the same tables. */
const FLOOR_SQL: Record<ExportKind, string> = {
  agreements:
    'select g.*, (select count(*) from provision p where p.agreement_id = g.id) as provisions from agreement g order by g.id',
  provisions:
    'select g.slug, p.* from provision p join agreement g on g.id = p.agreement_id order by p.agreement_id, p.position, p.id',
  annotations:
    'select g.slug, g.tota_id, p.external_id, p.location, p.article_number, a.* from annotation a join provision p on p.id = a.provision_id join agreement g on g.id = p.agreement_id order by p.agreement_id, p.position, p.id, a.id',
};

function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

async function product(
  orm: MikroORM,
  kind: ExportKind,
  format: ExportFormat,
): Promise<{ seconds: number; rows: number; bytes: number; peakMb: number }> {
  global.gc?.();
  const memory = peakRss();
  const started = performance.now();
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const rows = await new ExportService(orm).export(kind, format, sink);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rows, bytes, peakMb: memory.stop() / 2 ** 20 };
}

/** The bytes of every row of `sql` as JSON, row by row (the driver's `each`: no array of all rows). */
const stringifyEach = (db: sqlite3.Database, sql: string) =>
  new Promise<number>((resolve, reject) => {
    let bytes = 0;
    db.each(
      sql,
      (error, row: object) => (error ? reject(error) : (bytes += JSON.stringify(row).length)),
      (error) => (error ? reject(error) : resolve(bytes)),
    );
  });

/** Whole agreement records (JSON) hold their provisions and annotations: the floor reads all three tables. */
async function floor(db: sqlite3.Database, kind: ExportKind, format: ExportFormat): Promise<number> {
  const started = performance.now();
  const queries =
    kind === 'agreements' && format === 'json' ? KINDS.map((k) => FLOOR_SQL[k]) : [FLOOR_SQL[kind]];
  for (const sql of queries) await stringifyEach(db, sql);
  return (performance.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const file = process.env.BENCH_DATABASE;
  if (!file || !existsSync(file))
    throw new Error('BENCH_DATABASE must name a SQLite file with the imported corpus');
  process.env.LOG_LEVEL = 'silent';
  const orm = await MikroORM.init(ormOptions({ driver: 'sqlite', target: file }));
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  console.log(
    `${ROUNDS} alternating rounds, medians; load average ${loadavg()[0].toFixed(1)} at the start\n`,
  );
  console.log(
    'export                  rows     MB   product s   floor s   ratio   peak RSS MB   target <= 1 s',
  );
  for (const kind of KINDS)
    for (const format of FORMATS) {
      const p: Awaited<ReturnType<typeof product>>[] = [];
      const f: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        p.push(await product(orm, kind, format));
        f.push(await floor(db, kind, format));
      }
      const seconds = median(p.map((x) => x.seconds));
      const floorSeconds = median(f);
      console.log(
        `${`${kind} ${format}`.padEnd(18)} ${String(p[0].rows).padStart(7)} ${(p[0].bytes / 2 ** 20).toFixed(1).padStart(6)} ` +
          `${seconds.toFixed(2).padStart(11)} ${floorSeconds.toFixed(2).padStart(9)} ${(seconds / floorSeconds).toFixed(1).padStart(6)}x ` +
          `${Math.max(...p.map((x) => x.peakMb))
            .toFixed(0)
            .padStart(13)}   ${seconds <= TARGET_SECONDS ? 'met' : 'MISSED'}`,
      );
    }
  db.close();
  await orm.close();
}

void main();

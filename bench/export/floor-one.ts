// The floor of bench/export for one kind, alone in a process (CPU and wall): a bare SELECT of the provisions
// through the sqlite3 driver, each row turned into JSON (or, with FLOOR_LINES, written as JSON by SQLite). `node -r ts-node/register bench/export/floor-one.ts`.
import sqlite3 from 'sqlite3';
import { loadavg } from 'node:os';
const db = new sqlite3.Database(process.env.BENCH_DATABASE!, sqlite3.OPEN_READONLY);
const from =
  ' from provision p join agreement g on g.id = p.agreement_id order by p.agreement_id, p.position, p.id';
// FLOOR_LINES: the other floor design, each row's JSON written by SQLite (json_object) and handed over as bytes.
const sql = process.env.FLOOR_LINES
  ? `select cast(json_object('slug', g.slug, ${['key', 'location', 'chapter_number', 'chapter_title', 'article_number', 'article_title', 'position', 'language', 'external_id', 'summary', 'text'].map((c) => `'${c}', p.${c}`).join(', ')}) as blob) as line${from}`
  : `select g.slug, p.*${from}`;
const cpu = process.cpuUsage();
const started = performance.now();
let bytes = 0;
let rows = 0;
const done = (error: Error | null) => {
  if (error) throw error;
  const used = process.cpuUsage(cpu);
  console.log(
    `floor provisions: ${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(2)} s wall, ` +
      `${((used.user + used.system) / 1e6).toFixed(2)} s CPU, load ${loadavg()[0].toFixed(1)}`,
  );
  db.close();
};
// `each` (a callback per row) or, with FLOOR_ALL, `all` (every row at once, then each turned into JSON).
if (process.env.FLOOR_ALL)
  db.all(sql, (error, all: object[]) => {
    if (error) throw error;
    for (const row of all) bytes += JSON.stringify(row).length;
    rows = all.length;
    done(null);
  });
else
  db.each(
    sql,
    (error, row: object) => {
      if (error) throw error;
      rows++;
      bytes += process.env.FLOOR_LINES ? (row as { line: Buffer }).line.length : JSON.stringify(row).length;
    },
    done,
  );

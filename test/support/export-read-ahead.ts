// Run by src/ingest/export.service.spec.ts in a process of its own (Jest keeps unhandled rejections from the
// test's `process`): an export over a fake catalogue whose provision reads fail after the first page, to a slow
// reader. Prints how the export ended; an unhandled rejection stops the process with a non-zero status first.
import { MikroORM } from '@mikro-orm/core';
import { knex as makeKnex } from '@mikro-orm/knex';
import { Writable } from 'node:stream';
import { sqliteEngine } from '../../src/database/engines/sqlite.engine';
import { ExportService } from '../../src/ingest/export.service';

const AGREEMENTS = 60;
const knex = makeKnex({ client: 'sqlite3', useNullAsDefault: true });
let provisionReads = 0;
const numbers = (sql: string) => [...sql.matchAll(/\d+/g)].map(Number);
const execute = (qb: { toString(): string }): Promise<unknown[]> => {
  const sql = qb.toString();
  if (!sql.includes('from `provision`'))
    return Promise.resolve(numbers(sql).map((id) => ({ id, slug: `a-${id}` })));
  provisionReads++;
  if (provisionReads > 1)
    return new Promise((_, reject) => setTimeout(() => reject(new Error('disk I/O error')), 5));
  // The page's agreements: the list after `in` (the line's expression holds numbers too).
  const ids = numbers(/\bin \(([^)]*)\)/.exec(sql)?.[1] ?? '');
  return Promise.resolve(
    ids.map((id) => ({ line: `a-${id},`, article_number: '1', rest: '', slug: `a-${id}`, key: 'art-1' })),
  );
};
const em = {
  fork: () => em,
  find: () => Promise.resolve(Array.from({ length: AGREEMENTS }, (_, i) => ({ id: i + 1 }))),
  getKnex: () => knex,
  config: {
    get: (key: string) => (key === 'driver' ? sqliteEngine.ormDriver : undefined),
    // With MikroORM's query log on, reads go through the connection's `execute` (`rowsOf`), which this fakes.
    getLogger: () => ({ isEnabled: () => true }),
  },
  getConnection: () => ({ execute }),
};
// Every line waits for the reader, so the page read ahead fails while the export is waiting.
const out = new Writable({
  highWaterMark: 1,
  write(_chunk, _encoding, done) {
    setTimeout(done, 10);
  },
});
new ExportService({ em } as unknown as MikroORM)
  .export('provisions', 'csv', out)
  .then(
    (rows) => console.log(`finished: ${rows} rows`),
    (error: Error) => console.log(`failed: ${error.message}`),
  )
  .finally(() => knex.destroy());

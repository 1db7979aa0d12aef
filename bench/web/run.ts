// bench/web: the whole ToTA corpus imported (and annotated) into a fresh SQLite database with the fixtures, then
// every page of the web explorer asked 30 times over HTTP on a real server (after 3 warm-up runs), one request
// at a time: the round trip on the loopback is the server time plus a few tenths of a millisecond, which the
// floor (GET /health, same server, same run) shows. Also the size of the script the first page ships, gzipped.
// `npm run bench:web`.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { NestFactory } from '@nestjs/core';
import { rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { corpusDir } from '../../src/config';
import { TotaImportService, totaFilesIn } from '../../src/ingest/tota-import.service';
import { WEB_ASSETS } from '../../src/web/web-assets';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 50;
const SCRIPT_TARGET_KB = 250;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.RATE_LIMIT_PER_ADDRESS = '1000000';
  const file = join(tmpdir(), `ct-bench-web-${process.pid}.sqlite`);
  const removeDb = () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${file}${s}`, { force: true }));
  removeDb();
  process.env.DATABASE_URL = `sqlite:${file}`;
  const app = await NestFactory.create(AppModule, { logger: false, bodyParser: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  try {
    const files = totaFilesIn([join(corpusDir(), 'tota', 'xml')]);
    const summary = await app.get(TotaImportService).importFiles(files, { annotate: true });
    console.log(
      `ToTA corpus imported with the fixtures: ${files.length} files, ${summary.provisions} articles\n`,
    );
    const conn = (app.get(MikroORM).em as EntityManager).getConnection();
    const [biggest] = await conn.execute<{ slug: string; n: number }[]>(
      `select ag."slug", count(*) as n from provision p join agreement ag on ag."id" = p."agreement_id" group by ag."slug" order by n desc limit 1`,
    );
    const [annotated] = await conn.execute<{ pinpoint: string }[]>(
      `select ag."slug" || '/' || p."key" as pinpoint from annotation a join provision p on p."id" = a."provision_id"
       join agreement ag on ag."id" = p."agreement_id" where p."text" is not null and length(p."text") > 400 order by a."id" limit 1`,
    );
    const pages: [string, string][] = [
      ['home', '/'],
      ['search "cultural industries"', `/search?q=${encodeURIComponent('"cultural industries"')}`],
      ['search culture, party CAN', '/search?q=culture&party=CAN'],
      ['agreements', '/agreements'],
      [`agreement (${biggest.slug}, ${biggest.n} provisions)`, `/agreements/${biggest.slug}`],
      ['agreement ceta', '/agreements/ceta'],
      [`provision ${annotated.pinpoint}`, `/provisions/${annotated.pinpoint}`],
      ['party EUN', '/parties/EUN'],
      ['party CAN', '/parties/CAN'],
      ['compare 3', '/compare?agreements=ceta,cptpp,usmca'],
      ['trends', '/trends'],
      ['flows', '/flows'],
      ['draft check', '/draft-check'],
      ['review (sign-in)', '/review'],
    ];
    const measure = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const started = performance.now();
        const res = await fetch(`${base}${path}`);
        await res.text();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        if (i >= 3) times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    };
    const floor = await measure('/health');
    console.log(
      `${RUNS} runs per page after 3 warm-up runs, one at a time; milliseconds (HTTP round trip on the loopback)`,
    );
    console.log(
      `${'page'.padEnd(48)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}   target p50 <= ${TARGET_MS} ms`,
    );
    const row = (name: string, t: number[], verdict = '') =>
      console.log(
        `${name.padEnd(48)} ${percentile(t, 50).toFixed(1).padStart(7)} ${percentile(t, 95).toFixed(1).padStart(7)} ${t[t.length - 1].toFixed(1).padStart(7)}   ${verdict}`,
      );
    row('floor: GET /health', floor);
    let missed = 0;
    for (const [name, path] of pages) {
      const times = await measure(path);
      const ok = percentile(times, 50) <= TARGET_MS;
      if (!ok) missed++;
      row(name, times, ok ? 'met' : 'MISSED');
    }
    const script = WEB_ASSETS.find((a) => a.name.endsWith('.js'))!;
    const css = WEB_ASSETS.find((a) => a.name.endsWith('.css'))!;
    console.log(
      `\nscript shipped with every page: ${(script.gzip.length / 1024).toFixed(1)} kB gzipped (${(script.body.length / 1024).toFixed(1)} kB raw); target <= ${SCRIPT_TARGET_KB} kB: ${script.gzip.length / 1024 <= SCRIPT_TARGET_KB ? 'met' : 'MISSED'}; stylesheet ${(css.gzip.length / 1024).toFixed(1)} kB gzipped`,
    );
    if (missed) process.exitCode = 1;
  } finally {
    await app.close();
    removeDb();
  }
}

void main();

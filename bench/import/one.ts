// bench/import/one: `bench:import`'s product alone (the whole ToTA corpus imported and annotated into a fresh
// SQLite file), with the CPU time of the whole process (both the main thread and SQLite's) beside the wall time,
// for before/after pairs on a shared machine. `BENCH_KEEP=<file>` keeps the database there (to compare what two
// builds write); `BENCH_FILES=<n>` imports the first n files only; `PROFILE=<file>` writes a CPU profile of the import. The main thread's idle time is the time it
// waited (on SQLite's thread, mostly, or for a core). The statements run are counted; `BENCH_STATEMENTS=<n>` also
// lists the n most frequent (their text, values left out).
// `TS_NODE_SWC=true TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register bench/import/one.ts`
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir } from '../../src/config';
import { CliModule } from '../../src/cli.module';
import { importers } from '../../src/ingest/importers';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { totaFilesIn } from '../../src/ingest/tota-import.service';

const removeDb = (file: string) =>
  ['', '-wal', '-shm', '-writer-wanted'].forEach((s) => rmSync(`${file}${s}`, { force: true }));

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  const file = process.env.BENCH_KEEP ?? join(tmpdir(), `ct-bench-one-${process.pid}.sqlite`);
  removeDb(file);
  process.env.DATABASE_URL = `sqlite:${file}`;
  process.env.DATABASE_CREATE = 'true';
  // BENCH_FILES=<n>: the first n files only (a profile of a part).
  const files = totaFilesIn([join(corpusDir(), 'tota', 'xml')]).slice(
    0,
    Number(process.env.BENCH_FILES) || undefined,
  );
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  const session = new Session();
  if (process.env.PROFILE) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const statements = new Map<string, number>();
  (app.get(MikroORM).em as EntityManager).getKnex().on('query', ({ sql }: { sql: string }) => {
    const shape = sql.replace(/'(?:[^']|'')*'|\b\d+\b/g, '?');
    statements.set(shape, (statements.get(shape) ?? 0) + 1);
  });
  const load = loadavg()[0];
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  const summary = await importers(app).tota.import({ paths: files, annotate: true });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // The main thread's time waiting (for SQLite's thread, mostly) and working.
  const { idle, active } = performance.eventLoopUtilization(loop);
  if (process.env.PROFILE) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
  }
  await app.close();
  if (!process.env.BENCH_KEEP) removeDb(file);
  console.log(
    `${summary.imported} files, ${summary.provisions} provisions, ${summary.annotations} annotations, ` +
      `${summary.failures.length} failed: ${seconds.toFixed(1)} s wall, ` +
      `${((used.user + used.system) / 1e6).toFixed(1)} s CPU (user ${(used.user / 1e6).toFixed(1)}, system ` +
      `${(used.system / 1e6).toFixed(1)}), main thread idle ${(idle / 1000).toFixed(1)} s, ` +
      `active ${(active / 1000).toFixed(1)} s, load ${load.toFixed(1)} to ${loadavg()[0].toFixed(1)}, ` +
      `${[...statements.values()].reduce((a, b) => a + b, 0)} statements`,
  );
  [...statements]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.BENCH_STATEMENTS) || 0)
    .forEach(([sql, n]) => console.log(`${n}\t${sql.slice(0, 160)}`));
}

void main();

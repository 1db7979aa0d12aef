// bench/export/one: one export of an imported catalogue into a sink that drops the bytes, for a CPU profile
// of the export alone when PROFILE names a file (`PROFILE=/tmp/x.cpuprofile node -r ts-node/register
// bench/export/one.ts provisions csv`).
import { MikroORM } from '@mikro-orm/core';
import { Writable } from 'node:stream';
import { loadavg } from 'node:os';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { ormOptions } from '../../src/database/orm-options';
import { benchDatabase } from './bench-database';
import { ExportFormat, ExportKind, ExportService } from '../../src/ingest/export.service';

async function main(): Promise<void> {
  const [kind, format] = process.argv.slice(2) as [ExportKind, ExportFormat];
  process.env.LOG_LEVEL = 'silent';
  const orm = await MikroORM.init(ormOptions(benchDatabase(process.env.BENCH_DATABASE!)));
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const session = new Session();
  if (process.env.PROFILE) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  // EXPORT_MODULE: another version of export.service.ts to compare with (a copy of it, say, from `git show`).
  const Service = process.env.EXPORT_MODULE
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(process.env.EXPORT_MODULE) as { ExportService: typeof ExportService }).ExportService
    : ExportService;
  const rows = await new Service(orm).export(kind, format, sink);
  const used = process.cpuUsage(cpu);
  if (process.env.PROFILE) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
  }
  console.log(
    `${kind} ${format}: ${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(2)} s wall, ` +
      `${((used.user + used.system) / 1e6).toFixed(2)} s CPU, load ${loadavg()[0].toFixed(1)}`,
  );
  await orm.close();
}

void main();

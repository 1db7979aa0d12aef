// bench/export/snapshot: writes every export (each kind and format, and a dozen selections) of an imported
// catalogue into a folder, one file each, so that two versions of the export can be compared byte for byte
// (`cmp` / `diff -r` of two folders) before a change to the export is committed.
//
//   BENCH_DATABASE=/tmp/corpus.sqlite SNAPSHOT_DIR=/tmp/export-before npm run bench:export:snapshot
//
// BENCH_DATABASE may also be a PostgreSQL URL holding the same import: its files should match SQLite's.
import { MikroORM } from '@mikro-orm/core';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ormOptions } from '../../src/database/orm-options';
import { benchDatabase } from './bench-database';
import { ExportFormat, ExportKind, ExportSelection, ExportService } from '../../src/ingest/export.service';
import { MatchMode } from '../../src/common/sort-direction.enum';

const SELECTIONS: Record<string, ExportSelection> = {
  all: {},
  slug: { agreementSlug: '__FIRST__' },
  missing: { agreementSlug: 'no-such-agreement' },
  codes: { annotations: { codes: ['ECOMMERCE_PROVISION', 'HERITAGE_EXCEPTION'] } },
  statuses: { annotations: { statuses: ['PROPOSED'], origins: ['RULE'] } },
  locations: { provisions: { locations: ['PREAMBLE', 'PROTOCOL', 'SIDE_LETTER'] } },
  languages: { provisions: { languages: ['fr', 'es'] } },
  matchAll: {
    provisions: {
      annotations: { codes: ['ECOMMERCE_PROVISION', 'HERITAGE_EXCEPTION'] as never, match: MatchMode.ALL },
    },
  },
  signed: {
    agreements: { signedFrom: '2005-01-01', partiesMatch: MatchMode.ANY, includeArchived: false } as never,
  },
};

async function main(): Promise<void> {
  const file = process.env.BENCH_DATABASE;
  const dir = process.env.SNAPSHOT_DIR;
  if (!file || (!existsSync(file) && !/^postgres/.test(file)) || !dir)
    throw new Error('BENCH_DATABASE and SNAPSHOT_DIR are needed');
  process.env.LOG_LEVEL = 'silent';
  mkdirSync(dir, { recursive: true });
  const orm = await MikroORM.init(ormOptions(benchDatabase(file)));
  const service = new ExportService(orm);
  const [first] = await orm.em
    .fork()
    .getConnection()
    .execute('select slug from agreement order by id limit 1');
  for (const [name, selection] of Object.entries(SELECTIONS)) {
    if (selection.agreementSlug === '__FIRST__') selection.agreementSlug = first.slug as string;
    for (const kind of ['agreements', 'provisions', 'annotations'] as ExportKind[])
      for (const format of ['csv', 'json'] as ExportFormat[]) {
        if (
          kind === 'agreements' &&
          name !== 'all' &&
          name !== 'slug' &&
          name !== 'missing' &&
          name !== 'signed'
        )
          continue;
        const out = createWriteStream(join(dir, `${name}-${kind}.${format}`));
        let rows = 0;
        try {
          rows = await service.export(kind, format, out, selection);
        } catch (error) {
          out.write(`ERROR ${(error as Error).message}\n`);
        }
        out.end();
        await once(out, 'finish');
        console.log(`${name} ${kind} ${format}: ${rows}`);
      }
  }
  await orm.close();
}

void main();

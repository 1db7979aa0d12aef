// What the number of parties costs the draft checker (data26): the whole WTO e-commerce text of $CORPUS_DIR/drafts
// checked in process against an imported corpus (SQLite), with the N parties that are party to the most agreements
// (the worst case for its per-party work: their agreements, their practice, clauses to borrow), counted in
// statements, rows read, the answer's size and CPU time (utime + stime of /proc/self/stat, every thread; not wall time: the machine is
// shared). Each N is run `runs` times, in turn, after one warm-up check.
//   TS_NODE_SWC=true TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register bench/search/draft-parties-cost.ts \
//     <corpus.sqlite> [runs] [N,N,...]
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/knex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { corpusDir } from '../../src/config';
import { runInScope } from '../../src/common/request-scope';
import { RequestBudget } from '../../src/common/request-budget';
import { LazyFork } from '../../src/database/request-context.middleware';
import { DraftCheckService } from '../../src/search/draft/draft-check.service';
import { SimilarityService } from '../../src/search/similar/similarity.service';

/** CPU time of the whole process so far, in ms, from /proc/self/stat (utime + stime, in clock ticks of 10 ms). */
const cpuMs = (): number => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // Fields 14 and 15 of the file (utime, stime) are the 12th and 13th after the command name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function main(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.DATABASE_URL = `sqlite:${process.argv[2]}`;
  const runs = Number(process.argv[3] ?? 3);
  const sizes = (process.argv[4] ?? '2,60,90').split(',').map(Number);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const em = app.get(EntityManager);
    const drafts = app.get(DraftCheckService);
    await app.get(SimilarityService).index();
    const knex = em.getConnection().getKnex();
    // The parties of the most agreements, blocs and historic codes left out (a user names countries).
    const ranked = (await knex.raw(
      `select ap.party_code as code, count(*) as n from agreement_party ap join party p on p.code = ap.party_code
       where p.kind = 'COUNTRY' group by ap.party_code order by n desc, ap.party_code limit ?`,
      [Math.max(...sizes)],
    )) as { code: string; n: number }[];
    let statements = 0;
    let rows = 0;
    knex.on('query', () => (statements += 1));
    knex.on('query-response', (response: unknown) => (rows += Array.isArray(response) ? response.length : 0));
    const text = readFileSync(join(corpusDir(), 'drafts', 'wto-jsi-ecommerce-2024.md'), 'utf8');
    const check = (parties: string[]) =>
      runInScope({ budget: new RequestBudget(), entityManagers: new LazyFork(em) }, () =>
        drafts.check({ text, parties }),
      );
    await check(ranked.slice(0, 2).map((r) => r.code));
    console.log(
      `draft: ${text.length} characters; parties by agreements: ${ranked.map((r) => `${r.code} ${r.n}`).join(', ')}`,
    );
    for (let run = 0; run < runs; run += 1)
      for (const size of sizes) {
        const parties = ranked.slice(0, size).map((r) => r.code);
        statements = 0;
        rows = 0;
        const cpu = cpuMs();
        const wall = performance.now();
        const result = await check(parties);
        const used = cpuMs() - cpu;
        const precedents = result.articles.reduce((n, a) => n + a.precedents.length, 0);
        const gapParties = result.gaps.reduce((n, g) => n + g.practice.length + g.leftOut.length, 0);
        console.log(
          `run ${run + 1}, ${parties.length} parties: ${statements} statements, ${rows} rows, ${used} ms CPU (${(performance.now() - wall).toFixed(0)} ms wall); ${result.articles.length} articles, ${precedents} precedents, ${result.gaps.length} gaps, ${gapParties} party rows in gaps, ${JSON.stringify(result).length} bytes of JSON`,
        );
      }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

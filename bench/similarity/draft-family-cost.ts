// What the families cost the draft checker on a large draft (family25): the whole WTO e-commerce text of
// $CORPUS_DIR/drafts checked in process against an imported corpus (SQLite), counted in statements and CPU time,
// the family look-ups (SimilarityService.familyMembers) apart. CPU, not wall time: the machine is shared.
//   node -r ts-node/register --max-old-space-size=4096 bench/similarity/draft-family-cost.ts <corpus.sqlite> [runs]
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
import { FAMILY_MAX_MEMBERS, SimilarityService } from '../../src/search/similar/similarity.service';

const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.DATABASE_URL = `sqlite:${process.argv[2]}`;
  const runs = Number(process.argv[3] ?? 3);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const em = app.get(EntityManager);
    const similarity = app.get(SimilarityService);
    const drafts = app.get(DraftCheckService);
    await similarity.index();
    let statements = 0;
    em.getConnection()
      .getKnex()
      .on('query', () => (statements += 1));
    const family = { calls: 0, members: 0, truncated: 0, cpu: 0, lookups: 0, statements: 0 };
    const members = similarity.familyMembers.bind(similarity);
    similarity.familyMembers = async (...args) => {
      const started = process.cpuUsage();
      const before = statements;
      const found = await members(...args);
      family.cpu += cpuMs(started);
      family.statements += statements - before;
      family.calls += 1;
      family.members += found.ids.length;
      if (found.truncated) family.truncated += 1;
      return found;
    };
    const spy = similarity as unknown as { familyLinks: (...a: unknown[]) => unknown };
    const links = spy.familyLinks.bind(similarity);
    spy.familyLinks = (...args: unknown[]) => {
      family.lookups += 1;
      return links(...args);
    };
    const text = readFileSync(join(corpusDir(), 'drafts', 'wto-jsi-ecommerce-2024.md'), 'utf8');
    console.log(`draft: ${text.length} characters; family bound ${FAMILY_MAX_MEMBERS}`);
    for (let run = 0; run < runs; run += 1) {
      Object.assign(family, { calls: 0, members: 0, truncated: 0, cpu: 0, lookups: 0, statements: 0 });
      statements = 0;
      const started = process.cpuUsage();
      const wall = performance.now();
      // BUDGET=1: under a request's time budget (REQUEST_TIMEOUT_MS), as the server runs it.
      const budget = process.env.BUDGET === '1' ? new RequestBudget() : undefined;
      const result = await runInScope({ budget, entityManagers: new LazyFork(em) }, () =>
        drafts.check({ text, parties: ['CAN', 'KOR'] }),
      );
      const total = cpuMs(started);
      const precedents = result.articles.reduce((n, a) => n + a.precedents.length, 0);
      console.log(
        `run ${run + 1}: ${result.articles.length} articles, ${precedents} precedents; whole check ${statements} statements, ${total.toFixed(0)} ms CPU (${(performance.now() - wall).toFixed(0)} ms wall); families: ${family.calls} found, ${family.members} members, ${family.truncated} cut at ${FAMILY_MAX_MEMBERS}, ${family.lookups} link look-ups, ${family.statements} statements during them, ${family.cpu.toFixed(0)} ms CPU`,
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

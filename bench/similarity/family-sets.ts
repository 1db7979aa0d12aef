// Scores the service's clauseFamily (SimilarityService.family, in process: no server, no port) on the labelled
// family files, as the corpus test and `npm run bench:similarity` do (test/support/family-measure.ts), and adds
// "the same members and template from every labelled member". Imports the ToTA corpus into the SQLite file first
// when it does not exist.
//   node -r ts-node/register --max-old-space-size=4096 bench/similarity/family-sets.ts <corpus.sqlite> [file.json ...]
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { corpusDir } from '../../src/config';
import { importers } from '../../src/ingest/importers';
import { SimilarityMeasure } from '../../src/search/wording/clause-index';
import { SimilarityService } from '../../src/search/similar/similarity.service';
import { ProvisionsService } from '../../src/provisions/provisions.service';
import { FamilyAnswer, FamilyFile, labelledFamilies, scoreFamilies } from '../../test/support/family-measure';
import { readProvisionRows } from './provision-rows';
import { EntityManager } from '@mikro-orm/knex';
import { LazyFork } from '../../src/database/request-context.middleware';
import { runInScope } from '../../src/common/request-scope';

const ALL_FILES: FamilyFile[] = [
  'families.json',
  ...['', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'].map(
    (n) => `fresh${n}.json` as FamilyFile,
  ),
];

async function main(): Promise<void> {
  const file = process.argv[2];
  const files = (process.argv.slice(3) as FamilyFile[]).length
    ? (process.argv.slice(3) as FamilyFile[])
    : ALL_FILES;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.DATABASE_URL = `sqlite:${file}`;
  process.env.DATABASE_CREATE = 'true';
  const fresh = !existsSync(file);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    if (fresh) {
      const summary = await importers(app).tota.import({
        paths: [join(corpusDir(), 'tota', 'xml')],
        annotate: true,
      });
      console.log(`imported ${summary.provisions} articles of ${summary.imported} agreements`);
    }
    const pins = new Map((await readProvisionRows(file)).map((r) => [Number(r.id), r.pin]));
    const pin = (p: { id: number }) => pins.get(Number(p.id))!;
    const similarity = app.get(SimilarityService);
    const provisions = app.get(ProvisionsService);
    const answers = new Map<string, { answer: FamilyAnswer; truncated: boolean }>();
    const em = app.get(EntityManager);
    // Each query in a request scope of its own (a fresh entity manager), as the server runs it.
    const familyOf = (pinpoint: string): Promise<FamilyAnswer> =>
      runInScope({ entityManagers: new LazyFork(em) }, () => scopedFamilyOf(pinpoint));
    const scopedFamilyOf = async (pinpoint: string): Promise<FamilyAnswer> => {
      const provision = await provisions.get({ pinpoint });
      const family = await similarity.family(String(provision.id), SimilarityMeasure.WORDING, null, null);
      const answer: FamilyAnswer = {
        template: { pinpoint: pin(family.template) },
        members: family.members.map((m) => ({
          provision: { pinpoint: pin(m.provision) },
          source: m.source ? { pinpoint: pin(m.source) } : null,
        })),
      };
      answers.set(pinpoint, { answer, truncated: family.truncated });
      return answer;
    };
    let total = { members: 0, recall: 0, templates: 0, families: 0, sources: 0, sourcesRight: 0, same: 0 };
    for (const name of files) {
      answers.clear();
      const score = await scoreFamilies(familyOf, name);
      let same = 0;
      let cut = 0;
      for (const family of labelledFamilies(name)) {
        const keys = family.members.map((m) => {
          const { answer } = answers.get(m.pinpoint)!;
          const ids = answer.members.map((x) => x.provision.pinpoint).sort();
          return `${answer.template.pinpoint}|${ids.join(',')}`;
        });
        if (new Set(keys).size === 1) same += 1;
        if (family.members.some((m) => answers.get(m.pinpoint)!.truncated)) cut += 1;
      }
      const members = score.families.reduce((s, f) => s + f.members, 0);
      const sources = score.families.reduce((s, f) => s + f.sourcesTotal, 0);
      const right = score.families.reduce((s, f) => s + f.sourcesCorrect, 0);
      console.log(
        `${name.padEnd(14)} recall ${score.recall.toFixed(3)}  precision ${score.precision.toFixed(3)}  templates ${score.templatesCorrect}/${score.families.length}  sources ${right}/${sources} = ${(right / sources).toFixed(3)}  same from every member ${same}/${score.families.length}  cut at the bound ${cut}`,
      );
      if (process.env.DETAILS === '1')
        for (const f of score.families)
          console.log(
            `   ${f.name}: recall ${f.recall.toFixed(3)} precision ${f.precision.toFixed(3)} template ${f.templateCorrect ? 'right' : 'wrong'} sources ${f.sourcesCorrect}/${f.sourcesTotal}`,
          );
      if (name !== 'families.json') {
        total = {
          members: total.members + members,
          recall: total.recall + score.recall * members,
          templates: total.templates + score.templatesCorrect,
          families: total.families + score.families.length,
          sources: total.sources + sources,
          sourcesRight: total.sourcesRight + right,
          same: total.same + same,
        };
      }
    }
    if (total.members)
      console.log(
        `held-out files together: recall ${(total.recall / total.members).toFixed(3)} (members weighted)  templates ${total.templates}/${total.families}  sources ${total.sourcesRight}/${total.sources} = ${(total.sourcesRight / total.sources).toFixed(3)}  same from every member ${total.same}/${total.families}`,
      );
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

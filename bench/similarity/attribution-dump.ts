// Dumps, for the labelled families of one half (development by default), what clauseFamily works with when it
// attributes sources: for the query of each labelled member, the family found (ids, agreements, dates, parties,
// texts) and the source the service named. Used to study attribution offline (bench/similarity/attribution.ts).
//   DATABASE_URL=sqlite:<corpus db> node -r ts-node/register bench/similarity/attribution-dump.ts <out.json> [split]
// (split: development, held-out, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10,
// fresh11, fresh12, fresh13, fresh14 or fresh15; the last fifteen from fresh.json, fresh2.json, ... fresh15.json)
import 'reflect-metadata';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../../src/app.module';
import { ProvisionsService } from '../../src/provisions/provisions.service';
import { SimilarityService } from '../../src/search/similar/similarity.service';
import { comparisonText } from '../../src/search/sync/provision-index-rows';
import { SimilarityMeasure } from '../../src/search/wording/clause-index';
import { FamilyFile, FamilySplit, labelledFamilies } from '../../test/support/family-measure';

/** The splits kept in a file of their own; development and held-out are the halves of families.json. */
const FRESH_FILES: Partial<Record<string, FamilyFile>> = {
  fresh: 'fresh.json',
  fresh2: 'fresh2.json',
  fresh3: 'fresh3.json',
  fresh4: 'fresh4.json',
  fresh5: 'fresh5.json',
  fresh6: 'fresh6.json',
  fresh7: 'fresh7.json',
  fresh8: 'fresh8.json',
  fresh9: 'fresh9.json',
  fresh10: 'fresh10.json',
  fresh11: 'fresh11.json',
  fresh12: 'fresh12.json',
  fresh13: 'fresh13.json',
  fresh14: 'fresh14.json',
  fresh15: 'fresh15.json',
};

export interface DumpedMember {
  id: number;
  pinpoint: string;
  agreementId: number;
  position: number;
  dateSigned: string | null;
  parties: string[];
  text: string;
  /** The source the service named in this query. */
  toolSource: string | null;
}

export interface DumpedQuery {
  family: string;
  seed: string;
  labelledSource: string | null;
  members: DumpedMember[];
}

async function main(): Promise<void> {
  const [out, split = 'development'] = process.argv.slice(2);
  process.env.LOG_LEVEL = 'warn';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const orm = app.get(MikroORM, { strict: false });
    await RequestContext.create(orm.em, () => dump(app, out, split));
  } finally {
    await app.close();
  }
}

async function dump(
  app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>,
  out: string,
  split: string,
): Promise<void> {
  {
    const similarity = app.get(SimilarityService, { strict: false });
    const provisions = app.get(ProvisionsService, { strict: false });
    const queries: DumpedQuery[] = [];
    const file = FRESH_FILES[split] ?? 'families.json';
    for (const family of labelledFamilies(file).filter((f) => f.split === (split as FamilySplit))) {
      for (const labelled of family.members) {
        const seed = await provisions.get({ pinpoint: labelled.pinpoint });
        const answer = await similarity.family(String(seed.id), SimilarityMeasure.WORDING, null, null);
        const ids = answer.members.map((m) => m.provision.id);
        const facts = await similarity.memberFacts(ids);
        const pin = (p: { key: string; agreement: { slug: string } }) => `${p.agreement.slug}/${p.key}`;
        queries.push({
          family: family.name,
          seed: labelled.pinpoint,
          labelledSource: labelled.source,
          members: answer.members.map((m) => {
            const fact = facts.get(m.provision.id)!;
            return {
              id: m.provision.id,
              pinpoint: pin(m.provision),
              agreementId: fact.agreementId,
              position: fact.position,
              dateSigned: fact.dateSigned,
              parties: fact.parties,
              text: comparisonText(m.provision),
              toolSource: m.source ? pin(m.source) : null,
            };
          }),
        });
        console.log(`${labelled.pinpoint}: ${answer.members.length} members`);
      }
    }
    writeFileSync(out, JSON.stringify(queries));
  }
}

void main();

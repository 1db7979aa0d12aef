import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { INestApplicationContext } from '@nestjs/common';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { asText, mutateWords, seededRandom, syntheticVocabulary, syntheticWords } from './synthetic-texts';

/**
 * Made-up agreements for the explorer's browser tests (no treaty sentence): three Canadian agreements whose
 * article 5 reuses one generated clause with a few words changed (a clause family, oldest first), each with the
 * phrase "cultural quantum" the negotiator searches for; and rule proposals on the newest one for the reviewer.
 */
export const WEB_FAMILY = ['w-alpha', 'w-beta', 'w-gamma'];
export const WEB_PHRASE = 'cultural quantum';

function clause(seed: number, rate: number): string {
  const random = seededRandom(7);
  const vocabulary = syntheticVocabulary(random, 800);
  const base = syntheticWords(random, vocabulary, 60);
  const words = rate > 0 ? mutateWords(seededRandom(seed), base, vocabulary, rate) : base;
  return `${asText(words.slice(0, 20))} Each Party keeps its ${WEB_PHRASE} measures. ${asText(words.slice(20))}`;
}

const partners: Record<string, string> = { 'w-alpha': 'CHL', 'w-beta': 'PER', 'w-gamma': 'KOR' };
const years: Record<string, string> = {
  'w-alpha': '2001-04-02',
  'w-beta': '2008-05-29',
  'w-gamma': '2015-06-15',
};

function record(slug: string, index: number) {
  const text = clause(100 + index, index * 0.03);
  const start = text.indexOf(WEB_PHRASE);
  const evidence = { start, end: start + WEB_PHRASE.length, quote: WEB_PHRASE };
  const proposal = (code: string) => ({
    code,
    status: 'PROPOSED',
    origin: 'RULE',
    ruleId: `${code}/en/test`,
    bindingForce: 'BINDING',
    evidence,
  });
  const other = `${asText(syntheticWords(seededRandom(500 + index), syntheticVocabulary(seededRandom(9), 300), 30))}`;
  return parseAgreementRecord(
    {
      slug,
      title: `Web test agreement ${slug}`,
      shortTitle: slug.toUpperCase(),
      kind: 'BILATERAL',
      types: ['FTA'],
      status: 'IN_FORCE',
      dateSigned: years[slug],
      dateInForce: `${Number(years[slug].slice(0, 4)) + 1}-01-01`,
      parties: [{ code: 'CAN' }, { code: partners[slug] }],
      provisions: [
        {
          key: 'art-1',
          location: 'OPERATIVE',
          articleNumber: '1',
          articleTitle: 'Objectives',
          position: 1,
          language: 'en',
          text: other,
        },
        {
          key: 'art-5',
          location: 'OPERATIVE',
          chapterNumber: '2',
          chapterTitle: 'Culture',
          articleNumber: '5',
          articleTitle: 'Cultural measures',
          position: 2,
          language: 'en',
          text,
          annotations:
            slug === 'w-gamma'
              ? [
                  proposal('CULTURAL_EXEMPTION'),
                  proposal('POLICY_SPACE_CULTURE'),
                  proposal('HERITAGE_EXCEPTION'),
                ]
              : [{ code: 'CULTURAL_EXEMPTION', status: 'ACCEPTED', bindingForce: 'BINDING', evidence }],
        },
      ],
    },
    slug,
  );
}

export async function writeWebScenario(app: INestApplicationContext): Promise<void> {
  const writer = app.get(AgreementRecordWriter);
  const em = app.get(MikroORM).em.fork() as EntityManager;
  await em.transactional(async (tx) => {
    for (const [i, slug] of WEB_FAMILY.entries()) await writer.write(tx, record(slug, i));
  });
}

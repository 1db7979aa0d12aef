import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { INestApplicationContext } from '@nestjs/common';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';

/**
 * Small made-up agreements for the report tests, written through the record writer: Switzerland (CHE: developed,
 * Convention in force 2008-10-16, no fixture agreement) with partners chosen for each coherence rule.
 */
interface Provision {
  key: string;
  chapterTitle?: string;
  annotations?: {
    code: string;
    detail?: string[];
    status?: 'ACCEPTED' | 'PROPOSED';
    bindingForce?: string;
    partyScope?: string[];
  }[];
}

interface PartyRow {
  code: string;
  role?: 'ORIGINAL' | 'ACCEDED';
  dateJoined?: string;
  dateProvisionallyApplied?: string;
}

interface Spec {
  slug: string;
  parties: (string | PartyRow)[];
  dateSigned: string;
  /** What the record holds; the full main text unless said. */
  record?: { coverage: 'FULL_TEXT' | 'EXCERPTS'; parts: string[] };
  dateInForce?: string | null;
  dateTerminated?: string | null;
  types?: string[];
  provisions?: Provision[];
}

const ann = (code: string, detail: string[] = [], status: 'ACCEPTED' | 'PROPOSED' = 'ACCEPTED') => ({
  code,
  detail,
  status,
  bindingForce: 'BINDING',
});

export const SCENARIO: Spec[] = [
  {
    slug: 't-che-early',
    parties: ['CHE', 'NZL'],
    dateSigned: '2005-05-05',
    provisions: [{ key: 'art-1' }],
  },
  {
    slug: 't-che-explicit',
    parties: ['CHE', 'NZL'],
    dateSigned: '2010-01-10',
    provisions: [{ key: 'preamble', annotations: [ann('CONVENTION_REF_EXPLICIT')] }],
  },
  { slug: 't-che-silent', parties: ['CHE', 'NZL'], dateSigned: '2011-03-01', provisions: [{ key: 'art-1' }] },
  {
    slug: 't-che-implicit',
    parties: ['CHE', 'NZL'],
    dateSigned: '2011-05-01',
    provisions: [{ key: 'preamble', annotations: [ann('CONVENTION_REF_IMPLICIT')] }],
  },
  {
    slug: 't-che-ecommerce',
    parties: ['CHE', 'NZL'],
    dateSigned: '2012-02-01',
    provisions: [
      {
        key: 'art-8.3',
        chapterTitle: 'Electronic Commerce',
        annotations: [ann('ECOMMERCE_PROVISION', ['CUSTOMS_DUTIES'])],
      },
      {
        key: 'art-8.4',
        chapterTitle: 'Electronic Commerce',
        annotations: [ann('ECOMMERCE_PROVISION', ['PAPERLESS_TRADE'])],
      },
    ],
  },
  {
    slug: 't-che-ecommerce-carved',
    parties: ['CHE', 'NZL'],
    dateSigned: '2012-06-01',
    provisions: [
      {
        key: 'art-8.4',
        annotations: [
          ann('ECOMMERCE_PROVISION', ['DIGITAL_PRODUCTS_NON_DISCRIMINATION']),
          ann('ECOMMERCE_CULTURAL_CARVE_OUT'),
        ],
      },
    ],
  },
  {
    slug: 't-che-services',
    parties: ['CHE', 'NZL'],
    dateSigned: '2013-01-01',
    provisions: [
      { key: 'art-9.1', chapterTitle: 'Trade in Services' },
      { key: 'art-9.2', chapterTitle: 'Trade in Services' },
    ],
  },
  {
    slug: 't-che-services-av',
    parties: ['CHE', 'NZL'],
    dateSigned: '2013-06-01',
    provisions: [
      { key: 'art-9.1', chapterTitle: 'Trade in Services', annotations: [ann('AUDIOVISUAL_EXCLUSION')] },
    ],
  },
  { slug: 't-che-kenya', parties: ['CHE', 'KEN'], dateSigned: '2014-01-01', provisions: [{ key: 'art-1' }] },
  {
    slug: 't-che-kenya-pt',
    parties: ['CHE', 'KEN'],
    dateSigned: '2014-03-01',
    provisions: [{ key: 'art-5', annotations: [ann('PREFERENTIAL_TREATMENT_CULTURE', ['ARTIST_MOBILITY'])] }],
  },
  { slug: 't-che-usa', parties: ['CHE', 'USA'], dateSigned: '2014-06-01', provisions: [{ key: 'art-1' }] },
  {
    slug: 't-che-proposed',
    parties: ['CHE', 'NZL'],
    dateSigned: '2015-01-01',
    provisions: [{ key: 'preamble', annotations: [ann('CONVENTION_REF_EXPLICIT', [], 'PROPOSED')] }],
  },
  { slug: 't-che-2016', parties: ['CHE', 'NZL'], dateSigned: '2016-01-01', types: ['FTA', 'EIA'] },
  { slug: 't-che-2017', parties: ['CHE', 'NZL'], dateSigned: '2017-01-01', types: ['FTA', 'EIA'] },
  { slug: 't-che-not-in-force', parties: ['CHE', 'NZL'], dateSigned: '2018-01-01', dateInForce: null },
  {
    slug: 't-che-terminated',
    parties: ['CHE', 'NZL'],
    dateSigned: '2001-01-01',
    dateInForce: '2002-01-01',
    dateTerminated: '2010-01-01',
  },
  { slug: 't-gha-nzl', parties: ['GHA', 'NZL'], dateSigned: '2012-01-01', provisions: [{ key: 'art-1' }] },
  { slug: 't-eu-2021', parties: ['EUN', 'NZL'], dateSigned: '2021-05-01', provisions: [{ key: 'art-1' }] },
  // Who is bound when (issue 9): an EU agreement older than Croatia's accession (2013-07-01) and one the United
  // Kingdom was bound by until it left; a party that acceded years after the entry into force.
  { slug: 't-eu-2008', parties: ['EUN', 'NZL'], dateSigned: '2008-03-01', provisions: [{ key: 'art-1' }] },
  // A mixed EU agreement Croatia acceded to by its own protocol, applied to it from 2015-03-01 (as the EEA from
  // 2014-04-12 and EU-Colombia-Peru later, not from its entry into the EU).
  {
    slug: 't-eu-2009-hrv',
    parties: ['EUN', 'NZL', { code: 'HRV', role: 'ACCEDED', dateProvisionallyApplied: '2015-03-01' }],
    dateSigned: '2009-03-01',
    provisions: [{ key: 'art-1' }],
  },
  {
    slug: 't-accession',
    parties: ['NOR', 'NZL', { code: 'ISL', role: 'ACCEDED', dateJoined: '2018-06-01' }],
    dateSigned: '2012-09-01',
    provisions: [{ key: 'art-1' }],
  },
  // Evidence states: a record of curated excerpts; a carve-out that protects one party only.
  {
    slug: 't-che-excerpts',
    parties: ['CHE', 'NZL'],
    dateSigned: '2013-05-01',
    record: { coverage: 'EXCERPTS', parts: [] },
    provisions: [
      {
        key: 'art-9.1',
        chapterTitle: 'Electronic Commerce',
        annotations: [ann('ECOMMERCE_PROVISION', ['CUSTOMS_DUTIES'])],
      },
    ],
  },
  {
    slug: 't-che-mex-scoped',
    parties: ['CHE', 'MEX'],
    dateSigned: '2014-02-01',
    provisions: [
      {
        key: 'art-9.1',
        chapterTitle: 'Electronic Commerce',
        annotations: [ann('ECOMMERCE_PROVISION', ['CUSTOMS_DUTIES'])],
      },
      { key: 'art-22.1', annotations: [{ ...ann('CULTURAL_EXEMPTION'), partyScope: ['CHE'] }] },
    ],
  },
];

function record(spec: Spec) {
  const year = Number(spec.dateSigned.slice(0, 4));
  return parseAgreementRecord(
    {
      slug: spec.slug,
      title: `Test agreement ${spec.slug}`,
      shortTitle: spec.slug.toUpperCase(),
      kind: 'BILATERAL',
      types: spec.types ?? ['FTA'],
      status: spec.dateTerminated ? 'TERMINATED' : spec.dateInForce === null ? 'SIGNED' : 'IN_FORCE',
      dateSigned: spec.dateSigned,
      dateInForce: spec.dateInForce === undefined ? `${year + 1}-01-01` : spec.dateInForce,
      dateTerminated: spec.dateTerminated ?? null,
      parties: spec.parties.map((p) => (typeof p === 'string' ? { code: p } : p)),
      record: spec.record ?? { coverage: 'FULL_TEXT', parts: ['MAIN_TEXT'] },
      provisions: (spec.provisions ?? []).map((p, i) => ({
        key: p.key,
        location: p.key === 'preamble' ? 'PREAMBLE' : 'OPERATIVE',
        chapterTitle: p.chapterTitle ?? null,
        articleNumber: p.key === 'preamble' ? null : p.key.replace('art-', ''),
        articleTitle: p.key === 'preamble' ? 'Preamble' : `Article ${p.key}`,
        position: i + 1,
        summary: `Made-up provision ${p.key} for the report tests.`,
        annotations: p.annotations ?? [],
      })),
    },
    spec.slug,
  );
}

/** Writes the scenario into the application's database (tests only). */
export async function writeReportScenario(app: INestApplicationContext): Promise<void> {
  const writer = app.get(AgreementRecordWriter);
  const em = app.get(MikroORM).em.fork() as EntityManager;
  await em.transactional(async (tx) => {
    for (const spec of SCENARIO) await writer.write(tx, record(spec));
  });
}

/** Eleven fixture agreements of several regions and kinds, for comparisons of at least ten. */
export const COMPARED_AGREEMENTS = [
  'canada-korea-fta',
  'canada-peru-fta',
  'ceta',
  'cptpp',
  'usmca',
  'eu-korea-fta',
  'eu-japan-epa',
  'rcep',
  'depa',
  'eu-cariforum-epa',
  'nafta',
];

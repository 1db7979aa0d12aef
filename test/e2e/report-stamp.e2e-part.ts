import { EntityManager } from '@mikro-orm/knex';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { beginPendingImport, publishPendingImport } from '../../src/ingest/pending-imports';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { reportDataStamp } from '../../src/reports/repository/report-stamp';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The data stamp the report caches keep their answers by (`reports/repository/report-stamp.ts`) must change when an
 * `import json` publishes its agreements: publication only clears their mark, which no count or last id of the
 * agreements, provisions or annotations sees. The coherence report of Canada is read through the API (its cache)
 * before and after, with an agreement of Canada's that the import writes.
 */
describe('the report data stamp and an import json that publishes', () => {
  let t: TestApp;
  const em = () => t.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Writes a new agreement of Canada's as a batch of import `id` writes it: marked, invisible. */
  const writePending = async (id: number, slug: string) => {
    const record = parseAgreementRecord(
      {
        slug,
        title: `Stamp agreement ${slug}`,
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2010-01-01',
        dateInForce: '2011-01-01',
        parties: [{ code: 'CAN' }, { code: 'FRA' }],
        provisions: [
          {
            key: 'art-1',
            location: 'OPERATIVE',
            articleNumber: '1',
            text: 'The Parties shall cooperate on the protection and promotion of the diversity of cultural expressions.',
            annotations: [{ code: 'CULTURAL_COOPERATION' }],
          },
        ],
      },
      slug,
    );
    await em().transactional((tx) =>
      t.app.get(AgreementRecordWriter).writeRecord(tx, record, { pendingImport: id }),
    );
  };
  /** The slugs of Canada's coherence report (bound and left out), read through the API and its cache. */
  const reported = async (): Promise<string[]> => {
    const { data, errors } = await t.gql<{
      coherenceReport: { agreements: { agreement: { slug: string } }[]; leftOut: { slug: string }[] };
    }>(`{ coherenceReport(party: "CAN") { agreements { agreement { slug } } leftOut { slug } } }`);
    expect(errors).toBeUndefined();
    return [
      ...data!.coherenceReport.agreements.map((a) => a.agreement.slug),
      ...data!.coherenceReport.leftOut.map((a) => a.slug),
    ];
  };

  it('changes when an import publishes, alone or as another import begins', async () => {
    // One import publishes: the count of imports in progress falls.
    const a = await beginPendingImport(t.orm, 'a.json');
    await writePending(a, 'stamp-a');
    const beforeA = await reportDataStamp(em());
    expect(await reported()).not.toContain('stamp-a');
    await em().transactional((tx) => publishPendingImport(tx, a));
    expect(await reportDataStamp(em())).not.toEqual(beforeA);
    expect(await reported()).toContain('stamp-a');

    // One import publishes as another begins (before it has written anything): the count of imports in progress
    // is the same, and so was the stamp (before, the report kept without stamp-b was answered after its publication).
    const b = await beginPendingImport(t.orm, 'b.json');
    await writePending(b, 'stamp-b');
    const beforeB = await reportDataStamp(em());
    expect(await reported()).not.toContain('stamp-b');
    await beginPendingImport(t.orm, 'c.json');
    await em().transactional((tx) => publishPendingImport(tx, b));
    expect(await reportDataStamp(em())).not.toEqual(beforeB);
    expect(await reported()).toContain('stamp-b');
  });
});

import { Agreement } from '../../src/agreements/agreement.entity';
import { startTestApp, TestApp } from '../support/test-app';

// An agreement imported from ToTA (origin `tota`) carries the WTO's status as ToTA copied it in 2017. The coherence
// report says so in a note; the comparison showed "Status: in force" with nothing to say the status was of 2017
// (truth16). Here EU - Korea stands for such an agreement: its origin is set as `import tota` would set it.
describe("an agreement whose status is ToTA's of 2017", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const em = t.orm.em.fork();
    const agreement = await em.findOneOrFail(Agreement, { slug: 'eu-korea-fta' });
    agreement.origin = 'tota';
    await em.flush();
  });
  afterAll(() => t.close());

  const compareNotes = async (slugs: string[]) => {
    const res = await t.gql<{ compareAgreements: { notes: string[] } }>(
      `query ($slugs: [String!]!) { compareAgreements(agreements: $slugs) { notes } }`,
      { slugs },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.compareAgreements.notes;
  };

  it('is said to be of 2017 in the comparison, in GraphQL and in the files, as in the coherence report', async () => {
    const notes = await compareNotes(['eu-korea-fta', 'ceta']);
    expect(notes.filter((n) => n.includes('ToTA'))).toEqual([
      expect.stringMatching(/^The status of 1 agreement \(EU-Korea FTA\) is the one imported from ToTA/),
    ]);
    const md = (await t.http().get('/reports/compare.md?agreements=eu-korea-fta,ceta&lang=fr').expect(200))
      .text;
    expect(md).toContain('Le statut d’un accord (EU-Korea FTA) est celui importé de ToTA');
    // The coherence report reads the same rule.
    const coherence = await t.gql<{ coherenceReport: { notes: string[] } }>(
      `{ coherenceReport(party: "KOR") { notes } }`,
    );
    expect(coherence.data!.coherenceReport.notes.some((n) => n.includes('status imported from ToTA'))).toBe(
      true,
    );
    // Hand-checked statuses need no such note.
    expect((await compareNotes(['ceta'])).some((n) => n.includes('ToTA'))).toBe(false);
  });
});

import { Agreement } from '../../src/agreements/agreement.entity';
import { RecordCoverage, RecordPart } from '../../src/agreements/agreement.enums';
import { startTestApp, TestApp } from '../support/test-app';

// After `import tota` of the corpus, EU–Korea's record is the ToTA text, its main text and annexes in full, and the
// two Protocol on Cultural Cooperation articles the fixtures hold (fixtures/agreements/eu-korea-fta.json,
// provisions at PROTOCOL) are kept: its summary said "not held: protocols", of a part two of whose articles it shows.
describe("an agreement's record summary", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const em = t.orm.em.fork();
    const agreement = await em.findOneOrFail(Agreement, { slug: 'eu-korea-fta' });
    agreement.recordCoverage = RecordCoverage.FULL_TEXT;
    agreement.recordParts = [RecordPart.MAIN_TEXT, RecordPart.ANNEXES];
    await em.flush();
  });
  afterAll(() => t.close());

  const record = async (slug: string) =>
    (
      await t.gql<{ agreement: { record: { summary: string }; provisions: { totalCount: number } } }>(
        `query ($slug: String!) { agreement(slug: $slug) { record { summary } provisions(first: 1) { totalCount } } }`,
        { slug },
      )
    ).data!.agreement;

  it('names a part of which it holds some provisions as held in part, not as not held', async () => {
    const { record: r, provisions } = await record('eu-korea-fta');
    expect(r.summary).toBe(
      `Full text of the main text, annexes (${provisions.totalCount} provisions); selected provisions only: protocols; not held: schedules of commitments and reservations, side letters.`,
    );
    expect(r.summary).not.toMatch(/not held: [^.]*protocols/);
  });

  it("says the same in Korea's coherence report, which reads the records in SQL of its own", async () => {
    const res = await t.gql<{
      coherenceReport: { agreements: { agreement: { slug: string }; record: { summary: string } }[] };
    }>(`{ coherenceReport(party: "KOR") { agreements { agreement { slug } record { summary } } } }`);
    expect(res.errors).toBeUndefined();
    const euKorea = res.data!.coherenceReport.agreements.find((a) => a.agreement.slug === 'eu-korea-fta')!;
    expect(euKorea.record.summary).toBe((await record('eu-korea-fta')).record.summary);
  });

  it("says it in every language, and in each finding's record, not only in the English summary", async () => {
    // The summary was the one sentence that knew the protocols were held in part: the French and Spanish reports
    // (written again from the record's facts) and every finding's "what the record holds" said "not held: protocols".
    const heldInPart: Record<string, string> = {
      en: 'selected provisions only: protocols',
      fr: 'dispositions choisies seulement : protocoles',
      es: 'solo disposiciones seleccionadas: protocolos',
    };
    for (const [lang, words] of Object.entries(heldInPart)) {
      const res = await t.http().get(`/reports/coherence/KOR.json?lang=${lang}`).expect(200);
      const sections = res.body.sections as { id: string; table: { rows: Record<string, unknown>[] } }[];
      const rows = (id: string) => sections.find((s) => s.id === id)!.table.rows;
      const named = (row: Record<string, unknown>) => String(row.agreement).startsWith('EU-Korea');
      const records = [
        ...rows('agreements').filter(named),
        ...rows('findings').filter((f) => named(f) && f.record),
      ].map((row) => String(row.record));
      expect(records.length).toBeGreaterThan(1);
      for (const r of records) expect(r).toContain(words);
    }
  });

  // The agreement page asked its record for `coverage parts provisions` and not `partial`, so that it said "not held:
  // ..., protocols" above a table of contents listing Protocol articles, where record.summary, the comparison and the
  // reports said "selected provisions only: protocols" (pages23: EU-CARIFORUM, Protocol III; EU-Korea).
  it('says what record.summary says, in every language', async () => {
    const heldInPart: Record<string, [string, RegExp]> = {
      en: ['selected provisions only: protocols', /not held: [^.<]*protocols/],
      fr: ['dispositions choisies seulement : protocoles', /non détenu[^.<]*protocoles/],
      es: ['solo disposiciones seleccionadas: protocolos', /no se tiene[^.<]*protocolos/],
    };
    for (const [lang, [words, notHeld]] of Object.entries(heldInPart)) {
      const page = await t.http().get(`/agreements/eu-korea-fta?lang=${lang}`).expect(200);
      expect(page.text).toContain(words);
      expect(page.text).not.toMatch(notHeld);
    }
  });
});

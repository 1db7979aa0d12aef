import { startTestApp, TestApp } from '../support/test-app';
import { pageText as text } from '../support/page-text';
import { translator } from '../../src/web/i18n';
import { outcomeName } from '../../src/web/labels';

/**
 * The party page on a date (truth19): the report files took `asOf`, the page showed today only, so a ministry
 * reading the page could not see what bound it on a date. The page now takes `asOf` as the files do (the same check,
 * the same words), its file links and its language links keep it, and a form asks for another date.
 */
describe('the party page as of a date', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  it('shows what bound Canada on the date asked: NAFTA in 2019, not in 2022', async () => {
    const in2019 = (await t.http().get('/parties/CAN?asOf=2019-06-01').expect(200)).text;
    expect(text(in2019)).toContain('Applied on 1 Jun 2019');
    expect(text(in2019)).not.toMatch(/NAFTA 17 Dec 1992 terminated · not binding/);
    // The column says whose status it shows: the agreement's today, not on the page's date.
    expect(text(in2019)).toContain('Status today');
    const in2022 = text((await t.http().get('/parties/CAN?asOf=2022-01-01').expect(200)).text);
    expect(in2022).toContain('Applied on 1 Jan 2022');
    expect(in2022).toMatch(/NAFTA 17 Dec 1992 terminated · not binding CAN on 1 Jan 2022/);
    // Without a date, today, as before.
    const today = text((await t.http().get('/parties/CAN').expect(200)).text);
    expect(today).not.toContain('Status today');
  });

  it('links report files of the same date, which say the same', async () => {
    const html = (await t.http().get('/parties/CAN?asOf=2019-06-01').expect(200)).text;
    const json = [...html.matchAll(/href="([^"]*\/reports\/coherence\/CAN\.json[^"]*)"/g)].map((m) =>
      m[1].replace(/&amp;/g, '&'),
    );
    expect(json).toHaveLength(1);
    expect(json[0]).toContain('asOf=2019-06-01');
    const file = (await t.http().get(json[0]).expect(200)).body as { notes: string[] };
    expect(file.notes.join(' ')).toContain('Agreements that bind Canada on 2019-06-01');
    // The page's language links keep the date; its form carries the language and shows the date asked.
    const fr = (await t.http().get('/parties/CAN?asOf=2019-06-01&lang=fr').expect(200)).text;
    expect(fr).toMatch(/href="[^"]*\/parties\/CAN\?asOf=2019-06-01&amp;lang=es"/);
    expect(fr).toMatch(/<input type="date" name="asOf" value="2019-06-01"/);
    expect(fr).toMatch(/<form method="get" class="as-of">\s*<input type="hidden" name="lang" value="fr"/);
  });

  it("counts the flows on the page's date as its bindings: the agreements binding the party then, through the blocs of then", async () => {
    // With ?asOf= the page read that day's bindings beside today's blocs and every flow of any date: Jamaica as of
    // 2005 was said to receive the EU-CARIFORUM EPA's flows (signed 2008), and the United Kingdom as of 2019 granted
    // nothing through the European Union, which it left in 2020.
    const { data } = await t.gql<{ preferentialTreatmentFlows: { flows: { pending: boolean }[] } }>(
      '{ preferentialTreatmentFlows(filter: { beneficiaries: ["JAM"] }) { flows { pending } } }',
    );
    const jamaica = data!.preferentialTreatmentFlows.flows;
    expect(jamaica.length).toBeGreaterThan(0);
    const in2005 = text((await t.http().get('/parties/JAM?asOf=2005-01-01').expect(200)).text);
    expect(in2005).toContain(
      `Preferential treatment received: no flow recorded between parties bound by the agreement on 1 Jan 2005 (${jamaica.length} flows in all)`,
    );
    const today = (await t.http().get('/parties/JAM').expect(200)).text;
    expect(today).toContain('href="/flows?beneficiaries=JAM">Preferential treatment received</a>');
    // The blocs of the page's date: the United Kingdom's page as of 2019 links the European Union's flows on the
    // agreements that bound it through the EU then; today's links none.
    const gbr2019 = (await t.http().get('/parties/GBR?asOf=2019-06-01').expect(200)).text;
    expect(gbr2019).toMatch(/href="\/flows\?grantors=EUN[^"]*">granted through the European Union<\/a>/);
    const gbrToday = (await t.http().get('/parties/GBR').expect(200)).text;
    expect(gbrToday).not.toContain('granted through the European Union');
    // The link opens the flows it counts: Croatia's, the EU's on the agreements binding it through the EU alone.
    const { data: hrv } = await t.gql<{
      coherenceReport: { agreements: { agreement: { slug: string }; via: string | null }[] };
    }>('{ coherenceReport(party: "HRV") { agreements { agreement { slug } via } } }');
    const viaEu = new Set(
      hrv!.coherenceReport.agreements.filter((a) => a.via === 'EUN').map((a) => a.agreement.slug),
    );
    const croatia = (await t.http().get('/parties/HRV').expect(200)).text;
    const href = /href="(\/flows\?grantors=EUN[^"]*)">granted through the European Union/
      .exec(croatia)![1]
      .replace(/&amp;/g, '&');
    const linked = new URL(href, 'http://x').searchParams.get('agreements')!.split(',');
    expect(linked.length).toBeGreaterThan(0);
    for (const slug of linked) expect(viaEu.has(slug)).toBe(true);
    const flowsPage = text((await t.http().get(href).expect(200)).text);
    expect(croatia.replace(/\s+/g, ' ')).toContain(
      `granted through the European Union</a> (${/(\d+) flows?/.exec(flowsPage)![1]} flow`,
    );
  });

  it('refuses a date the report files refuse, in the same words', async () => {
    for (const bad of ['2020-13-01', '2019-02-29', 'yesterday']) {
      const file = await t.http().get(`/reports/coherence/CAN.json?asOf=${bad}`).expect(400);
      const page = await t.http().get(`/parties/CAN?asOf=${bad}`).expect(400);
      expect(file.body.message).toBe(`asOf: "${bad}" is not a date YYYY-MM-DD`);
      expect(text(page.text)).toContain(`asOf: "${bad}" is not a date YYYY-MM-DD`);
    }
    // A parameter the page does not take is still refused by name.
    await t.http().get('/parties/CAN?asof=2019-06-01').expect(400);
  });

  it('counts the scored checks by outcome apart from the information rules, which score nothing (France)', async () => {
    // What a new user read on the page: every score 100 %, and "not met 2" among the checks by outcome, both of
    // INFO/partners-not-convention-parties (Japan and Suriname are no Parties), which scores nothing.
    const pages = new Map<string, string>();
    for (const lang of ['en', 'fr', 'es'] as const) {
      const html = (await t.http().get(`/parties/FRA?lang=${lang}`).expect(200)).text;
      pages.set(lang, text(html));
      // The chips under the heading of the checks counted by outcome.
      const from = html.indexOf(`<h3>${translator(lang)('party.outcomes')}</h3>`);
      expect(from).toBeGreaterThan(0);
      const scoredPart = text(html.slice(from, html.indexOf('</ul>', from)));
      expect({ lang, scoredPart }).toEqual({
        lang,
        scoredPart: expect.not.stringContaining(outcomeName(lang, 'NOT_MET')),
      });
    }
    const res = await t.gql<{
      coherenceReport: {
        scores: { share: number | null }[];
        outcomes: { outcome: string; checks: number }[];
        informationOutcomes: { outcome: string; checks: number }[];
        rules: { id: string; scored: boolean }[];
        agreements: { checks: { ruleId: string; outcome: string }[] }[];
      };
    }>(
      '{ coherenceReport(party: "FRA") { scores { share } outcomes { outcome checks } informationOutcomes { outcome checks } rules { id scored } agreements { checks { ruleId outcome } } } }',
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.coherenceReport;
    const scored = new Set(report.rules.filter((r) => r.scored).map((r) => r.id));
    const counted = (ofScored: boolean) => {
      const counts: Record<string, number> = {};
      for (const a of report.agreements)
        for (const c of a.checks)
          if (scored.has(c.ruleId) === ofScored) counts[c.outcome] = (counts[c.outcome] ?? 0) + 1;
      return counts;
    };
    const asRecord = (list: { outcome: string; checks: number }[]) =>
      Object.fromEntries(list.map((o) => [o.outcome, o.checks]));
    expect(asRecord(report.outcomes)).toEqual(counted(true));
    expect(asRecord(report.informationOutcomes)).toEqual(counted(false));
    expect(report.scores.every((s) => s.share === null || s.share === 1)).toBe(true);
    expect(asRecord(report.outcomes).NOT_MET).toBeUndefined();
    // The information rule's counts, apart, under their own heading.
    const infoNotMet = asRecord(report.informationOutcomes).NOT_MET;
    expect(infoNotMet).toBeGreaterThan(0);
    for (const [lang, page] of pages) {
      const say = translator(lang as 'en');
      const from = page.indexOf(say('party.informationOutcomes'));
      const infoPart = page.slice(from, page.indexOf(say('party.findings'), from));
      expect({ lang, infoPart }).toEqual({
        lang,
        infoPart: expect.stringContaining(`${outcomeName(lang as 'en', 'NOT_MET')} ${infoNotMet}`),
      });
    }
  });
});

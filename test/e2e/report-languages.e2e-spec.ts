import { Language } from '../../src/common/i18n';
import { REPORT_TEXTS } from '../../src/reports/common/report-texts';
import { writeReportScenario } from '../support/report-scenario';
import { startTestApp, TestApp } from '../support/test-app';

/** What a person reads of an HTML page: its text and its attributes' texts, entities decoded. */
function readableText(html: string): string {
  const attributes = [...html.matchAll(/(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  return [html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' '), ...attributes]
    .join(' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * The English sentences of the reports, as pieces a translation would never keep: every stretch of an English
 * text between its parameters that holds at least three words (the plural forms' words included).
 */
const englishPieces: string[] = [
  ...new Set(
    Object.values(REPORT_TEXTS.en).flatMap((template) =>
      template
        .replace(/\{\w+, plural,/g, ' ')
        .split(/[{}#]|\b(?:one|other|=\d+)\b/)
        .map((piece) => piece.trim())
        .filter((piece) => piece.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 3),
    ),
  ),
];

describe('reports in French and Spanish', () => {
  let t: TestApp;
  const page = async (path: string) => {
    const res = await t.http().get(path);
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    await writeReportScenario(t.app);
  });
  afterAll(() => t.close());

  it('has at least the English pieces it checks for', () => {
    // A guard on the guard: the check below looks for these in the French and Spanish pages.
    expect(englishPieces.length).toBeGreaterThan(150);
    expect(englishPieces).toContain('Why it matters');
    expect(englishPieces).toContain('is not a Party to the Convention, so its expectations do not apply.');
  });

  const cases: { lang: Exclude<Language, 'en'>; date: RegExp; percent: RegExp; file: RegExp }[] = [
    { lang: 'fr', date: /1 janv\. 2024/, percent: /\d+,\d\s%/, file: /filename="tendances-year-du-2000-/ },
    { lang: 'es', date: /1 ene 2024/, percent: /\d+,\d\s%/, file: /filename="tendencias-year-desde-2000-/ },
  ];

  describe.each(cases)('$lang', ({ lang, date, percent, file }) => {
    it('a coherence report holds no English sentence, says its language, and writes dates its way', async () => {
      const res = await page(`/reports/coherence/CHE.html?asOf=2024-01-01&lang=${lang}`);
      expect(res.text).toContain(`<html lang="${lang}">`);
      const text = readableText(res.text);
      expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
      // The report's date as the language writes it, in the subtitle and the parameters.
      expect(text).toMatch(date);
      expect(text).not.toContain('2024-01-01');
      // Every finding's sentences are there, in the language (the rules' titles name the Guidelines' paragraphs).
      const t_ = REPORT_TEXTS[lang];
      expect(text).toContain(t_['rule.G19.5/no-convention-reference.why']);
      expect(text).toContain(t_['coh.findings.title']);
      // The CSV of each section keeps the language in its address.
      expect(res.text).toMatch(new RegExp(`section=findings&amp;lang=${lang}`));
    });

    it('a trends report, by year and by region, holds no English sentence and writes shares its way', async () => {
      for (const groupBy of ['YEAR', 'REGION']) {
        const res = await page(`/reports/trends.html?groupBy=${groupBy}&from=2000&lang=${lang}`);
        expect(res.text).toContain(`<html lang="${lang}">`);
        const text = readableText(res.text);
        expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
        expect(text).toMatch(percent);
      }
      const csv = await page(`/reports/trends.csv?groupBy=YEAR&from=2000&section=counts&lang=${lang}`);
      expect(csv.headers['content-disposition']).toMatch(file);
    });

    it('GraphQL gives the findings, notes and file addresses in the language asked', async () => {
      const res = await t.gql<{
        coherenceReport: {
          notes: string[];
          findings: { message: string; why: string }[];
          files: { url: string }[];
        };
      }>(
        `query($l: ReportLanguage!) { coherenceReport(party: "CHE", asOf: "2024-01-01", language: $l) {
          notes findings { message why } files { url } } }`,
        { l: lang.toUpperCase() },
      );
      expect(res.errors).toBeUndefined();
      const report = res.data!.coherenceReport;
      const all = [...report.notes, ...report.findings.flatMap((f) => [f.message, f.why])].join(' ');
      expect(englishPieces.filter((piece) => all.includes(piece))).toEqual([]);
      expect(report.files.every((f) => f.url.endsWith(`lang=${lang}`))).toBe(true);
    });
  });

  it('keeps the English of the API and of an address without lang as it was', async () => {
    const res = await page('/reports/coherence/CHE.html?asOf=2024-01-01');
    expect(res.text).toContain('<html lang="en">');
    // The check the French and Spanish pages pass finds plenty on the English one.
    const found = englishPieces.filter((piece) => readableText(res.text).includes(piece));
    expect(found.length).toBeGreaterThan(60);
    expect(found).toContain('Why it matters');
    const gql = await t.gql<{ coherenceReport: { files: { url: string }[] } }>(
      `{ coherenceReport(party: "CHE", asOf: "2024-01-01") { files { url } } }`,
    );
    expect(gql.data!.coherenceReport.files.some((f) => f.url.includes('lang='))).toBe(false);
  });

  it('refuses a language it does not have, naming the parameter', async () => {
    const res = await t.http().get('/reports/coherence/CHE.html?lang=de');
    expect(res.status).toBe(400);
    expect(res.body.argument).toBe('lang');
    expect(res.body.message).toContain('en, fr, es');
  });

  it('the explorer asks the party page in French and shows the findings in French', async () => {
    const res = await t.http().get('/parties/CHE?lang=fr');
    expect(res.status).toBe(200);
    const text = readableText(res.text);
    expect(text).toContain(REPORT_TEXTS.fr['rule.G19.5/no-convention-reference.why']);
    expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
    expect(res.text).toMatch(/href="[^"]*\/reports\/coherence\/CHE\.html\?lang=fr"/);
  });
});

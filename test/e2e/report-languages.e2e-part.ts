import { Language } from '../../src/common/i18n';
import { REPORT_TEXTS } from '../../src/reports/common/report-texts';
import { readCsvTable, readXlsx, bodyBytes } from '../support/download-readers';
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
    {
      lang: 'fr',
      date: /1er janv\. 2024/,
      percent: /\d+,\d\s%/,
      file: /filename="tendances-annee-du-2000-effectifs-\d{4}-\d{2}-\d{2}\.csv"/,
    },
    {
      lang: 'es',
      date: /1 ene 2024/,
      percent: /\d+,\d\s%/,
      file: /filename="tendencias-anio-desde-2000-recuentos-\d{4}-\d{2}-\d{2}\.csv"/,
    },
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
      expect(res.text).toMatch(new RegExp(`href="[^"]*/provisions/[^"]*\\?lang=${lang}"`));
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

    const compared = 't-che-kenya-pt,t-che-proposed,t-eu-2021,t-che-ecommerce';
    it('a comparison holds no English sentence, says its language, writes dates its way and keeps it in its links', async () => {
      for (const proposed of ['', '&includeProposed=true']) {
        const res = await page(`/reports/compare.html?agreements=${compared}${proposed}&lang=${lang}`);
        expect(res.text).toContain(`<html lang="${lang}">`);
        const text = readableText(res.text);
        expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
        expect(text).toContain(REPORT_TEXTS[lang]['cmp.note.empty']);
        // The matrix's dates (signed 1 Mar 2014) the language's way; its status and forces in words of the language.
        expect(text).toMatch(lang === 'fr' ? /1er mars 2014/ : /1 mar 2014/);
        // (A slug such as t-che-proposed is an identifier, not a word.)
        expect(text).not.toMatch(/(?<![-\w])(?:in force|binding|accepted|proposed|comparison)\b/);
        expect(res.text).toMatch(new RegExp(`section=matrix&amp;lang=${lang}`));
        // Its provisions open in the explorer in the report's language.
        const provisionLinks = [...res.text.matchAll(/href="([^"]*\/provisions\/[^"]*)"/g)].map((m) => m[1]);
        expect(provisionLinks.length).toBeGreaterThan(0);
        expect(provisionLinks.filter((href) => !href.endsWith(`lang=${lang}`))).toEqual([]);
      }
    });

    it('a flows report holds no English sentence, names the parties in the language and keeps it in its links', async () => {
      for (const proposed of ['', '&includeProposed=true']) {
        const res = await page(`/reports/flows.html?signedFrom=2000-01-01${proposed}&lang=${lang}`);
        expect(res.text).toContain(`<html lang="${lang}">`);
        const text = readableText(res.text);
        expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
        expect(text).toContain(lang === 'fr' ? 'Suisse → Kenya' : 'Suiza → Kenia');
        expect(text).toContain(lang === 'fr' ? 'mobilité des artistes' : 'movilidad de artistas');
        expect(text).toMatch(lang === 'fr' ? /1er janv\. 2000/ : /1 ene 2000/);
        expect(res.text).toMatch(new RegExp(`section=flows&amp;lang=${lang}`));
      }
    });

    it('the comparison and flows CSV and XLSX files have their headers and values in the language', async () => {
      const t_ = REPORT_TEXTS[lang];
      const csv = await page(`/reports/flows.csv?section=flows&lang=${lang}`);
      expect(csv.headers['content-disposition']).toMatch(
        lang === 'fr' ? /filename="flux-/ : /filename="flujos-/,
      );
      const table = readCsvTable(csv.text);
      expect(table.header).toEqual(
        expect.arrayContaining([t_['flows.col.grantor'], t_['flows.col.mechanism'], t_['flows.col.mutual']]),
      );
      expect(table.records.map((r) => r[t_['flows.col.grantor']])).toContain(
        lang === 'fr' ? 'Suisse (CHE)' : 'Suiza (CHE)',
      );
      const matrix = await page(`/reports/compare.csv?agreements=${compared}&section=matrix&lang=${lang}`);
      const rows = readCsvTable(matrix.text);
      expect(rows.header[0]).toBe(t_['cmp.col.row']);
      const status = rows.records.find((r) => r[t_['cmp.col.row']] === t_['cmp.row.status'])!;
      expect(Object.values(status)).toContain(t_['agreementStatus.IN_FORCE']);
      const xlsx = await t
        .http()
        .get(`/reports/compare.xlsx?agreements=${compared}&lang=${lang}`)
        .buffer(true)
        .parse(bodyBytes);
      expect(xlsx.status).toBe(200);
      const book = await readXlsx(xlsx.body as Buffer);
      const words = book.worksheets.flatMap((sheet) => {
        const cells: string[] = [];
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
        return cells;
      });
      expect(words).toEqual(
        expect.arrayContaining([t_['cmp.col.row'], t_['col.binding'], t_['cmp.row.status']]),
      );
      expect(englishPieces.filter((piece) => words.some((w) => w.includes(piece)))).toEqual([]);
    });

    it('GraphQL gives the comparison’s and the flows’ notes and file addresses in the language asked', async () => {
      const res = await t.gql<{
        compareAgreements: { notes: string[]; files: { url: string }[] };
        preferentialTreatmentFlows: { notes: string[]; files: { url: string }[] };
      }>(
        `query($l: ReportLanguage!) {
          compareAgreements(agreements: ["t-che-kenya-pt", "t-che-proposed"], language: $l) { notes files { url } }
          preferentialTreatmentFlows(language: $l) { notes files { url } } }`,
        { l: lang.toUpperCase() },
      );
      expect(res.errors).toBeUndefined();
      for (const report of [res.data!.compareAgreements, res.data!.preferentialTreatmentFlows]) {
        expect(englishPieces.filter((piece) => report.notes.join(' ').includes(piece))).toEqual([]);
        expect(report.files.every((f) => f.url.endsWith(`lang=${lang}`))).toBe(true);
      }
    });

    it('the explorer’s comparison and flows pages show the notes in the language and link files in it', async () => {
      for (const path of [
        `/compare?agreements=t-che-kenya-pt,t-che-proposed&lang=${lang}`,
        `/flows?lang=${lang}`,
      ]) {
        const res = await page(path);
        const text = readableText(res.text);
        expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
        expect(res.text).toMatch(new RegExp(`/reports/(?:compare|flows)\\.html\\?[^"]*lang=${lang}"`));
      }
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
    const gql = await t.gql<{
      coherenceReport: { files: { url: string }[] };
      compareAgreements: { notes: string[]; files: { url: string }[] };
      preferentialTreatmentFlows: { notes: string[]; files: { url: string }[] };
    }>(
      `{ coherenceReport(party: "CHE", asOf: "2024-01-01") { files { url } }
         compareAgreements(agreements: ["t-che-kenya-pt"]) { notes files { url } }
         preferentialTreatmentFlows { notes files { url } } }`,
    );
    const reports = Object.values(gql.data!);
    expect(reports.every((r) => r.files.every((f) => !f.url.includes('lang=')))).toBe(true);
    // Without `language`, the notes programs read are the English ones they always were.
    expect(gql.data!.compareAgreements.notes).toContain(REPORT_TEXTS.en['cmp.note.empty']);
    expect(gql.data!.preferentialTreatmentFlows.notes).toContain(REPORT_TEXTS.en['flows.note.partners']);
  });

  it('writes a date parameter as a date cell on the XLSX About sheet in every language, not as its words', async () => {
    const binary = (path: string) => t.http().get(path).buffer(true).parse(bodyBytes);
    for (const lang of ['en', 'fr', 'es'] as const) {
      const dates = async (path: string) => {
        const res = await binary(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        const about = (await readXlsx(res.body as Buffer)).worksheets[0];
        const found: string[] = [];
        about.eachRow((row) => {
          const value = row.getCell(2).value;
          if (value instanceof Date && row.number > 3) found.push(value.toISOString().slice(0, 10));
        });
        return found;
      };
      // Was '1 janv. 2020' and '18 mars 2007' as text in French and Spanish (English had date cells).
      expect(await dates(`/reports/coherence/CAN.xlsx?asOf=2020-01-01&lang=${lang}`)).toEqual([
        '2020-01-01',
        '2007-03-18',
      ]);
      expect(
        await dates(`/reports/flows.xlsx?signedFrom=2000-01-01&signedTo=2020-12-31&lang=${lang}`),
      ).toEqual(['2000-01-01', '2020-12-31']);
    }
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

import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { Readable } from 'node:stream';
import { Gzip } from 'node:zlib';
import { Role } from '../../src/auth/role.enum';
import { publicBasePath, publicUrl } from '../../src/config';
import { Writable } from 'node:stream';
import { ANNOTATION_COLUMNS, ExportService } from '../../src/ingest/export.service';
import { readAgreementRecords } from '../../src/ingest/agreement-record.reader';
import { Agreement } from '../../src/agreements/agreement.entity';
import { EntityManager } from '@mikro-orm/knex';
import {
  RENDER_RETRY_AFTER_SECONDS,
  RenderPool,
  RenderQueueFullError,
} from '../../src/reports/render/render-pool';
import { ReportDocument } from '../../src/reports/render/report-document';
import {
  formulasInSemicolonLocale,
  loadsAsFloat,
  readsAsNumberOrDate,
  readCsvTable,
  readMarkdown,
  readXlsx,
  bodyBytes,
} from '../support/download-readers';
import { writeReportScenario } from '../support/report-scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every download read back by the readers a user would point at it: each CSV by a strict parser as one table
 * (csv-parse with a fixed column count), each XLSX by exceljs with typed cells, each Markdown file by a
 * CommonMark/GFM parser; links absolute; the HTTP exports streamed with the API's filters.
 */
describe('downloads that travel', () => {
  let t: TestApp;
  const origin = publicUrl();

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    await writeReportScenario(t.app);
  });

  afterAll(async () => {
    await t?.close();
  });

  const REPORTS = [
    '/reports/coherence/CAN',
    '/reports/compare?agreements=ceta,cptpp,usmca',
    '/reports/trends?groupBy=YEAR&from=1990',
    '/reports/trends?groupBy=AGREEMENT_TYPE',
    '/reports/flows?grantors=EUN',
  ];
  const withFormat = (path: string, format: string) => path.replace(/(\?|$)/, `.${format}$1`);
  const binary = async (path: string) => t.http().get(path).buffer(true).parse(bodyBytes);
  const json = async (path: string) => (await t.http().get(withFormat(path, 'json'))).body as ReportDocument;
  /** Every http(s) address in a text. */
  const addresses = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>)\]|,]+/g)].map((m) => m[0]);

  describe.each(REPORTS)('%s', (path) => {
    it('lists its sections (id, title, CSV address) in the JSON and the HTML', async () => {
      const document = await json(path);
      expect(document.sections.length).toBeGreaterThan(0);
      const html = (await t.http().get(withFormat(path, 'html'))).text;
      for (const section of document.sections) {
        expect(section.id).toMatch(/^[a-z0-9-]+$/);
        expect(html).toContain(`data-section-id="${section.id}"`);
        expect(html).toContain(`<code class="section-id">${section.id}</code>`);
        if (section.table)
          expect(section.csv).toMatch(new RegExp(`^${origin}/reports/.*section=${section.id}$`));
      }
    });

    it('downloads each table as one CSV that a strict parser reads as one table, with absolute links', async () => {
      const document = await json(path);
      const withCsv = document.sections.filter((s) => s.csv);
      expect(withCsv.length).toBeGreaterThan(0);
      const res = await binary(withFormat(path, withCsv.length > 1 ? 'zip' : 'csv'));
      expect(res.status).toBe(200);
      const files: Record<string, string> = {};
      if (withCsv.length > 1) {
        expect(res.headers['content-type']).toBe('application/zip');
        expect(res.headers['content-disposition']).toMatch(/filename="[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip"$/);
        for (const [name, bytes] of Object.entries(unzipSync(res.body as Uint8Array)))
          files[name] = strFromU8(bytes);
        expect(Object.keys(files)).toEqual(['about.csv', ...withCsv.map((s) => `${s.id}.csv`)]);
        // The notes travel with the tables, as in every other whole-report file: the tables are true under them.
        const about = readCsvTable(files['about.csv']);
        expect(about.records.filter((r) => r.Item === 'Notes').map((r) => r.Text)).toEqual(document.notes);
        expect(about.records[0]).toEqual({ Item: 'Report', Text: document.title });
      } else {
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        files[`${withCsv[0].id}.csv`] = (res.body as Buffer).toString('utf8');
      }
      for (const section of withCsv) {
        const relative = section.csv!.slice(origin.length);
        const one = await t.http().get(relative);
        expect({ relative, status: one.status }).toEqual({ relative, status: 200 });
        expect(one.headers['content-type']).toBe('text/csv; charset=utf-8');
        // fflate's strFromU8 (a TextDecoder) drops the byte order mark that each file starts with, for Excel.
        expect(one.text.startsWith('\uFEFF')).toBe(true);
        expect(one.text.slice(1)).toBe(files[`${section.id}.csv`]);
        const { header, records } = readCsvTable(one.text);
        const rows = section.table?.rows.length;
        if (rows !== undefined) expect(records).toHaveLength(rows);
        expect(header.length).toBeGreaterThan(0);
        for (const address of addresses(one.text)) expect(address.startsWith('http://localhost')).toBe(true);
        for (const link of header.filter((h) => h.endsWith('(link)')))
          for (const r of records) if (r[link]) expect(r[link].startsWith(`${origin}/`)).toBe(true);
      }
    });

    it('heads every column of numbers with what they count or measure, in every language', async () => {
      // The trends' groups.csv headed shares with the clause's bare name beside columns of counts ("Agreements",
      // "Partial records"); the coherence scores' "Share" and "Meet it", the comparison's heatmap (strengths) and the
      // flows' pairs (provisions) said no unit either: a CSV read alone must say what each number is.
      const units: Record<string, RegExp> = {
        en: /agreements|share|provisions|strength|annotations|proposals|year|#/i,
        fr: /accords|part|dispositions|force|annotations|propositions|année|#/i,
        es: /acuerdos|proporción|disposiciones|fuerza|anotaciones|propuestas|año|#/i,
      };
      for (const lang of ['en', 'fr', 'es']) {
        const document = await json(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        for (const section of document.sections.filter((x) => x.csv)) {
          const res = await binary(section.csv!.replace(origin, '').replace(publicBasePath(), ''));
          const { header, records } = readCsvTable(String(res.body));
          // The first column names the row (a group, a year, a paragraph); a key or a paragraph number names, not counts.
          for (const column of header.slice(1).filter((h) => !/key|clé|clave|^paragra|^párrafo/i.test(h))) {
            const values = records.map((r) => r[column]).filter((v) => v !== '');
            if (values.length && values.every((v) => /^-?\d+(\.\d+)?$/.test(v)))
              expect([lang, section.id, column]).toEqual([
                lang,
                section.id,
                expect.stringMatching(units[lang]),
              ]);
          }
        }
      }
    });

    it('writes Markdown that a CommonMark/GFM parser reads: whole tables, no HTML, absolute links', async () => {
      const document = await json(path);
      const markdown = (await t.http().get(withFormat(path, 'md'))).text;
      const { tables, html, links } = readMarkdown(markdown);
      expect(html).toEqual([]);
      expect(markdown).not.toContain('<br');
      const withRows = document.sections.filter((s) => s.csv);
      expect(tables.length).toBeLessThanOrEqual(withRows.length);
      for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith(`${origin}/`)).toBe(true);
    });

    it('writes JSON whose links are all absolute', async () => {
      const text = (await t.http().get(withFormat(path, 'json'))).text;
      const hrefs = [...text.matchAll(/"(?:href|csv)": "([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith(`${origin}/`)).toBe(true);
    });

    it('writes an XLSX that exceljs reads with typed cells: dates as dates, numbers as numbers', async () => {
      const workbook = await readXlsx((await binary(withFormat(path, 'xlsx'))).body as Buffer);
      const about = workbook.getWorksheet('About')!;
      expect(about.getRow(1).getCell(1).value).toEqual(expect.any(String));
      const generated = about.getColumn(1).values.indexOf('Generated');
      expect(about.getRow(generated).getCell(2).value).toBeInstanceOf(Date);
      for (const sheet of workbook.worksheets.slice(1)) {
        sheet.eachRow((row, r) => {
          if (r === 1) return;
          row.eachCell((cell) => {
            // A date written as text would be an ISO date string: every one must be a Date cell.
            if (typeof cell.value === 'string')
              expect({ sheet: sheet.name, text: cell.value }).not.toEqual({
                sheet: sheet.name,
                text: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
              });
          });
        });
      }
    });
  });

  describe('typed report documents', () => {
    /** Every table cell of a report's JSON, with where it is. */
    const cells = (document: ReportDocument) =>
      document.sections.flatMap((section) =>
        (section.table?.rows ?? []).flatMap((row, r) =>
          Object.entries(row).map(([key, cell]) => ({
            where: `${section.id}[${r}].${key}`,
            cell: cell as unknown,
          })),
        ),
      );
    const table = (document: ReportDocument, id: string) =>
      document.sections.find((s) => s.id === id)!.table!;

    it.each(REPORTS)(
      '%s: no boolean, count in words, year or joined list stored as text in the JSON',
      async (path) => {
        const texts = cells(await json(path)).filter(
          ({ cell }) =>
            typeof cell === 'string' &&
            (/^(yes|no|true|false)$/.test(cell) ||
              /^\d+ (accepted|proposed)/.test(cell) ||
              /^\d{4}$/.test(cell) ||
              /^[A-Z]{3}(, [A-Z]{3})+$/.test(cell)),
        );
        expect(texts).toEqual([]);
      },
    );

    it('types the flows: counts as numbers, mutual as a boolean, parties and pinpoints as lists, each pinpoint linked', async () => {
      const document = await json('/reports/flows?grantors=EUN');
      const flows = table(document, 'flows');
      expect(flows.columns.map((c) => c.label)).toEqual(
        expect.arrayContaining([
          'Accepted evidence (provisions)',
          'Proposed evidence, awaiting review (provisions)',
        ]),
      );
      expect(flows.rows.length).toBeGreaterThan(0);
      for (const row of flows.rows) {
        expect(typeof row.accepted).toBe('number');
        expect(typeof row.proposed).toBe('number');
        expect(typeof row.mutual).toBe('boolean');
        expect(typeof row.pending).toBe('boolean');
        const provisions = row.provisions as { text: string; href: string }[];
        expect(Array.isArray(provisions)).toBe(true);
        for (const p of provisions) expect(p.href).toBe(`${origin}/provisions/${p.text}`);
      }
      expect(flows.rows.some((r) => (r.provisions as unknown[]).length > 1)).toBe(true);
      for (const row of table(document, 'provisions').rows) {
        expect(Array.isArray(row.grantors) && Array.isArray(row.beneficiaries)).toBe(true);
        expect(row.grantors).toContain('EUN');
      }
    });

    it('links every pinpoint of a flows cell in HTML, Markdown and XLSX, and lists them all in the CSV', async () => {
      const document = await json('/reports/flows?grantors=EUN');
      const row = table(document, 'flows').rows.find((r) => (r.provisions as unknown[]).length > 1)!;
      const pinpoints = (row.provisions as { text: string }[]).map((p) => p.text);
      const html = (await t.http().get('/reports/flows.html?grantors=EUN')).text;
      for (const pinpoint of pinpoints)
        expect(html).toContain(`<a href="${origin}/provisions/${pinpoint}">${pinpoint}</a>`);
      const { links } = readMarkdown((await t.http().get('/reports/flows.md?grantors=EUN')).text);
      for (const pinpoint of pinpoints) expect(links).toContain(`${origin}/provisions/${pinpoint}`);
      const csv = readCsvTable((await t.http().get('/reports/flows.csv?grantors=EUN&section=flows')).text);
      for (const record of csv.records) {
        expect(record['Provisions (link)'].split(';')).toEqual(
          record.Provisions.split(';').map((p) => `${origin}/provisions/${p}`),
        );
        expect(record.Mutual).toMatch(/^(true|false)$/);
        expect(record['Accepted evidence (provisions)']).toMatch(/^\d+$/);
      }
      expect(csv.records.some((r) => r.Provisions === pinpoints.join(';'))).toBe(true);
      const workbook = await readXlsx((await binary('/reports/flows.xlsx?grantors=EUN')).body as Buffer);
      const sheet = workbook.getWorksheet('Flows')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const column = (label: string) => header.indexOf(label) + 1;
      const several = sheet
        .getColumn(column('Provisions'))
        .values.find(
          (v) => typeof v === 'object' && v !== null && 'text' in v && v.text === pinpoints.join(';'),
        );
      expect(several).toEqual({
        text: pinpoints.join(';'),
        hyperlink: `${origin}/provisions/${pinpoints[0]}`,
      });
      sheet.eachRow((r, n) => {
        if (n === 1) return;
        expect(typeof r.getCell(column('Mutual')).value).toBe('boolean');
        expect(typeof r.getCell(column('Accepted evidence (provisions)')).value).toBe('number');
      });
      const noted = [] as string[];
      sheet.getColumn(column('Provisions')).eachCell((cell) => {
        const note = cell.note as string | { texts: { text: string }[] } | undefined;
        if (note) noted.push(typeof note === 'string' ? note : note.texts.map((x) => x.text).join(''));
      });
      expect(noted).toContain(pinpoints.map((p) => `${p}: ${origin}/provisions/${p}`).join('\n'));
    });

    it("names a paragraph of the Operational Guidelines as the party's page does (§19.5), in every file and language", async () => {
      // The JSON and CSV wrote "¶ 19.5" (English) and "§ 19.5" (French, Spanish) where the page shows "§19.5".
      for (const lang of ['en', 'fr', 'es']) {
        const page = (await t.http().get(`/parties/CAN?lang=${lang}`)).text;
        const files = {
          page,
          json: (await t.http().get(`/reports/coherence/CAN.json?lang=${lang}`)).text,
          // The sections whose columns are the paragraphs: each agreement's outcome, the shares by year.
          agreementsCsv: (await t.http().get(`/reports/coherence/CAN.csv?lang=${lang}&section=agreements`))
            .text,
          trendCsv: (await t.http().get(`/reports/coherence/CAN.csv?lang=${lang}&section=trend`)).text,
          html: (await t.http().get(`/reports/coherence/CAN.html?lang=${lang}`)).text,
        };
        for (const [name, text] of Object.entries(files)) {
          expect({ lang, name, signs: text.match(/¶ ?\d+\.\d+|§ \d+\.\d+/g) }).toEqual({
            lang,
            name,
            signs: null,
          });
          expect({ lang, name, named: text.includes('§19.5') }).toEqual({ lang, name, named: true });
        }
      }
    });

    it('types the years of the trends and coherence tables, in the JSON and as numbers in the XLSX', async () => {
      const trends = await json('/reports/trends?groupBy=YEAR&from=1990');
      for (const id of ['groups', 'counts'])
        for (const row of table(trends, id).rows) expect(typeof row.group).toBe('number');
      const workbook = await readXlsx(
        (await binary('/reports/trends.xlsx?groupBy=YEAR&from=1990')).body as Buffer,
      );
      for (const sheet of workbook.worksheets.slice(1)) {
        const years = (sheet.getColumn(1).values as unknown[]).slice(2);
        expect({ sheet: sheet.name, years: years.filter((y) => typeof y !== 'number') }).toEqual({
          sheet: sheet.name,
          years: [],
        });
      }
      const coherence = await json('/reports/coherence/CAN');
      const trend = table(coherence, 'trend');
      expect(trend.rows.length).toBeGreaterThan(0);
      for (const row of trend.rows) expect(row.year).toEqual(expect.any(Number));
      expect(table(coherence, 'rules').rows.every((r) => typeof r.scored === 'boolean')).toBe(true);
      expect(table(coherence, 'agreements').rows.every((r) => Array.isArray(r.partners))).toBe(true);
      const md = (await t.http().get('/reports/trends.md?groupBy=YEAR&from=1990')).text;
      expect(md).not.toMatch(/\| \d,\d{3} \|/);
    });
  });

  it("stores the comparison's dates as dates", async () => {
    const workbook = await readXlsx(
      (await binary('/reports/compare.xlsx?agreements=t-che-services-av,t-che-kenya-pt')).body as Buffer,
    );
    const matrix = workbook.getWorksheet('Matrix')!;
    expect([1, 2, 3].map((c) => matrix.getRow(3).getCell(c).value)).toEqual([
      'Signed',
      new Date('2013-06-01T00:00:00Z'),
      new Date('2014-03-01T00:00:00Z'),
    ]);
    expect(matrix.getRow(3).getCell(2).numFmt).toBe('yyyy-mm-dd');
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After when the render queue is full', async () => {
    const full = jest
      .spyOn(RenderPool.prototype, 'render')
      .mockRejectedValueOnce(new RenderQueueFullError(16));
    try {
      const res = await t.http().get('/reports/trends.xlsx?groupBy=YEAR');
      expect({ status: res.status, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        retryAfter: String(RENDER_RETRY_AFTER_SECONDS),
      });
      expect(res.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(/try again/),
      });
    } finally {
      full.mockRestore();
    }
    expect((await binary('/reports/trends.xlsx?groupBy=YEAR')).status).toBe(200);
  });

  it('answers 400 for a section without a table, naming the ones with one', async () => {
    const res = await t.http().get('/reports/compare.csv?agreements=ceta,cptpp&section=heatmap-nope');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(
      'section: no section "heatmap-nope" with a table; this report has matrix',
    );
  });

  describe('HTTP exports', () => {
    it("starts each CSV with the byte order mark Excel needs to read accents, as the pages' CSVs do; JSON without", async () => {
      for (const kind of ['agreements', 'provisions', 'annotations']) {
        const csv = await t.http().get(`/exports/${kind}.csv`);
        expect({ kind, bom: csv.text.startsWith('\uFEFF') }).toEqual({ kind, bom: true });
        expect(readCsvTable(csv.text).header[0]).not.toContain('\uFEFF');
        const json = await t.http().get(`/exports/${kind}.json`);
        expect(json.text.charCodeAt(0)).not.toBe(0xfeff);
        expect(() => JSON.parse(json.text)).not.toThrow();
      }
    });

    it('answers HEAD with the status and headers of the GET, without exporting', async () => {
      // A HEAD of /exports/provisions.json streamed the whole catalogue (5 s on the corpus) into no body.
      const exporting = jest.spyOn(ExportService.prototype, 'export');
      try {
        const get = await t.http().get('/exports/provisions.csv').buffer(true);
        const calls = exporting.mock.calls.length;
        const head = await t.http().head('/exports/provisions.csv');
        expect(exporting.mock.calls.length).toBe(calls);
        expect(head.status).toBe(200);
        for (const name of ['content-type', 'content-disposition', 'cache-control'])
          expect({ name, value: head.headers[name] }).toEqual({ name, value: get.headers[name] });
        expect((await t.http().head('/exports/provisions.csv?parties=XXX')).status).toBe(400);
      } finally {
        exporting.mockRestore();
      }
    });

    it('names an export by its filter, so that two downloads filtered otherwise never share a name', async () => {
      const nameOf = async (path: string) => {
        const res = await t.http().get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        const name = /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))![1];
        expect(name).toMatch(/-\d{4}-\d{2}-\d{2}\.(csv|json)$/);
        return name.replace(/-\d{4}-\d{2}-\d{2}(\.[a-z]+)$/, '$1');
      };
      expect(await nameOf('/exports/annotations.csv')).toBe('annotations.csv');
      expect(await nameOf('/exports/annotations.csv?agreement.parties=can&codes=CULTURAL_EXEMPTION')).toBe(
        'annotations-codes-cultural-exemption-agreement-parties-can.csv',
      );
      expect(await nameOf('/exports/agreements.json?signedFrom=2000-01-01&parties=FRA,DEU')).toBe(
        'agreements-parties-fra-deu-signedfrom-2000-01-01.json',
      );
      // A long filter is cut, not the day the file was made.
      const long = await nameOf(`/exports/provisions.csv?agreement.titleContains=${'x'.repeat(300)}`);
      expect(long.length).toBeLessThanOrEqual(130);
    });

    it('streams annotations as one CSV table with pinpoint, agreement date and parties, ids that stay strings', async () => {
      const res = await t.http().get('/exports/annotations.csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="annotations-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const { header, records } = readCsvTable(res.text);
      expect(header).toEqual([...ANNOTATION_COLUMNS]);
      expect(records.length).toBeGreaterThan(10);
      for (const column of header)
        expect({ column, float: loadsAsFloat(records, column) }).toEqual({ column, float: false });
      const exemption = records.find((r) => r.pinpoint === 'canada-korea-fta/art-22.6')!;
      expect(exemption).toMatchObject({
        agreement_slug: 'canada-korea-fta',
        agreement_date_signed: '2014-09-22',
        agreement_parties: expect.stringMatching(/^(CAN;KOR|KOR;CAN)$/),
        code: 'CULTURAL_EXEMPTION',
        url: `${origin}/provisions/canada-korea-fta/art-22.6`,
      });
    });

    it("lists an agreement's parties as the comparison does: member states through a bloc and signatories apart", async () => {
      const slugs = ['eu-korea-fta', 'eu-cariforum-epa'];
      const matrix = parse(
        (await t.http().get(`/reports/compare.csv?agreements=${slugs.join(',')}&section=matrix`)).text,
        { bom: true },
      ) as string[][];
      const row = (label: string) => matrix.find((r) => r[0] === label)?.slice(1) ?? ['', ''];
      // "HRV from 2013-07-01" in the comparison's row: the codes.
      const codes = (items: string) => (items ? items.split(';').map((i) => i.split(' ')[0]) : []).sort();
      const compared = new Map(
        // The matrix's columns: the row's name, then each agreement's, then the notes' (no slug).
        row('Slug')
          .flatMap((slug, i) => (slug ? [[slug, i] as const] : []))
          .map(([slug, i]) => [
            slug,
            {
              parties: row('Parties')[i],
              bound_through_blocs: row('Member states bound through a bloc')[i],
              signatories_only: row('Signed only, never bound')[i],
            },
          ]),
      );
      expect([...compared.keys()].sort()).toEqual([...slugs].sort());
      // What the new user read: Croatia a party of EU-Korea, Haiti and Croatia of EU-CARIFORUM.
      expect(compared.get('eu-korea-fta')).toMatchObject({ parties: 'EUN;KOR' });
      expect(codes(compared.get('eu-korea-fta')!.bound_through_blocs)).toContain('HRV');
      // With the dates the comparison gives: the exports said GBR beside FRA, as if still bound.
      expect(compared.get('eu-korea-fta')!.bound_through_blocs.split(';')).toContain('GBR to 2020-12-31');
      expect(compared.get('eu-cariforum-epa')!.signatories_only.split(';')).toContain('HTI');
      const agreements = readCsvTable(
        (await t.http().get(`/exports/agreements.csv?slugs=${slugs.join(',')}`)).text,
      ).records;
      const annotations = readCsvTable(
        (await t.http().get(`/exports/annotations.csv?agreement.slugs=${slugs.join(',')}`)).text,
      ).records;
      const json = (await t.http().get(`/exports/annotations.json?agreement.slugs=${slugs.join(',')}`))
        .body as Record<string, unknown>[];
      expect(agreements).toHaveLength(2);
      expect(annotations.length).toBeGreaterThan(0);
      for (const slug of slugs) {
        const expected = { ...compared.get(slug)!, suspended_parties: '' };
        const agreement = agreements.find((a) => a.slug === slug)!;
        expect({ slug, ...agreement }).toMatchObject({ slug, ...expected });
        for (const a of annotations.filter((r) => r.agreement_slug === slug))
          expect({ slug, ...a }).toMatchObject({
            slug,
            ...Object.fromEntries(Object.entries(expected).map(([k, v]) => [`agreement_${k}`, v])),
          });
        for (const a of json.filter((r) => r.agreement_slug === slug))
          expect({ slug, ...a }).toMatchObject({
            slug,
            ...Object.fromEntries(
              Object.entries(expected).map(([k, v]) => [`agreement_${k}`, v ? v.split(';') : []]),
            ),
          });
      }
      expect(new Set(annotations.map((a) => a.agreement_slug))).toEqual(new Set(slugs));
    });

    it('streams typed JSON: numbers, arrays and nulls, not strings', async () => {
      const res = await t.http().get('/exports/annotations.json?codes=ECOMMERCE_PROVISION');
      expect(res.status).toBe(200);
      const rows = res.body as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.code).toBe('ECOMMERCE_PROVISION');
        expect(Array.isArray(row.detail)).toBe(true);
        expect(Array.isArray(row.agreement_parties)).toBe(true);
        expect(row.confidence === null || typeof row.confidence === 'number').toBe(true);
        for (const value of Object.values(row)) expect(value).not.toBe('');
      }
      expect(rows.some((r) => r.confidence === null)).toBe(true);
    });

    it("takes the API's filters as query parameters", async () => {
      const all = readCsvTable((await t.http().get('/exports/annotations.csv')).text).records;
      const can = readCsvTable(
        (await t.http().get('/exports/annotations.csv?agreement.parties=CAN')).text,
      ).records;
      expect(can.length).toBeGreaterThan(0);
      expect(can.length).toBeLessThan(all.length);
      // A party filter asks no date: an agreement Canada signed only (the TPP) is one of them, its signatory apart.
      const named = (r: Record<string, string>) =>
        [r.agreement_parties, r.agreement_signatories_only, r.agreement_suspended_parties]
          .join(';')
          .split(';');
      expect(can.filter((r) => !named(r).includes('CAN') && !r.agreement_parties.includes('EUN'))).toEqual(
        [],
      );
      expect(can.some((r) => r.agreement_signatories_only.split(';').includes('CAN'))).toBe(true);
      const agreements = readCsvTable(
        (
          await t
            .http()
            .get('/exports/agreements.csv?signedFrom=2015-01-01&slugs=ceta,cptpp,canada-korea-fta')
        ).text,
      ).records;
      expect(agreements.map((r) => r.slug).sort()).toEqual(['ceta', 'cptpp']);
      const code = all.find((r) => r.agreement_slug === 'ceta')!.code;
      const provisions = (
        await t.http().get(`/exports/provisions.json?agreement.slugs=ceta&annotations.codes=${code}`)
      ).body as { pinpoint: string; position: number | null }[];
      const expected = all
        .filter((r) => r.agreement_slug === 'ceta' && r.code === code)
        .map((r) => r.pinpoint);
      expect(provisions.map((p) => p.pinpoint).sort()).toEqual([...new Set(expected)].sort());
      const record = (await t.http().get('/exports/agreements.json?slugs=ceta')).body as {
        agreements: { slug: string }[];
      };
      expect(record.agreements.map((a) => a.slug)).toEqual(['ceta']);
    });

    it("gives the filtered party's own dates in the agreements CSV, as its coherence report does (reports24: Cambodia, AANZFTA)", async () => {
      // `parties=KHM` gave AANZFTA's date_in_force 2010-01-01 and nothing else, while Cambodia's coherence report
      // said "Applied to the party since 2011-02-01".
      const khm = readCsvTable((await t.http().get('/exports/agreements.csv?parties=KHM')).text).records;
      const report = (await json('/reports/coherence/KHM')).sections.find((s) => s.id === 'agreements')!
        .table!.rows as Record<string, unknown>[];
      expect(report.length).toBeGreaterThan(0);
      const name = (r: Record<string, string>) => r.short_title || r.title;
      for (const row of report) {
        const exported = khm.filter((r) => name(r) === row.agreement);
        expect({ agreement: row.agreement, rows: exported.length }).toEqual({
          agreement: row.agreement,
          rows: 1,
        });
        expect({
          agreement: row.agreement,
          party: exported[0].party,
          applied: exported[0].party_applied_from,
        }).toEqual({ agreement: row.agreement, party: 'KHM', applied: row.applied });
        expect(['PARTY', 'AGREEMENT_FIRST', 'SIGNATURE']).toContain(exported[0].party_dates_basis);
      }
      // A party named twice, in any case, is one party: one row, not two (review24).
      const twice = readCsvTable(
        (await t.http().get('/exports/agreements.csv?parties=KHM,khm')).text,
      ).records;
      expect(twice).toEqual(khm);
      const aanzfta = khm.find((r) => r.slug === 'aanzfta')!;
      expect(aanzfta.date_in_force).toBe('2010-01-01');
      expect(aanzfta.party_in_force_from).not.toBe(aanzfta.date_in_force);
      expect(aanzfta.party_in_force_from > aanzfta.date_in_force).toBe(true);
      // Two parties: one row per agreement and party it binds, each with its own dates; the columns never change.
      const two = readCsvTable(
        (await t.http().get('/exports/agreements.csv?parties=KHM,IDN&slugs=aanzfta')).text,
      );
      expect(two.records.map((r) => [r.slug, r.party])).toEqual([
        ['aanzfta', 'KHM'],
        ['aanzfta', 'IDN'],
      ]);
      expect(two.records[1].party_in_force_from).toBe('2012-01-10');
      const none = readCsvTable((await t.http().get('/exports/agreements.csv?slugs=aanzfta')).text);
      expect(none.header).toEqual(two.header);
      expect(
        none.records.map((r) => [r.party, r.party_applied_from, r.party_in_force_from, r.party_dates_basis]),
      ).toEqual([['', '', '', '']]);
    });

    it("tells apart in the agreements CSV the codes a reviewer accepted and those only proposed, as the list's page does (findings23)", async () => {
      // /agreements?code=CULTURAL_EXEMPTION said "14 agreements (6 of them have the code only in annotations awaiting
      // review)"; the CSV it links had 14 rows and nothing to tell the 6 apart.
      const annotations = readCsvTable((await t.http().get('/exports/annotations.csv')).text).records;
      const expected = new Map<string, { accepted: Set<string>; proposed: Set<string> }>();
      for (const a of annotations) {
        if (!expected.has(a.agreement_slug))
          expected.set(a.agreement_slug, { accepted: new Set(), proposed: new Set() });
        if (a.status === 'ACCEPTED') expected.get(a.agreement_slug)!.accepted.add(a.code);
        if (a.status === 'PROPOSED') expected.get(a.agreement_slug)!.proposed.add(a.code);
      }
      const agreements = readCsvTable((await t.http().get('/exports/agreements.csv')).text).records;
      const list = (cell: string) => (cell ? cell.split(';') : []);
      for (const row of agreements) {
        const e = expected.get(row.slug) ?? { accepted: new Set<string>(), proposed: new Set<string>() };
        expect({
          slug: row.slug,
          accepted: list(row.codes_accepted),
          proposedOnly: list(row.codes_proposed_only),
        }).toEqual({
          slug: row.slug,
          accepted: [...e.accepted].sort(),
          proposedOnly: [...e.proposed].filter((c) => !e.accepted.has(c)).sort(),
        });
      }
      // A code some agreements have only in proposals: the page's count of them is the file's.
      const code = [...expected.values()]
        .flatMap((e) => [...e.proposed].filter((c) => !e.accepted.has(c)))
        .sort()[0];
      expect(code).toBeDefined();
      const filtered = readCsvTable(
        (await t.http().get(`/exports/agreements.csv?annotations.codes=${code}`)).text,
      ).records;
      const proposedOnly = filtered.filter((r) => list(r.codes_proposed_only).includes(code)).length;
      expect(proposedOnly).toBeGreaterThan(0);
      expect(filtered.filter((r) => list(r.codes_accepted).includes(code)).length).toBe(
        filtered.length - proposedOnly,
      );
      const page = (await t.http().get(`/agreements?code=${code}`)).text;
      expect(page).toContain(
        `(${proposedOnly} of them ${proposedOnly === 1 ? 'has' : 'have'} the code only in annotations awaiting review)`,
      );
    });

    it('waits for room in a compressed download with one listener, not one a wait', async () => {
      // The compression middleware hands a response's 'drain' listeners to its gzip stream, where removing them
      // from the response does not reach: a listener added per wait piled up there for the whole download.
      const on = jest.spyOn(Readable.prototype, 'on');
      try {
        const res = await t.http().get('/exports/agreements.json').set('Accept-Encoding', 'gzip');
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBe('gzip');
        expect(JSON.parse(res.text).agreements.length).toBeGreaterThan(20);
        const gzipDrains = on.mock.calls.filter(
          (call, i) => on.mock.contexts[i] instanceof Gzip && call[0] === 'drain',
        );
        expect(gzipDrains).toHaveLength(1);
      } finally {
        on.mockRestore();
      }
    });

    it('writes each whole record byte for byte as the one-agreement reader makes it (the database-built lines)', async () => {
      const text = (await t.http().get('/exports/agreements.json')).text;
      const agreements = await t.orm.em.fork().find(Agreement, {}, { orderBy: { id: 'asc' } });
      const records = await readAgreementRecords(
        t.orm.em.fork() as EntityManager,
        agreements.map((a) => a.id),
      );
      expect(records.length).toBeGreaterThan(20);
      expect(records.some((r) => r.provisions.some((p) => p.annotations.length > 0))).toBe(true);
      for (const record of records)
        expect({ slug: record.slug, written: text.includes(JSON.stringify(record)) }).toEqual({
          slug: record.slug,
          written: true,
        });
    });

    it('answers 400 naming the bad parameter, 404 for an unknown export', async () => {
      const cases: [string, number, string][] = [
        ['/exports/annotations.csv?codes=NOPE', 400, 'codes: unknown value(s) NOPE'],
        [
          '/exports/annotations.csv?agreement.signedFrom=2020-13-01',
          400,
          'agreement.signedFrom: "2020-13-01" is not a date',
        ],
        [
          '/exports/annotations.csv?agreement.signedFrom=2020-01-01&agreement.signedTo=2019-01-01',
          400,
          'agreement.signedTo: is before',
        ],
        ['/exports/annotations.json?colour=red', 400, 'colour: unknown parameter(s) colour'],
        [
          '/exports/agreements.csv?includeArchived=maybe',
          400,
          'includeArchived: "maybe" is not true or false',
        ],
        ['/exports/provisions.csv?annotations.match=ALL', 400, 'annotations.match: needs annotations.codes'],
        ['/exports/parties.csv', 404, 'no export "parties.csv"'],
        // A mistyped code is not "no rows": the API's filters refuse it too.
        [
          '/exports/annotations.csv?agreement.parties=CAN,CNA',
          400,
          'agreement.parties: unknown party code(s) CNA',
        ],
        ['/exports/agreements.json?parties=ZZZ', 400, 'parties: unknown party code(s) ZZZ'],
      ];
      for (const [path, status, message] of cases) {
        const res = await t.http().get(path);
        expect({ path, status: res.status }).toEqual({ path, status });
        expect(res.body.message).toContain(message);
        // The API's one error body: the status, the code GraphQL would give, the argument a bad input names.
        expect(res.body).toMatchObject(
          status === 400
            ? { statusCode: 400, code: 'BAD_USER_INPUT', argument: message.split(':')[0] }
            : { statusCode: 404, code: 'NOT_FOUND' },
        );
      }
    });

    it.each(['csv', 'json'] as const)(
      'stops a %s export without waiting forever when the reader goes away mid-stream',
      async (format) => {
        // A reader that takes the first chunk, never asks for more, then hangs up (as a closed socket does).
        const out = new Writable({
          highWaterMark: 16,
          write(_chunk, _encoding, _callback) {
            setImmediate(() => this.destroy());
          },
        });
        const rows = await t.app.get(ExportService).export('provisions', format, out);
        expect(out.destroyed).toBe(true);
        const total = readCsvTable((await t.http().get('/exports/provisions.csv')).text).records.length;
        expect(rows).toBeLessThan(total);
      },
    );

    it('needs a key when PUBLIC_READ=false, as the GraphQL reads do', async () => {
      process.env.PUBLIC_READ = 'false';
      try {
        expect((await t.http().get('/exports/agreements.csv')).status).toBe(401);
        const key = await t.createKey(Role.READER);
        const res = await t.http().get('/exports/agreements.csv').set('Authorization', `Bearer ${key}`);
        expect(res.status).toBe(200);
        expect(readCsvTable(res.text).records.length).toBeGreaterThan(0);
      } finally {
        delete process.env.PUBLIC_READ;
      }
    });
  });

  it("reads the explorer's CSV downloads as one table each", async () => {
    for (const path of ['/agreements/canada-korea-fta.csv', '/search.csv?q=culture']) {
      const res = await t.http().get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(readCsvTable(res.text).records.length).toBeGreaterThan(0);
    }
  });

  it("lets no cell of a download run as a formula where the list separator is ';' (Films;=1+1; did)", async () => {
    const admin = await t.createKey(Role.ADMIN);
    const slug = 'semicolon-formula-test';
    const text = 'Zyxwformula measures on cultural industries;=HYPERLINK("x");+cmd';
    for (const [query, variables] of [
      [
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
        {
          input: {
            slug,
            title: 'Films;=1+1;',
            kind: 'BILATERAL',
            status: 'SIGNED',
            dateSigned: '2020-01-01',
            parties: [{ code: 'CAN' }, { code: 'HND' }],
          },
        },
      ],
      [
        'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
        {
          input: {
            agreement: slug,
            key: 'art-1',
            location: 'OPERATIVE',
            articleNumber: '1',
            articleTitle: 'Title;@SUM(1)',
            text,
          },
        },
      ],
      [
        'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
        {
          input: {
            pinpoint: `${slug}/art-1`,
            code: 'CULTURAL_EXEMPTION',
            note: 'Note;=2+2;-x',
            evidence: { start: text.indexOf('cultural'), end: text.length },
          },
        },
      ],
    ] as const) {
      const answer = await t.gql(query, variables, { key: admin });
      expect(answer.errors).toBeUndefined();
    }
    const read: { path: string; status: number; written: boolean; formulas: string[] }[] = [];
    for (const [path, written] of [
      [`/agreements/${slug}.csv`, "Title;'@SUM(1)"],
      [`/agreements/${slug}.csv`, "Note;'=2+2;'-x"],
      ['/search.csv?q=zyxwformula', "Films;'=1+1;"],
      ['/search.csv?q=zyxwformula', "Title;'@SUM(1)"],
      [`/exports/agreements.csv?slugs=${slug}`, "Films;'=1+1;"],
      [`/exports/provisions.csv?agreement.slugs=${slug}`, `industries;'=HYPERLINK(""x"");'+cmd`],
      [`/exports/provisions.csv?agreement.slugs=${slug}`, "Title;'@SUM(1)"],
      [`/exports/annotations.csv?agreement.slugs=${slug}`, `industries;'=HYPERLINK(""x"");'+cmd`],
    ]) {
      const res = await t.http().get(path);
      readCsvTable(res.text);
      read.push({
        path,
        status: res.status,
        written: res.text.includes(written),
        formulas: formulasInSemicolonLocale(res.text),
      });
    }
    expect(read).toEqual(read.map(({ path }) => ({ path, status: 200, written: true, formulas: [] })));
  });

  it("gives the exports an article label that no analyst's tool reads as a number or a date (RCEP 12.10 read as 12.1)", async () => {
    const provisions = readCsvTable(
      (await t.http().get('/exports/provisions.csv?agreement.slugs=rcep,canada-peru-fta')).text,
    );
    expect(provisions.header.indexOf('article_label')).toBe(provisions.header.indexOf('article_number') + 1);
    const byNumber = new Map(provisions.records.map((r) => [r.article_number, r.article_label]));
    expect([byNumber.get('12.1'), byNumber.get('12.10')]).toEqual(['Art. 12.1', 'Art. 12.10']);
    expect(provisions.records.filter((r) => readsAsNumberOrDate(r.article_label))).toEqual([]);
    const unnumbered = provisions.records.filter((r) => !r.article_number);
    expect(unnumbered.length).toBeGreaterThan(0);
    expect(unnumbered.map((r) => r.article_label)).toEqual(unnumbered.map(() => ''));
    // The JSON has the same members, in the same order, the label null where there is no number.
    const json = (await t.http().get('/exports/provisions.json?agreement.slugs=rcep,canada-peru-fta'))
      .body as Record<string, unknown>[];
    expect(Object.keys(json[0])).toEqual(provisions.header);
    expect(json.find((p) => p.article_number === '12.10')!.article_label).toBe('Art. 12.10');
    expect(json.filter((p) => p.article_number === null).map((p) => p.article_label)).toEqual(
      unnumbered.map(() => null),
    );
    const annotations = readCsvTable((await t.http().get('/exports/annotations.csv')).text).records;
    expect(annotations.filter((r) => readsAsNumberOrDate(r.provision_label))).toEqual([]);
    expect(annotations.find((r) => r.pinpoint === 'canada-korea-fta/art-22.6')!.provision_label).toBe(
      'Art. 22.6',
    );
  });
});

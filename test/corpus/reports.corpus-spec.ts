import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, PROJECT_ROOT } from '../../src/common/paths';
import { TotaImportService, totaFilesIn } from '../../src/ingest/tota-import.service';
import { ReportDocument } from '../../src/reports/render/report-document';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The reports on the whole ToTA corpus imported with the fixtures: the coherence report of Canada and of the
 * EU, a comparison of more than ten agreements and trends since 1990, in every format. The Canadian page is
 * written to test/out/ for a human look.
 */
const FORMATS = ['csv', 'xlsx', 'md', 'json', 'html'];
const OUT_DIR = join(PROJECT_ROOT, 'test', 'out');

describe('reports on the imported ToTA corpus', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const files = totaFilesIn([join(corpusDir(), 'tota', 'xml')]);
    const summary = await t.app.get(TotaImportService).importFiles(files, { annotate: true });
    expect(summary.failures).toEqual([]);
  });
  afterAll(() => t?.close());

  const json = async (path: string) => {
    const res = await t.http().get(path);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body as ReportDocument;
  };
  const rows = (document: ReportDocument, section: string) =>
    document.sections.find((s) => s.id === section)!.table!.rows;

  it("gives Canada's coherence report over fixtures and imported agreements, the same through HTTP and GraphQL", async () => {
    const document = await json('/reports/coherence/CAN.json');
    const agreements = rows(document, 'agreements').map((r) => r.agreement);
    expect(agreements).toEqual(
      expect.arrayContaining(['Canada - Israel', 'EFTA - Canada', 'Canada-Korea FTA (CKFTA)', 'CETA']),
    );
    const res = await t.gql<{
      coherenceReport: { findings: { number: number; ruleId: string; message: string }[] };
    }>('{ coherenceReport(party: "CAN") { findings { number ruleId message } } }');
    expect(rows(document, 'findings').map((r) => [r.number, r.rule, r.finding])).toEqual(
      res.data!.coherenceReport.findings.map((f) => [f.number, f.ruleId, f.message]),
    );
    const html = (await t.http().get('/reports/coherence/CAN.html')).text;
    expect(html).toContain('<svg');
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'report-coherence-can-corpus.html'), html);
  });

  it("gives the EU's coherence report over dozens of agreements, and counts PROPOSED annotations when asked", async () => {
    const query = (p: boolean) =>
      `{ coherenceReport(party: "EUN", includeProposed: ${p}) { agreements { countedAnnotations } findings { ruleId } notes } }`;
    const started = performance.now();
    const accepted = await t.gql<{
      coherenceReport: { agreements: { countedAnnotations: number }[]; notes: string[] };
    }>(query(false));
    const elapsed = performance.now() - started;
    const proposed = await t.gql<{
      coherenceReport: { agreements: { countedAnnotations: number }[]; notes: string[] };
    }>(query(true));
    const counted = (r: typeof accepted) =>
      r.data!.coherenceReport.agreements.reduce((n, a) => n + a.countedAnnotations, 0);
    expect(accepted.data!.coherenceReport.agreements.length).toBeGreaterThan(30);
    expect(counted(proposed)).toBeGreaterThan(counted(accepted));
    expect(proposed.data!.coherenceReport.notes[0]).toContain('ACCEPTED and PROPOSED');
    expect(elapsed).toBeLessThan(2000); // the bench (npm run bench:reports) measures it properly
  });

  it.each(FORMATS)(
    'serves trends since 1990, a comparison of twelve agreements and the flows as %s',
    async (format) => {
      const slugs = await t.gql<{ coherenceReport: { agreements: { agreement: { slug: string } }[] } }>(
        '{ coherenceReport(party: "EUN") { agreements { agreement { slug } } } }',
      );
      const twelve = slugs.data!.coherenceReport.agreements.slice(0, 12).map((a) => a.agreement.slug);
      expect(twelve).toHaveLength(12);
      for (const path of [
        `/reports/trends.${format}?groupBy=YEAR&from=1990`,
        `/reports/trends.${format}?groupBy=REGION&from=1990`,
        `/reports/compare.${format}?agreements=${twelve.join(',')}`,
        `/reports/flows.${format}`,
      ]) {
        const res = await t.http().get(path).buffer(true);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
      }
      if (format === 'json') {
        const trends = await json('/reports/trends.json?groupBy=YEAR&from=1990');
        const years = rows(trends, 'groups').map((r) => Number(r.group));
        expect(Math.min(...years)).toBeGreaterThanOrEqual(1990);
        expect(years.length).toBeGreaterThan(25);
        const matrix = rows(await json(`/reports/compare.json?agreements=${twelve.join(',')}`), 'matrix');
        expect(Object.keys(matrix[0])).toHaveLength(13);
      }
    },
  );
});

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
    t = await startTestApp();
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

  it('comparison, trends and flows: proposals shown beside accepted evidence; EU member states never partners', async () => {
    interface Flow {
      grantor: { code: string };
      beneficiary: { code: string };
      agreement: { slug: string };
      accepted: number;
      proposed: number;
      pending: boolean;
    }
    const flowsRes = await t.gql<{ preferentialTreatmentFlows: { flows: Flow[] } }>(
      '{ preferentialTreatmentFlows { flows { grantor { code } beneficiary { code } agreement { slug } accepted proposed pending } } }',
    );
    expect(flowsRes.errors).toBeUndefined();
    const flows = flowsRes.data!.preferentialTreatmentFlows.flows;
    // After the import most annotations are proposed: their flows are shown, as pending.
    expect(flows.some((f) => f.pending)).toBe(true);
    for (const f of flows) expect(f.pending).toBe(f.accepted === 0);
    const eu = await t.gql<{ coherenceReport: { agreements: { agreement: { slug: string } }[] } }>(
      '{ coherenceReport(party: "EUN") { agreements { agreement { slug } } } }',
    );
    const euSlugs = eu.data!.coherenceReport.agreements.map((a) => a.agreement.slug).slice(0, 50);
    expect(euSlugs.length).toBeGreaterThan(10);
    const compared = await t.gql<{
      compareAgreements: {
        agreements: {
          agreement: { slug: string };
          parties: { code: string }[];
          boundParties: { party: { code: string }; via: string | null }[];
        }[];
        cells: { accepted: number; proposed: number; pending: boolean; provisions: { status: string }[] }[];
      };
    }>(
      `query($a: [String!]!) { compareAgreements(agreements: $a) {
        agreements { agreement { slug } parties { code } boundParties { party { code } via } }
        cells { accepted proposed pending provisions { status } } } }`,
      { a: euSlugs },
    );
    expect(compared.errors).toBeUndefined();
    for (const a of compared.data!.compareAgreements.agreements) {
      const members = new Set(a.boundParties.filter((b) => b.via === 'EUN').map((b) => b.party.code));
      expect({ slug: a.agreement.slug, members: members.size > 10 }).toEqual({
        slug: a.agreement.slug,
        members: true,
      });
      const partners = [
        ...a.parties.map((p) => p.code),
        ...flows
          .filter((f) => f.agreement.slug === a.agreement.slug)
          .flatMap((f) => [f.grantor.code, f.beneficiary.code]),
      ];
      expect({ slug: a.agreement.slug, members: partners.filter((c) => members.has(c)) }).toEqual({
        slug: a.agreement.slug,
        members: [],
      });
    }
    const cells = compared.data!.compareAgreements.cells;
    expect(cells.some((c) => c.pending)).toBe(true);
    for (const c of cells) {
      expect(c.pending).toBe(c.accepted === 0 && c.proposed > 0);
      expect(c.provisions).toHaveLength(c.accepted + c.proposed);
    }

    const trends = await t.gql<{
      trends: {
        groups: {
          key: string;
          agreements: number;
          counts: { agreements: number; accepted: number; proposed: number }[];
        }[];
      };
    }>('{ trends(groupBy: PARTY) { groups { key agreements counts { agreements accepted proposed } } } }');
    expect(trends.errors).toBeUndefined();
    const groups = new Map(trends.data!.trends.groups.map((g) => [g.key, g]));
    // France is bound by every agreement of the EU (a founding member), the United Kingdom only by those before it left.
    expect(groups.get('FRA')!.agreements).toBeGreaterThanOrEqual(groups.get('EUN')!.agreements);
    expect(groups.get('GBR')!.agreements).toBeGreaterThan(0);
    const counts = trends.data!.trends.groups.flatMap((g) => g.counts);
    expect(counts.some((c) => c.proposed > 0)).toBe(true);
    for (const c of counts) expect(c.agreements).toBe(c.accepted);
  });
});

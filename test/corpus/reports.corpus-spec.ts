import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';
import { ReportDocument } from '../../src/reports/render/report-document';
import { startCorpusApp } from '../support/corpus-app';
import { TestApp } from '../support/test-app';

/**
 * The reports on the whole ToTA corpus imported with the fixtures: the coherence report of Canada and of the
 * EU, a comparison of more than ten agreements and trends since 1990, in every format. The Canadian page is
 * written to test/out/ for a human look.
 */
// A report of several tables answers CSV as a ZIP of one CSV per table (a .csv address takes `section=`)
const FORMATS = ['zip', 'xlsx', 'md', 'json', 'html'];
const OUT_DIR = join(PROJECT_ROOT, 'test', 'out');

describe('reports on the imported ToTA corpus', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
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
      `{ coherenceReport(party: "EUN", includeProposed: ${p}) { agreements { checks { outcome } } findings { ruleId } notes } }`;
    const accepted = await t.gql<{
      coherenceReport: { agreements: { checks: { outcome: string }[] }[]; notes: string[] };
    }>(query(false));
    const proposed = await t.gql<{
      coherenceReport: { agreements: { checks: { outcome: string }[] }[]; notes: string[] };
    }>(query(true));
    const counted = (r: typeof accepted) =>
      r.data!.coherenceReport.agreements.flatMap((a) => a.checks).filter((c) => c.outcome === 'MET').length;
    expect(accepted.data!.coherenceReport.agreements.length).toBeGreaterThan(30);
    expect(counted(proposed)).toBeGreaterThan(counted(accepted));
    expect(proposed.data!.coherenceReport.notes[0]).toContain('ACCEPTED and PROPOSED');
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

  describe('statements a ministry can trust (issue 9), for the parties with the most agreements', () => {
    interface Report {
      agreements: {
        agreement: { slug: string; dateSigned: string | null };
        via: string | null;
        partners: { code: string }[];
        checks: { ruleId: string; outcome: string }[];
      }[];
    }
    const PARTIES = ['EUN', 'FRA', 'DEU', 'HRV', 'GBR', 'CAN', 'MEX', 'CHL', 'KOR', 'AUS', 'SGP', 'CHE'];
    const reports = new Map<string, { accepted: Report; proposed: Report }>();
    const query = (party: string, p: boolean) =>
      `{ coherenceReport(party: "${party}", includeProposed: ${p}) { agreements { agreement { slug dateSigned } via partners { code } checks { ruleId outcome } } } }`;
    let euMembers: string[] = [];

    beforeAll(async () => {
      for (const party of PARTIES) {
        const get = async (p: boolean) => {
          const res = await t.gql<{ coherenceReport: Report }>(query(party, p));
          expect(res.errors).toBeUndefined();
          return res.data!.coherenceReport;
        };
        reports.set(party, { accepted: await get(false), proposed: await get(true) });
      }
      const eu = await t.gql<{ party: { members: { party: { code: string } }[] } }>(
        '{ party(code: "EUN") { members { party { code } } } }',
      );
      euMembers = eu.data!.party.members.map((m) => m.party.code);
    });

    it('no EU member state is a partner in an agreement the party is bound by through the EU, or that the EU signed', () => {
      expect(euMembers.length).toBeGreaterThanOrEqual(27);
      for (const [party, { accepted }] of reports) {
        for (const a of accepted.agreements) {
          if (party !== 'EUN' && a.via !== 'EUN') continue;
          expect({
            party,
            slug: a.agreement.slug,
            partners: a.partners.filter((p) => euMembers.includes(p.code)),
          }).toEqual({
            party,
            slug: a.agreement.slug,
            partners: [],
          });
        }
      }
    });

    it('no rule on what the Convention expects is NOT_MET for an agreement signed before 2005-10-20', () => {
      for (const [party, { accepted }] of reports) {
        const old = accepted.agreements.filter(
          (a) => a.agreement.dateSigned && a.agreement.dateSigned < '2005-10-20',
        );
        for (const a of old)
          for (const c of a.checks.filter((x) => !x.ruleId.startsWith('INFO/')))
            expect({ party, slug: a.agreement.slug, rule: c.ruleId, outcome: c.outcome }).not.toMatchObject({
              outcome: 'NOT_MET',
            });
      }
    });

    it('where proposed annotations would meet a rule, the default report never says NOT_MET', () => {
      let compared = 0;
      for (const [party, { accepted, proposed }] of reports) {
        for (const a of proposed.agreements) {
          const mine = accepted.agreements.find((x) => x.agreement.slug === a.agreement.slug)!;
          for (const c of a.checks.filter((x) => x.outcome === 'MET')) {
            compared++;
            const outcome = mine.checks.find((x) => x.ruleId === c.ruleId)!.outcome;
            expect({ party, slug: a.agreement.slug, rule: c.ruleId, outcome }).not.toMatchObject({
              outcome: 'NOT_MET',
            });
          }
        }
      }
      expect(compared).toBeGreaterThan(50);
    });

    it('the United Kingdom is no longer bound by EU agreements, and France owes nothing to EU member states', () => {
      expect(reports.get('GBR')!.accepted.agreements.filter((a) => a.via === 'EUN')).toEqual([]);
      const fra = reports.get('FRA')!.accepted;
      expect(fra.agreements.length).toBeGreaterThan(20);
      expect(fra.agreements.flatMap((a) => a.partners).filter((p) => euMembers.includes(p.code))).toEqual([]);
    });
  });

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

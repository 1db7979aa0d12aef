import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';

interface Check {
  ruleId: string;
  outcome: string;
  evidence: { agreement: string; link: string; code: string | null }[];
}

/**
 * A provision may carry two annotations of one code that cover different parties (two annotators, one party
 * each). What a report says of a party must rest on the annotation that covers it, whichever was written first.
 */
describe('reports: two annotations of one code on one provision, for different parties', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const annotator = await t.createKey(Role.ANNOTATOR, 'Annotator Ana');
    const reviewer = await t.createKey(Role.REVIEWER, 'Reviewer Rui');
    // USMCA Art. 32.6 is recorded as protecting Canada only (fixtures/agreements/usmca.json). A second exemption
    // of the same code on the same article, made up for the test, covers Mexico.
    const created = await t.gql<{ createAnnotation: { id: string; version: number } }>(
      'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }',
      {
        input: {
          pinpoint: 'usmca/art-32.6',
          code: 'CULTURAL_EXEMPTION',
          bindingForce: 'BINDING',
          partyScope: ['MEX'],
          note: 'made up for the test',
        },
      },
      { key: annotator },
    );
    const { id, version } = created.data!.createAnnotation;
    const reviewed = await t.gql(
      'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { status } }',
      { input: { id, version, decision: 'ACCEPT' } },
      { key: reviewer },
    );
    expect(reviewed.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const usmcaChecks = async (party: string): Promise<Check[]> => {
    const res = await t.gql<{
      coherenceReport: { agreements: { agreement: { slug: string }; checks: Check[] }[] };
    }>(
      `query($party: String!) { coherenceReport(party: $party) { agreements { agreement { slug }
        checks { ruleId outcome evidence { agreement link code } } } } }`,
      { party },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.coherenceReport.agreements.find((a) => a.agreement.slug === 'usmca')!.checks;
  };

  it("the coherence report of each party counts the annotation that covers it (Mexico's and Canada's)", async () => {
    for (const party of ['MEX', 'CAN']) {
      const ecommerce = (await usmcaChecks(party)).find(
        (c) => c.ruleId === 'G19.4/ecommerce-without-cultural-carve-out',
      )!;
      expect([party, ecommerce.outcome]).toEqual([party, 'MET']);
      expect(ecommerce.evidence.map((e) => e.link)).toContain('/provisions/usmca/art-32.6');
    }
    // The United States is covered by neither.
    const usa = (await usmcaChecks('USA')).find(
      (c) => c.ruleId === 'G19.4/ecommerce-without-cultural-carve-out',
    )!;
    expect(usa.evidence.map((e) => e.link)).not.toContain('/provisions/usmca/art-32.6');
  });

  it('the comparison lists the article once for the code, accepted once', async () => {
    const res = await t.gql<{
      compareAgreements: {
        cells: { agreement: string; code: string; accepted: number; provisions: { link: string }[] }[];
      };
    }>(
      '{ compareAgreements(agreements: ["usmca"], codes: [CULTURAL_EXEMPTION]) { cells { agreement code accepted provisions { link } } } }',
    );
    expect(res.errors).toBeUndefined();
    const cell = res.data!.compareAgreements.cells.find((c) => c.code === 'CULTURAL_EXEMPTION')!;
    const links = cell.provisions.map((p) => p.link);
    expect(links.filter((l) => l === '/provisions/usmca/art-32.6')).toHaveLength(1);
    expect(cell.accepted).toBe(links.length);
  });
});

import { startTestApp, TestApp } from '../support/test-app';

interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('catalogue queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the fixtures: at least 30 agreements, every party, the whole taxonomy', async () => {
    const res = await t.gql<{
      agreements: { totalCount: number };
      parties: { totalCount: number };
      taxonomy: { code: string }[];
    }>('{ agreements(first: 100) { totalCount } parties { totalCount } taxonomy { code } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.agreements.totalCount).toBeGreaterThanOrEqual(30);
    expect(res.data!.parties.totalCount).toBeGreaterThan(240);
    expect(res.data!.taxonomy.map((c) => c.code)).toEqual([
      'CONVENTION_REF_EXPLICIT',
      'CONVENTION_REF_IMPLICIT',
      'CULTURAL_EXEMPTION',
      'AUDIOVISUAL_EXCLUSION',
      'POLICY_SPACE_CULTURE',
      'HERITAGE_EXCEPTION',
      'CULTURAL_COOPERATION',
      'PREFERENTIAL_TREATMENT_CULTURE',
      'ECOMMERCE_PROVISION',
      'ECOMMERCE_CULTURAL_CARVE_OUT',
    ]);
  });

  it('every taxonomy code has accepted examples in the fixtures', async () => {
    const res = await t.gql<{ taxonomy: { code: string }[] }>('{ taxonomy { code } }');
    for (const { code } of res.data!.taxonomy) {
      const found = await t.gql<{ provisions: { totalCount: number } }>(
        `{ provisions(filter: { annotations: { codes: [${code}], statuses: [ACCEPTED] } }) { totalCount } }`,
      );
      expect({ code, count: found.data!.provisions.totalCount }).toEqual({ code, count: expect.any(Number) });
      expect(found.data!.provisions.totalCount).toBeGreaterThan(0);
    }
  });

  it("answers the README's party question for Canada", async () => {
    const res = await t.gql<{
      party: {
        name: string;
        developing: boolean;
        conventionStatus: { status: string; inForce: string };
        agreements: { totalCount: number };
      };
    }>(
      '{ party(code: "CAN") { name developing conventionStatus { status inForce } agreements(first: 50) { totalCount } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.party).toMatchObject({
      name: 'Canada',
      developing: false,
      conventionStatus: { status: 'PARTY', inForce: '2007-03-18' },
    });
    expect(res.data!.party.agreements.totalCount).toBeGreaterThanOrEqual(8);
  });

  it('says as of when a State was found not to be a Party, and keeps a finding from absence only UNKNOWN', async () => {
    type Status = { status: string; asOf: string | null; confidence: string | null; source: string };
    const res = await t.gql<Record<string, { conventionStatus: Status }>>(
      `{ ${['USA', 'RUS', 'NOR']
        .map((c) => `${c}: party(code: "${c}") { conventionStatus { status asOf confidence source } }`)
        .join(' ')} }`,
    );
    expect(res.errors).toBeUndefined();
    const { USA, RUS, NOR } = res.data!;
    expect(USA.conventionStatus).toMatchObject({
      status: 'NOT_PARTY',
      asOf: '2012-01-12',
      confidence: 'MEDIUM',
    });
    expect(RUS.conventionStatus).toMatchObject({ status: 'UNKNOWN', asOf: '2012-01-12', confidence: 'LOW' });
    expect(RUS.conventionStatus.source).toContain('absence of a deposit only');
    expect(NOR.conventionStatus).toMatchObject({ status: 'PARTY', asOf: null, confidence: 'HIGH' });
  });

  it('a member state matches the agreements of its bloc, and the United Kingdom only those signed before it left', async () => {
    const eu = await t.gql<{ agreements: Page<{ slug: string }> }>(
      '{ agreements(first: 100, filter: { parties: ["EUN"] }) { totalCount edges { node { slug } } } }',
    );
    const france = await t.gql<{ agreements: Page<{ slug: string }> }>(
      '{ agreements(first: 100, filter: { parties: ["FRA"] }) { totalCount } }',
    );
    expect(eu.data!.agreements.totalCount).toBeGreaterThan(3);
    expect(france.data!.agreements.totalCount).toBe(eu.data!.agreements.totalCount);
    const uk = await t.gql<{ agreements: Page<{ slug: string; dateSigned: string }> }>(
      '{ agreements(first: 100, filter: { parties: ["EUN", "GBR"], partiesMatch: ALL }) { edges { node { slug dateSigned } } } }',
    );
    for (const { node } of uk.data!.agreements.edges) expect(node.dateSigned <= '2020-01-31').toBe(true);
  });

  it('reads an empty list in a filter as no condition, in every filter alike', async () => {
    const count = async (query: string) => {
      const res = await t.gql<Record<string, { totalCount: number }>>(query);
      expect(res.errors).toBeUndefined();
      return Object.values(res.data!)[0].totalCount;
    };
    const parties = await count('{ parties { totalCount } }');
    expect(await count('{ parties(filter: { incomeGroups: [] }) { totalCount } }')).toBe(parties);
    expect(await count('{ parties(filter: { codes: [] }) { totalCount } }')).toBe(parties);
    const agreements = await count('{ agreements { totalCount } }');
    expect(await count('{ agreements(filter: { annotations: { codes: [] } }) { totalCount } }')).toBe(
      agreements,
    );
    expect(await count('{ agreements(filter: { parties: [], kinds: [], types: [] }) { totalCount } }')).toBe(
      agreements,
    );
    const provisions = await count('{ provisions { totalCount } }');
    expect(await count('{ provisions(filter: { annotations: { codes: [] } }) { totalCount } }')).toBe(
      provisions,
    );
    const annotations = await count('{ annotations { totalCount } }');
    expect(await count('{ annotations(filter: { codes: [], statuses: [] }) { totalCount } }')).toBe(
      annotations,
    );
  });

  it("binds a party from its own date of entry into force where it came later than the agreement's", async () => {
    const bound = async (party: string, slug: string, on: string) =>
      (
        await t.gql<{ agreements: Page<{ slug: string }> }>(
          `{ agreements(filter: { parties: ["${party}"], inForceOn: "${on}", slugs: ["${slug}"] }) { totalCount } }`,
        )
      ).data!.agreements.totalCount;
    // CPTPP: in force from 2018-12-30 for six signatories, for Chile only from 2023-02-21.
    expect(await bound('CAN', 'cptpp', '2020-01-01')).toBe(1);
    expect(await bound('CHL', 'cptpp', '2020-01-01')).toBe(0);
    expect(await bound('CHL', 'cptpp', '2023-03-01')).toBe(1);
    // AANZFTA: 2010 for the first group, Indonesia from 10 January 2012.
    expect(await bound('IDN', 'aanzfta', '2012-01-09')).toBe(0);
    expect(await bound('IDN', 'aanzfta', '2012-01-10')).toBe(1);
    expect(await bound('PHL', 'rcep', '2022-06-01')).toBe(0);
    // The EU-Central America agreement's trade part: applied with Honduras from August 2013, Guatemala from December.
    const applied = async (party: string, on: string) =>
      (
        await t.gql<{ agreements: Page<{ slug: string }> }>(
          `{ agreements(filter: { parties: ["${party}"], appliedOn: "${on}", slugs: ["eu-central-america-aa"] }) { totalCount } }`,
        )
      ).data!.agreements.totalCount;
    expect([await applied('HND', '2013-09-01'), await applied('GTM', '2013-09-01')]).toEqual([1, 0]);
    expect(await applied('GTM', '2014-01-01')).toBe(1);
  });

  it('binds a party that only signed on no date: Haiti and the EU-CARIFORUM EPA', async () => {
    const count = async (party: string) =>
      (
        await t.gql<{ agreements: Page<{ slug: string }> }>(
          `{ agreements(first: 10, filter: { parties: ["${party}"], appliedOn: "2020-01-01", slugs: ["eu-cariforum-epa"] }) { totalCount } }`,
        )
      ).data!.agreements.totalCount;
    expect(await count('JAM')).toBe(1);
    expect(await count('HTI')).toBe(0);
    const epa = await t.gql<{
      agreement: {
        parties: { party: { code: string }; signatoryOnly: boolean; dateSigned: string | null }[];
      };
    }>('{ agreement(slug: "eu-cariforum-epa") { parties { party { code } signatoryOnly dateSigned } } }');
    const byCode = new Map(epa.data!.agreement.parties.map((p) => [p.party.code, p]));
    expect(byCode.get('HTI')).toMatchObject({ signatoryOnly: true, dateSigned: '2009-12-11' });
    expect(byCode.get('JAM')).toMatchObject({ signatoryOnly: false });
  });

  it('filters: in force on a date, with an LDC party, with e-commerce provisions', async () => {
    const res = await t.gql<{
      agreements: Page<{ slug: string; dateInForce: string; parties: { party: { ldc: boolean } }[] }>;
    }>(`{
      agreements(first: 50, filter: { inForceOn: "2020-01-01", partyWith: { ldc: true }, annotations: { codes: [ECOMMERCE_PROVISION] } }) {
        totalCount edges { node { slug dateInForce parties { party { ldc } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.agreements.edges) {
      expect(node.dateInForce <= '2020-01-01').toBe(true);
      expect(node.parties.some((p) => p.party.ldc)).toBe(true);
    }
    expect(res.data!.agreements.totalCount).toBe(res.data!.agreements.edges.length);
  });

  it('partyWith, beside a date filter, asks for a party that is a partner on that date (as parties does)', async () => {
    // The United Kingdom acceded to the CPTPP on 2024-12-15, Somalia to the EAC on 2024-03-04 (fixtures).
    const slugs = async (filter: string) => {
      const res = await t.gql<{ agreements: Page<{ slug: string }> }>(
        `{ agreements(first: 100, filter: ${filter}) { edges { node { slug } } } }`,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.agreements.edges.map((e) => e.node.slug);
    };
    expect(await slugs('{ inForceOn: "2020-01-01", partyWith: { codes: ["GBR"] } }')).not.toContain('cptpp');
    expect(await slugs('{ inForceOn: "2025-01-01", partyWith: { codes: ["GBR"] } }')).toContain('cptpp');
    expect(await slugs('{ appliedOn: "2020-01-01", partyWith: { codes: ["SOM"] } }')).toEqual([]);
    expect(await slugs('{ partyWith: { codes: ["SOM"] } }')).toEqual(['eac-treaty']);
  });

  it('Party.agreements: inForceOn and filter.inForceOn at two dates is refused, not one of them dropped', async () => {
    // NAFTA bound Canada on 2010-01-01 and was terminated on 2020-07-01: it is not in force on 2021-01-01.
    const res = await t.gql<{ party: { agreements: Page<{ slug: string }> } | null }>(
      '{ party(code: "CAN") { agreements(inForceOn: "2010-01-01", filter: { inForceOn: "2021-01-01" }) { edges { node { slug } } } } }',
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'inForceOn' });
    const same = await t.gql<{ party: { agreements: Page<{ slug: string }> } }>(
      '{ party(code: "CAN") { agreements(inForceOn: "2021-01-01", filter: { inForceOn: "2021-01-01" }) { edges { node { slug } } } } }',
    );
    expect(same.errors).toBeUndefined();
    expect(same.data!.party.agreements.edges.map((e) => e.node.slug)).not.toContain('nafta');
  });

  it('reads language codes in any case, as the downloads do (ES is es)', async () => {
    const count = async (languages: string) =>
      (
        await t.gql<{ provisions: { totalCount: number } }>(
          `{ provisions(filter: { languages: ${languages} }) { totalCount } }`,
        )
      ).data!.provisions.totalCount;
    const lower = await count('["es"]');
    expect(lower).toBeGreaterThan(0); // chile-colombia-fta's chapter 12, among others
    expect(await count('["ES"]')).toBe(lower);
  });

  it('walks every page with keyset cursors, in order, without gaps or repeats', async () => {
    const all = await t.gql<{ agreements: Page<{ slug: string }> }>(
      '{ agreements(first: 100, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug } } } }',
    );
    const slugs: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { agreements: Page<{ slug: string }> } | null } = await t.gql(
        'query($after: String) { agreements(first: 7, after: $after, orderBy: { field: DATE_SIGNED, direction: DESC }) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      slugs.push(...page.data!.agreements.edges.map((e) => e.node.slug));
      after = page.data!.agreements.pageInfo.hasNextPage ? page.data!.agreements.pageInfo.endCursor : null;
    } while (after);
    expect(slugs).toEqual(all.data!.agreements.edges.map((e) => e.node.slug));
    expect(new Set(slugs).size).toBe(all.data!.agreements.totalCount);
  });

  it('finds a provision by pinpoint, with its agreement and annotations', async () => {
    const res = await t.gql<{
      provision: { pinpoint: string; agreement: { slug: string }; annotations: { code: { code: string } }[] };
    }>(
      '{ provision(pinpoint: "canada-honduras-fta/art-22.7") { pinpoint articleNumber agreement { slug } annotations { code { code } bindingForce status } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.provision.pinpoint).toBe('canada-honduras-fta/art-22.7');
    expect(res.data!.provision.annotations.map((a) => a.code.code).sort()).toEqual([
      'CULTURAL_EXEMPTION',
      'ECOMMERCE_CULTURAL_CARVE_OUT',
    ]);
  });

  it('lists provisions by code across agreements, earliest agreement first', async () => {
    const res = await t.gql<{
      provisions: Page<{ pinpoint: string; agreement: { dateSigned: string | null } }>;
    }>(`{
      provisions(first: 100, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } },
                 orderBy: { field: AGREEMENT_DATE_SIGNED }) { totalCount edges { node { pinpoint agreement { dateSigned } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const dates = res.data!.provisions.edges.map((e) => e.node.agreement.dateSigned ?? '9999');
    expect(dates).toEqual([...dates].sort());
    expect(res.data!.provisions.totalCount).toBeGreaterThanOrEqual(8);
  });

  describe('errors', () => {
    const codeOf = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code;

    it('rejects a page size over 100 naming the argument', async () => {
      const res = await t.gql('{ agreements(first: 1000) { totalCount } }');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.argument).toBe('first');
    });

    it('rejects a cursor that is not one', async () => {
      const res = await t.gql('{ agreements(after: "not-a-cursor") { totalCount } }');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.argument).toBe('after');
    });

    it('refuses a cursor of another order or another list, and a forged one, naming after', async () => {
      const bySlug = await t.gql<{ agreements: Page<{ slug: string }> }>(
        '{ agreements(first: 2, orderBy: { field: SLUG }) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }',
      );
      const cursor = bySlug.data!.agreements.pageInfo.endCursor!;
      const annotations = await t.gql<{ annotations: Page<unknown> }>(
        '{ annotations(first: 2) { pageInfo { hasNextPage endCursor } } }',
      );
      const annotationCursor = annotations.data!.annotations.pageInfo.endCursor!;
      // What a client that edits a cursor sends: the same array, with values the order's columns cannot hold.
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
      const forge = (i: number, value: unknown) =>
        Buffer.from(JSON.stringify(decoded.map((v, j) => (j === i ? value : v)))).toString('base64url');
      const last = decoded.length - 1;
      const agreementsPage = (orderBy: string) =>
        `query($after: String) { agreements(first: 2, after: $after, orderBy: ${orderBy}) { edges { node { slug } } } }`;
      const cases: [string, string, string][] = [
        ['the same cursor in its own list and order', agreementsPage('{ field: SLUG }'), cursor],
        ['another order', agreementsPage('{ field: DATE_SIGNED }'), cursor],
        ['the other direction', agreementsPage('{ field: SLUG, direction: DESC }'), cursor],
        [
          'another list',
          'query($after: String) { parties(first: 2, after: $after) { edges { node { code } } } }',
          annotationCursor,
        ],
        [
          'the other direction of another list',
          'query($after: String) { annotations(first: 2, after: $after, orderBy: { field: ID, direction: DESC }) { edges { node { id } } } }',
          annotationCursor,
        ],
        ['a text for the id', agreementsPage('{ field: SLUG }'), forge(last, 'x')],
        ['an id past what an integer holds', agreementsPage('{ field: SLUG }'), forge(last, 2 ** 40)],
        ['a fraction for the id', agreementsPage('{ field: SLUG }'), forge(last, 1.5)],
        ['a null slug', agreementsPage('{ field: SLUG }'), forge(last - 1, null)],
        ['a NUL in the slug', agreementsPage('{ field: SLUG }'), forge(last - 1, 'a\u0000')],
      ];
      const answers = [];
      for (const [what, query, after] of cases) {
        const res = await t.gql(query, { after });
        answers.push({ what, code: codeOf(res) ?? 'OK', argument: res.errors?.[0]?.extensions.argument });
      }
      expect(answers).toEqual(
        cases.map(([what], i) => ({
          what,
          code: i === 0 ? 'OK' : 'BAD_USER_INPUT',
          argument: i === 0 ? undefined : 'after',
        })),
      );
    });

    it('answers NOT_FOUND for an unknown slug, party or pinpoint', async () => {
      expect(codeOf(await t.gql('{ agreement(slug: "no-such-agreement") { id } }'))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql('{ party(code: "XXX") { name } }'))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql('{ provision(pinpoint: "ceta/art-999") { id } }'))).toBe('NOT_FOUND');
    });

    it('rejects unknown party codes, both or neither of slug and id, and reversed dates', async () => {
      const unknown = await t.gql('{ agreements(filter: { parties: ["ZZZ"] }) { totalCount } }');
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors![0].message).toContain('ZZZ');
      // A code as long as a body allows is named, not sent back whole.
      const huge = await t.gql(`{ agreements(filter: { parties: ["${'X'.repeat(5000)}"] }) { totalCount } }`);
      expect(huge.errors![0].message).toBe('filter.parties: unknown party code(s) XXXXXXXXXXXX…');
      expect(JSON.stringify(huge.errors).length).toBeLessThan(600);
      expect(codeOf(await t.gql('{ agreement { id } }'))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql('{ agreement(slug: "ceta", id: "1") { id } }'))).toBe('BAD_USER_INPUT');
      const dates = await t.gql(
        '{ agreements(filter: { signedFrom: "2020-01-01", signedTo: "2010-01-01" }) { totalCount } }',
      );
      expect(dates.errors![0].extensions.argument).toBe('filter.signedTo');
    });

    it('rejects an impossible date, and never leaks a stack trace', async () => {
      const res = await t.gql('{ agreements(filter: { signedFrom: "2013-13-45" }) { totalCount } }');
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors!) {
        expect(error.extensions.code).toBeDefined();
        expect(error.extensions.stacktrace).toBeUndefined();
      }
    });
  });

  describe('HTTP', () => {
    it('GET /health answers 200 with the database status', async () => {
      const res = await t.http().get('/health');
      expect(res.status).toBe(200);
      expect(res.body.info.database.status).toBe('up');
    });

    it('serves GraphiQL and its assets from node_modules, with no CDN', async () => {
      const page = await t.http().get('/graphql').set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('/graphiql/graphiql.js');
      expect(page.text).not.toMatch(/https?:\/\//);
      for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'start.js']) {
        const res = await t.http().get(`/graphiql/${asset}`);
        expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      }
    });

    it('gives each request an id', async () => {
      const res = await t.http().get('/health').set('X-Request-Id', 'abc-123');
      expect(res.headers['x-request-id']).toBe('abc-123');
    });
  });
});

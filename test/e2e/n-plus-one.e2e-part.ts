import { EntityManager } from '@mikro-orm/knex';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { countStatements, startTestApp, statementsDuring, TestApp } from '../support/test-app';

const NESTED_QUERY = `query($first: Int!) {
  agreements(first: $first, orderBy: { field: SLUG }, filter: { titleContains: "Synthetic" }) {
    totalCount
    edges { node {
      slug types externalIds { totaId } related { kind agreement { slug } }
      parties { role party { code name memberOf { party { code } } } }
      provisions(first: 5) {
        totalCount
        edges { node {
          pinpoint articleNumber agreement { slug }
          annotations { status bindingForce code { code name } provision { id } }
        } }
      }
    } }
  }
}`;

/** Sixty synthetic agreements alike in shape (parties, a bloc, three provisions, annotations), so that a larger page only has more of the same. */
async function seedAgreements(t: TestApp): Promise<void> {
  const writer = t.app.get(AgreementRecordWriter);
  const em = t.orm.em.fork() as EntityManager;
  await em.transactional(async (tx) => {
    for (let i = 0; i < 60; i++) {
      const record = parseAgreementRecord(
        {
          slug: `synthetic-${String(i).padStart(2, '0')}`,
          title: `Synthetic agreement ${i}`,
          kind: 'BILATERAL',
          types: ['FTA'],
          status: 'IN_FORCE',
          dateSigned: `20${String(10 + (i % 10))}-01-01`,
          parties: [{ code: 'FRA' }, { code: i % 2 ? 'KOR' : 'EUN' }],
          provisions: [1, 2, 3].map((n) => ({
            key: `art-${n}`,
            location: 'OPERATIVE',
            articleNumber: String(n),
            summary: `Provision ${n}`,
            annotations: [
              { code: n === 1 ? 'ECOMMERCE_PROVISION' : 'CULTURAL_COOPERATION', bindingForce: 'BINDING' },
            ],
          })),
        },
        'synthetic',
      );
      await writer.write(tx, record);
    }
  });
}

describe('nested queries are batched (no N+1)', () => {
  let t: TestApp;
  const savedCost = process.env.MAX_QUERY_COST;
  beforeAll(async () => {
    // The subject here is batching: 50 agreements with every nested list cost more than a client may ask for.
    process.env.MAX_QUERY_COST = '10000000';
    t = await startTestApp({ rateLimits: false });
    await seedAgreements(t);
  });
  afterAll(async () => {
    await t.close();
    if (savedCost === undefined) delete process.env.MAX_QUERY_COST;
    else process.env.MAX_QUERY_COST = savedCost;
  });

  it('runs the same number of statements for 5 and for 50 agreements with parties, provisions and annotations', async () => {
    const run = async (first: number) => {
      let result: Awaited<ReturnType<TestApp['gql']>> = {};
      const statements = await countStatements(t.orm, async () => {
        result = await t.gql(NESTED_QUERY, { first });
      });
      expect(result.errors).toBeUndefined();
      const edges = (result.data as { agreements: { edges: unknown[] } }).agreements.edges;
      expect(edges).toHaveLength(first);
      return statements;
    };
    const small = await run(5);
    const large = await run(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(15);
  });

  it('reads a page of agreements with their parties in two statements: the page with its count, the parties with their party', async () => {
    let result: Awaited<ReturnType<TestApp['gql']>> = {};
    const statements = await countStatements(t.orm, async () => {
      result = await t.gql(
        `{ agreements(first: 20) { totalCount edges { node { slug parties { role party { code name } } } } } }`,
      );
    });
    expect(result.errors).toBeUndefined();
    const edges = (result.data as { agreements: { edges: { node: { parties: unknown[] } }[] } }).agreements
      .edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.node.parties.length > 0)).toBe(true);
    expect(statements).toBe(2);
  });

  it('counts a list with its page: the same total on every page, past the last one and for no match', async () => {
    const total = async (query: string) => {
      let result: Awaited<ReturnType<TestApp['gql']>> = {};
      const statements = await countStatements(t.orm, async () => (result = await t.gql(query)));
      expect(result.errors).toBeUndefined();
      const list = Object.values(result.data as object)[0] as {
        totalCount: number;
        edges: unknown[];
        pageInfo: { endCursor: string | null };
      };
      return { ...list, statements };
    };
    const [agreements] = await t.orm.em
      .getConnection()
      .execute<{ n: number }[]>('select count(*) as n from agreement');
    const size = Math.ceil(Number(agreements.n) / 2);
    const first = await total(
      `{ agreements(first: ${size}) { totalCount edges { cursor } pageInfo { endCursor } } }`,
    );
    expect([first.totalCount, first.statements]).toEqual([Number(agreements.n), 1]);
    const second = await total(
      `{ agreements(first: ${size}, after: "${first.pageInfo.endCursor}") { totalCount edges { cursor } pageInfo { endCursor } } }`,
    );
    expect(second.totalCount).toBe(Number(agreements.n));
    expect(second.edges.length).toBe(Number(agreements.n) - size);
    // A page after the last item has no row to carry the count: it is read on its own.
    const past = await total(
      `{ agreements(first: ${size}, after: "${second.pageInfo.endCursor}") { totalCount edges { cursor } pageInfo { endCursor } } }`,
    );
    expect([past.totalCount, past.edges.length, past.statements]).toEqual([Number(agreements.n), 0, 2]);
    const none = await total(
      '{ provisions(first: 5, filter: { textContains: "no provision says this, zzqx" }) { totalCount edges { cursor } pageInfo { endCursor } } }',
    );
    expect([none.totalCount, none.edges.length, none.statements]).toEqual([0, 0, 1]);
    // Without totalCount, the page alone.
    expect(
      (await total('{ agreements(first: 5) { edges { cursor } pageInfo { endCursor } } }')).statements,
    ).toBe(1);
  });

  it("reads an agreement's provisions with their pinpoints and agreement in two statements: the agreements are not read again", async () => {
    let result: Awaited<ReturnType<TestApp['gql']>> = {};
    const statements = await countStatements(t.orm, async () => {
      result = await t.gql(
        `{ agreements(first: 5, orderBy: { field: SLUG }, filter: { titleContains: "Synthetic" }) { edges { node {
          slug provisions(first: 3) { edges { node { pinpoint agreement { slug title } } } } } } } }`,
      );
    });
    expect(result.errors).toBeUndefined();
    type Node = {
      slug: string;
      provisions: { edges: { node: { pinpoint: string; agreement: { slug: string; title: string } } }[] };
    };
    const nodes = (result.data as { agreements: { edges: { node: Node }[] } }).agreements.edges.map(
      (e) => e.node,
    );
    expect(nodes).toHaveLength(5);
    for (const node of nodes) {
      expect(node.provisions.edges.map((e) => e.node.pinpoint)).toEqual(
        ['art-1', 'art-2', 'art-3'].map((key) => `${node.slug}/${key}`),
      );
      for (const { node: provision } of node.provisions.edges)
        expect(provision.agreement).toEqual({ slug: node.slug, title: expect.stringMatching(/^Synthetic/) });
    }
    expect(statements).toBe(2);
  });

  it("answers every field of an agreement's parties as a read of the whole rows would, whatever the selection narrows", async () => {
    const partyFields = `id code name kind m49 region subRegion intermediateRegion ldc lldc sids incomeGroup developing
      territoryOf conventionStatus { status instrumentType dateDeposited inForce asOf confidence source }
      members { party { code } } memberOf { party { code } } agreements(first: 2) { totalCount }`;
    const rowFields =
      'role dateJoined dateWithdrawn dateSigned dateProvisionallyApplied dateInForce withdrawn';
    const page = (parties: string) =>
      `{ agreements(first: 3, orderBy: { field: SLUG }, filter: { titleContains: "Synthetic" }) { edges { node { ${parties} } } } }`;
    type Page = {
      agreements: {
        edges: { node: Record<string, ({ party: Record<string, unknown> } & Record<string, unknown>)[]> }[];
      };
    };
    const whole = await t.gql(page(`parties { ${rowFields} party { ${partyFields} } }`));
    expect(whole.errors).toBeUndefined();
    const wholeParties = (whole.data as Page).agreements.edges.flatMap((e) => e.node.parties);
    expect(wholeParties.length).toBeGreaterThan(0);
    for (const { party } of wholeParties) {
      const alone = await t.gql(`{ party(code: "${String(party.code)}") { ${partyFields} } }`);
      expect(alone.errors).toBeUndefined();
      expect(party).toEqual((alone.data as { party: unknown }).party);
    }
    // Narrower selections in one query (aliases, fragments) answer the same values as the whole read.
    const narrow = await t.gql(
      `${page(`byName: parties { party { name } } convention: parties { ...Row party { ... on Party { conventionStatus { source } } } }`)}
      fragment Row on AgreementParty { withdrawn }`,
    );
    expect(narrow.errors).toBeUndefined();
    const nodes = (narrow.data as Page).agreements.edges.map((e) => e.node);
    expect(nodes.flatMap((n) => n.byName.map((p) => p.party.name))).toEqual(
      wholeParties.map((p) => p.party.name),
    );
    expect(nodes.flatMap((n) => n.convention)).toEqual(
      wholeParties.map((p) => ({
        withdrawn: p.withdrawn,
        party: { conventionStatus: { source: (p.party.conventionStatus as { source: unknown }).source } },
      })),
    );
  });

  it("answers every field of a provision's annotations as a read of the whole rows would, whatever the selection narrows", async () => {
    const annotationFields = `id author bindingForce code { code } confidence contradictedBy { id } createdAt detail
      evidence { start end quote } history { id } note origin partyScope propagatedFrom { id } provision { id }
      reviewReason reviewedAt reviewedBy ruleId status updatedAt version`;
    const page = (annotations: string) => `{ provisions(first: 6) { edges { node { ${annotations} } } } }`;
    type Page = { provisions: { edges: { node: Record<string, Record<string, unknown>[]> }[] } };
    // Every other annotation with evidence, so that `evidence` reads its three columns.
    await t.orm.em
      .getConnection()
      .execute(
        `update annotation set evidence_start = 0, evidence_end = 4, evidence_quote = 'Text' where id % 2 = 0`,
      );
    const whole = await t.gql(page(`annotations { ${annotationFields} }`));
    expect(whole.errors).toBeUndefined();
    const wholeAnnotations = (whole.data as Page).provisions.edges.flatMap((e) => e.node.annotations);
    expect(wholeAnnotations.length).toBeGreaterThan(0);
    expect(wholeAnnotations.some((a) => a.evidence)).toBe(true);
    for (const annotation of wholeAnnotations) {
      const alone = await t.gql(`{ annotation(id: "${String(annotation.id)}") { ${annotationFields} } }`);
      expect(alone.errors).toBeUndefined();
      expect(annotation).toEqual((alone.data as { annotation: unknown }).annotation);
    }
    const narrow = await t.gql(
      page(
        `statuses: annotations { status } filtered: annotations(statuses: [PROPOSED, ACCEPTED]) { ... on Annotation { evidence { quote } } }`,
      ),
    );
    expect(narrow.errors).toBeUndefined();
    const nodes = (narrow.data as Page).provisions.edges.map((e) => e.node);
    expect(nodes.flatMap((n) => n.statuses)).toEqual(wholeAnnotations.map((a) => ({ status: a.status })));
    expect(nodes.flatMap((n) => n.filtered)).toEqual(
      wholeAnnotations
        .filter((a) => a.status === 'PROPOSED' || a.status === 'ACCEPTED')
        .map((a) => ({ evidence: a.evidence && { quote: (a.evidence as { quote: unknown }).quote } })),
    );
  });

  it('reads a page of provisions with their pinpoints in one statement with its count, of only the columns the query selects', async () => {
    let result: Awaited<ReturnType<TestApp['gql']>> = {};
    const statements = await statementsDuring(t.orm, async () => {
      result = await t.gql(
        `{ provisions(first: 20) { totalCount edges { node { pinpoint articleNumber summary } } } }`,
      );
    });
    expect(result.errors).toBeUndefined();
    type Node = { pinpoint: string; articleNumber: string | null; summary: string | null };
    const nodes = (result.data as { provisions: { edges: { node: Node }[] } }).provisions.edges.map(
      (e) => e.node,
    );
    expect(nodes).toHaveLength(20);
    // The page with its count: the pinpoints' slugs come with the page (its join), not from a read of agreements.
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/\.\*|`text`|"text"/);
    for (const node of nodes) {
      const alone = await t.gql(
        `{ provision(pinpoint: "${node.pinpoint}") { pinpoint articleNumber summary } }`,
      );
      expect((alone.data as { provision: Node }).provision).toEqual(node);
    }
  });

  it('reads a page of agreements of only the columns the query selects, their provisions included', async () => {
    const statements = await statementsDuring(t.orm, async () => {
      const result = await t.gql(
        `{ agreements(first: 5) { edges { node { slug title provisions(first: 2) { edges { node { pinpoint } } } } } } }`,
      );
      expect(result.errors).toBeUndefined();
    });
    expect(statements).toHaveLength(2);
    expect(statements[0]).not.toMatch(/\.\*|sources|record_parts/);
    expect(statements[1]).not.toMatch(/`pr`\.\*|"pr"\.\*|`text`|"text"/);
  });

  it("reads a page of provisions' annotations with their taxonomy code in the annotations' statement, or none when only the code is selected", async () => {
    const CODE_FIELDS =
      'id code group name description guidelineParagraphs conventionArticles detailValues borderlineRules';
    const page = (code: string) =>
      `{ provisions(first: 20) { totalCount edges { node { articleNumber annotations { status code { ${code} } } } } } }`;
    type Page = { provisions: { edges: { node: { annotations: { code: Record<string, unknown> }[] } }[] } };
    const codesOf = (result: Awaited<ReturnType<TestApp['gql']>>) =>
      (result.data as Page).provisions.edges.flatMap((e) => e.node.annotations.map((a) => a.code));
    let whole: Awaited<ReturnType<TestApp['gql']>> = {};
    const wholeStatements = await statementsDuring(t.orm, async () => {
      whole = await t.gql(page(CODE_FIELDS));
    });
    expect(whole.errors).toBeUndefined();
    // The page with its count, the annotations with their code.
    expect(wholeStatements).toHaveLength(2);
    const codes = codesOf(whole);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of new Set(codes.map((c) => String(c.code)))) {
      const alone = await t.gql(`{ taxonomyCode(code: ${code}) { ${CODE_FIELDS} } }`);
      expect(codes.find((c) => c.code === code)).toEqual(
        (alone.data as { taxonomyCode: unknown }).taxonomyCode,
      );
    }
    let narrow: Awaited<ReturnType<TestApp['gql']>> = {};
    const narrowStatements = await statementsDuring(t.orm, async () => {
      narrow = await t.gql(page('code'));
    });
    expect(narrow.errors).toBeUndefined();
    expect(narrowStatements).toHaveLength(2);
    expect(narrowStatements[1]).not.toMatch(/taxonomy_code/);
    expect(codesOf(narrow)).toEqual(codes.map((c) => ({ code: c.code })));
  });

  const PROVISION_FIELDS = `id key location chapterNumber chapterTitle sectionNumber sectionTitle articleNumber
    articleTitle position language text summary externalId version createdAt updatedAt pinpoint
    agreement { id slug title dateSigned } annotations { id status }`;
  const AGREEMENT_FIELDS = `id slug title shortTitle kind status dateSigned dateProvisionallyApplied dateInForce
    dateTerminated language composition regions sourceMeta sources { kind language url } origin archivedAt
    archiveReason version createdAt updatedAt externalIds { wtoRtaId totaId destaNumber } factSources { fact source }
    record { coverage parts provisions summary } types parties { party { code } } related { kind direction agreement { slug } }
    history(first: 2) { totalCount }`;

  it('answers every field of a provision in a page as a read of the whole row would, whatever the selection narrows', async () => {
    type Page = { provisions: { edges: { node: Record<string, unknown> }[] } };
    const whole = await t.gql(`{ provisions(first: 6) { edges { node { ${PROVISION_FIELDS} } } } }`);
    expect(whole.errors).toBeUndefined();
    const provisions = (whole.data as Page).provisions.edges.map((e) => e.node);
    expect(provisions).toHaveLength(6);
    for (const provision of provisions) {
      const alone = await t.gql(`{ provision(id: "${String(provision.id)}") { ${PROVISION_FIELDS} } }`);
      expect(alone.errors).toBeUndefined();
      expect(provision).toEqual((alone.data as { provision: unknown }).provision);
    }
    // Narrower selections in one query (aliases, fragments): the same values.
    const narrow = await t.gql(
      `{ provisions(first: 6) { edges { node { pinpoint n: articleNumber ...P } } } }
      fragment P on Provision { agreement { title } }`,
    );
    expect(narrow.errors).toBeUndefined();
    expect((narrow.data as Page).provisions.edges.map((e) => e.node)).toEqual(
      provisions.map((p) => ({
        pinpoint: p.pinpoint,
        n: p.articleNumber,
        agreement: { title: (p.agreement as { title: string }).title },
      })),
    );
  });

  it('answers every field of an agreement in a page, and of its provisions, as reads of the whole rows would', async () => {
    type Node = Record<string, unknown> & { provisions: { edges: { node: Record<string, unknown> }[] } };
    type Page = { agreements: { edges: { node: Node }[] } };
    const page = (fields: string) =>
      `{ agreements(first: 4, orderBy: { field: SLUG }) { edges { node { ${fields} } } } }`;
    const whole = await t.gql(
      page(`${AGREEMENT_FIELDS} provisions(first: 2) { edges { node { ${PROVISION_FIELDS} } } }`),
    );
    expect(whole.errors).toBeUndefined();
    const agreements = (whole.data as Page).agreements.edges.map((e) => e.node);
    expect(agreements).toHaveLength(4);
    for (const agreement of agreements) {
      const alone = await t.gql(`{ agreement(slug: "${String(agreement.slug)}") { ${AGREEMENT_FIELDS} } }`);
      expect(alone.errors).toBeUndefined();
      const { provisions, ...own } = agreement;
      expect(own).toEqual((alone.data as { agreement: unknown }).agreement);
      for (const { node } of provisions.edges) {
        const provision = await t.gql(`{ provision(id: "${String(node.id)}") { ${PROVISION_FIELDS} } }`);
        expect(node).toEqual((provision.data as { provision: unknown }).provision);
      }
    }
    // The provisions' agreement is their parent, read with what they select of it.
    const narrow = await t.gql(
      page(
        `slug provisions(first: 2) { edges { node { pinpoint agreement { dateSigned externalIds { totaId } } } } }`,
      ),
    );
    expect(narrow.errors).toBeUndefined();
    expect((narrow.data as Page).agreements.edges.map((e) => e.node)).toEqual(
      agreements.map((a) => ({
        slug: a.slug,
        provisions: {
          edges: a.provisions.edges.map(({ node }) => ({
            node: {
              pinpoint: node.pinpoint,
              agreement: {
                dateSigned: a.dateSigned,
                externalIds: { totaId: (a.externalIds as { totaId: unknown }).totaId },
              },
            },
          })),
        },
      })),
    );
  });

  it("answers every field of a party's agreements as reads of the whole rows would, reading only what is selected", async () => {
    type Party = { party: { agreements: { edges: { node: Record<string, unknown> }[] } } };
    const whole = await t.gql(
      `{ party(code: "FRA") { agreements(first: 4) { edges { node { ${AGREEMENT_FIELDS} } } } } }`,
    );
    expect(whole.errors).toBeUndefined();
    const agreements = (whole.data as Party).party.agreements.edges.map((e) => e.node);
    expect(agreements).toHaveLength(4);
    for (const agreement of agreements) {
      const alone = await t.gql(`{ agreement(slug: "${String(agreement.slug)}") { ${AGREEMENT_FIELDS} } }`);
      expect(agreement).toEqual((alone.data as { agreement: unknown }).agreement);
    }
    let narrow: Awaited<ReturnType<TestApp['gql']>> = {};
    const statements = await statementsDuring(t.orm, async () => {
      narrow = await t.gql(
        `{ party(code: "FRA") { agreements(first: 4) { edges { node { slug title } } } } }`,
      );
    });
    expect(narrow.errors).toBeUndefined();
    expect((narrow.data as Party).party.agreements.edges.map((e) => e.node)).toEqual(
      agreements.map((a) => ({ slug: a.slug, title: a.title })),
    );
    const page = statements.find((sql) => sql.includes('row_number'));
    expect(page).toBeDefined();
    expect(page).not.toMatch(/[`"]a[`"]\.\*|sources|record_parts/);
  });

  it('answers a read without forking the entity manager (the request context forks on first use only)', async () => {
    const fork = jest.spyOn(t.orm.em, 'fork');
    try {
      const result = await t.gql(NESTED_QUERY, { first: 5 });
      expect(result.errors).toBeUndefined();
      expect(fork).not.toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
  });
});

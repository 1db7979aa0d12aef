import { EntityManager } from '@mikro-orm/knex';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { countStatements, startTestApp, TestApp } from '../support/test-app';

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

  it('reads a page of agreements with their parties in three statements: the page, its count, the parties with their party', async () => {
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
    expect(statements).toBe(3);
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

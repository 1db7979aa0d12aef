import { Role } from '../../src/auth/role.enum';
import { fromGlobalId, toGlobalId } from '../../src/graphql/node/global-id';
import { startTestApp, TestApp } from '../support/test-app';

/** Global ids, node(id:) / nodes(ids:), and lookups that answer null with NOT_FOUND at their path. */
describe('global ids and nullable lookups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  it('gives every cached type an id unique across types, which node(id:) fetches again', async () => {
    const res = await t.gql<{
      agreement: { id: string; parties: { party: { id: string; code: string } }[] };
      provision: { id: string; annotations: { id: string; code: { id: string; code: string } }[] };
    }>(`{
      agreement(slug: "eu-korea-fta") { id parties { party { id code } } }
      provision(pinpoint: "eu-korea-fta/art-7.4") { id annotations { id code { id code } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { agreement, provision } = res.data!;
    const annotation = provision.annotations[0];
    const ids = [
      agreement.id,
      agreement.parties[0].party.id,
      provision.id,
      annotation.id,
      annotation.code.id,
    ];
    expect(ids.map((id) => fromGlobalId(id)?.type)).toEqual([
      'Agreement',
      'Party',
      'Provision',
      'Annotation',
      'TaxonomyCode',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const fetched = await t.gql<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Party { code } } }`,
      { ids },
    );
    expect(fetched.errors).toBeUndefined();
    expect(fetched.data!.nodes.map((n) => n?.id)).toEqual(ids);
    expect(fetched.data!.nodes.map((n) => n?.__typename)).toEqual([
      'Agreement',
      'Party',
      'Provision',
      'Annotation',
      'TaxonomyCode',
    ]);
    const one = await t.gql<{ node: { code: string } }>(
      `{ node(id: "${ids[1]}") { ... on Party { code } } }`,
    );
    expect(one.data!.node.code).toBe(agreement.parties[0].party.code);
  });

  it('answers null with NOT_FOUND at the path of an unknown id, keeping the rest', async () => {
    const unknown = toGlobalId('Agreement', 999_999);
    const res = await t.gql<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [toGlobalId('Party', 'CAN'), unknown, 'not-an-id'],
    });
    expect(res.data!.nodes).toEqual([{ id: toGlobalId('Party', 'CAN') }, null, null]);
    expect(res.errors!.map((e) => [e.path, e.extensions.code])).toEqual([
      [['nodes', 1], 'NOT_FOUND'],
      [['nodes', 2], 'NOT_FOUND'],
    ]);
    const lookups = await t.gql(`{
      a: agreement(slug: "eu-korea-fta") { slug }
      b: agreement(slug: "no-such") { slug }
      p: party(code: "ZZZ") { name }
      q: provision(pinpoint: "eu-korea-fta/no-such") { key }
      n: annotation(id: "${toGlobalId('Annotation', 999_999)}") { status }
    }`);
    expect(lookups.data).toEqual({ a: { slug: 'eu-korea-fta' }, b: null, p: null, q: null, n: null });
    expect(lookups.errors!.map((e) => [e.path?.[0], e.extensions.code]).sort()).toEqual([
      ['b', 'NOT_FOUND'],
      ['n', 'NOT_FOUND'],
      ['p', 'NOT_FOUND'],
      ['q', 'NOT_FOUND'],
    ]);
  });

  it('takes global ids in id arguments, still takes bare database ids, and refuses another type’s id', async () => {
    const res = await t.gql<{ agreement: { id: string } }>('{ agreement(slug: "eu-korea-fta") { id } }');
    const { id } = res.data!.agreement;
    const databaseId = fromGlobalId(id)!.key;
    for (const given of [id, databaseId]) {
      const again = await t.gql<{ agreement: { id: string } }>(`{ agreement(id: "${given}") { id } }`);
      expect(again.data!.agreement.id).toBe(id);
    }
    const wrong = await t.gql(`{ annotation(id: "${id}") { id } }`);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(wrong.errors![0].message).toContain('is the id of an object of type Agreement, not Annotation');
  });

  it('lets only reviewers fetch audit events by id', async () => {
    const reviewer = await t.createKey(Role.REVIEWER);
    const annotator = await t.createKey(Role.ANNOTATOR);
    const created = await t.gql(
      'mutation { createAnnotation(input: { pinpoint: "eu-korea-fta/art-7.4", code: CULTURAL_COOPERATION }) { id } }',
      {},
      { key: annotator },
    );
    expect(created.errors).toBeUndefined();
    const log = await t.gql<{ auditLog: { edges: { node: { id: string } }[] } }>(
      '{ auditLog(first: 1) { edges { node { id } } } }',
      {},
      { key: reviewer },
    );
    const [event] = log.data!.auditLog.edges;
    expect(fromGlobalId(event.node.id)?.type).toBe('AuditEvent');
    const asReviewer = await t.gql(`{ node(id: "${event.node.id}") { id } }`, {}, { key: reviewer });
    expect(asReviewer.data).toEqual({ node: { id: event.node.id } });
    const anonymous = await t.gql(`{ node(id: "${event.node.id}") { id } }`);
    expect(anonymous.data).toEqual({ node: null });
    expect(anonymous.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, () => toGlobalId('Party', 'CAN'));
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
  });
});

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { defaultFieldResolver, GraphQLFieldResolver, GraphQLObjectType } from 'graphql';
import { startTestApp, statementsDuring, TestApp } from '../support/test-app';

const PAGE = `{ agreements(first: 20) { totalCount edges { cursor node { slug title dateSigned
  parties { party { code name } } } } } }`;

/**
 * Starts the application with one field's resolver watched: what each of its calls answered, a promise or a value
 * (`answers`, emptied before each test).
 */
function watchingAnswers(typeName: string, fieldName: string) {
  const watched = { t: undefined as unknown as TestApp, answers: [] as ('promise' | 'value')[] };
  let original: GraphQLFieldResolver<unknown, unknown> | undefined;
  let field: { resolve?: GraphQLFieldResolver<unknown, unknown> };
  beforeAll(async () => {
    watched.t = await startTestApp();
    const type = watched.t.app.get(GraphQLSchemaHost).schema.getType(typeName) as GraphQLObjectType;
    field = type.getFields()[fieldName];
    original = field.resolve;
    const resolve = original ?? defaultFieldResolver;
    field.resolve = (...args) => {
      const answer = resolve(...args) as unknown;
      watched.answers.push(
        typeof (answer as { then?: unknown } | null)?.then === 'function' ? 'promise' : 'value',
      );
      return answer;
    };
  });
  afterAll(async () => {
    field.resolve = original;
    await watched.t.close();
  });
  beforeEach(() => (watched.answers = []));
  return watched;
}

/**
 * A page of agreements reads its agreements' parties ahead (`preloadParties`): the same statement, run by the page's
 * resolver, so that each agreement's `parties` answers a value, not a promise (which cost the agreement graphql-js's
 * `Promise.all` over all its fields, and every promise the hooks of the AsyncLocalStorages).
 */
describe('a page of agreements reads its parties ahead', () => {
  const watched = watchingAnswers('Agreement', 'parties');

  it('answers every agreement of a page its parties without a promise, in the same statements', async () => {
    let body: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const statements = await statementsDuring(watched.t.orm, async () => (body = await watched.t.gql(PAGE)));
    expect(body!.errors).toBeUndefined();
    const edges = (body!.data as { agreements: { edges: { node: { parties: unknown[] } }[] } }).agreements
      .edges;
    expect(edges.length).toBeGreaterThan(1);
    expect(edges.every((edge) => edge.node.parties.length > 0)).toBe(true);
    expect(watched.answers).toEqual(edges.map(() => 'value'));
    // The page (with its count) and the parties, as before.
    expect(statements).toHaveLength(2);
  });

  it('answers the same as each agreement loading its own parties (a selection under @include)', async () => {
    const ahead = await watched.t.gql(PAGE);
    const alone = await watched.t.gql(PAGE.replace('parties {', 'parties @include(if: true) {'));
    expect(alone.errors).toBeUndefined();
    expect(watched.answers.filter((a) => a === 'promise').length).toBe(watched.answers.length / 2);
    expect(alone.data).toEqual(ahead.data);
  });

  it('reads each aliased selection of the parties with its own columns', async () => {
    const res = await watched.t.gql(`{ agreements(first: 5) { edges { node { slug
      codes: parties { party { code } } names: parties { role party { name } } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = (
      res.data as {
        agreements: {
          edges: {
            node: { codes: { party: Record<string, string> }[]; names: { party: Record<string, string> }[] };
          }[];
        };
      }
    ).agreements.edges.map((e) => e.node);
    expect(watched.answers).toEqual(Array(nodes.length * 2).fill('value'));
    for (const node of nodes) {
      expect(node.codes.every((p) => Object.keys(p.party).join() === 'code')).toBe(true);
      expect(node.names.every((p) => Object.keys(p.party).join() === 'name')).toBe(true);
      expect(node.names).toHaveLength(node.codes.length);
    }
  });
});

const PROVISIONS = `{ provisions(first: 20) { totalCount edges { cursor node { pinpoint articleNumber
  articleTitle summary annotations { status confidence code { code name } } } } } }`;

/**
 * A page of provisions reads its provisions' annotations ahead (`preloadAnnotations`), and the annotations'
 * arguments, once accepted for a query text without variables, are not checked again by its next requests: each
 * provision's `annotations` then answers a value.
 */
describe('a page of provisions reads its annotations ahead', () => {
  const watched = watchingAnswers('Provision', 'annotations');

  type Page = { provisions: { edges: { node: { annotations: { status: string }[] } }[] } };

  it('answers every provision of a page its annotations without a promise, in the same statements', async () => {
    const first = await watched.t.gql(PROVISIONS);
    watched.answers = [];
    let body: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const statements = await statementsDuring(
      watched.t.orm,
      async () => (body = await watched.t.gql(PROVISIONS)),
    );
    expect(body!.errors).toBeUndefined();
    expect(body!.data).toEqual(first.data);
    const edges = (body!.data as Page).provisions.edges;
    expect(edges.some((edge) => edge.node.annotations.length > 0)).toBe(true);
    expect(watched.answers).toEqual(edges.map(() => 'value'));
    // The page (with its count and the agreements' slugs) and the annotations with their codes, as before.
    expect(statements).toHaveLength(2);
  });

  it('filters annotations read ahead as it filters those loaded one provision at a time', async () => {
    const filtered = PROVISIONS.replace('annotations {', 'annotations(statuses: [ACCEPTED]) {');
    await watched.t.gql(filtered);
    watched.answers = [];
    const ahead = await watched.t.gql(filtered);
    expect(watched.answers.every((a) => a === 'value')).toBe(true);
    const alone = await watched.t.gql(filtered.replace('[ACCEPTED]) {', '[ACCEPTED]) @include(if: true) {'));
    expect(alone.errors).toBeUndefined();
    expect(alone.data).toEqual(ahead.data);
    const statuses = (ahead.data as Page).provisions.edges.flatMap((e) =>
      e.node.annotations.map((a) => a.status),
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'ACCEPTED')).toBe(true);
  });

  it('still refuses arguments the validation pipe refuses, with every request', async () => {
    // More values than a list may hold (MAX_LIST_VALUES): refused by the pipe, not by graphql-js's validation.
    const codes = Array(1001).fill('ECOMMERCE_PROVISION').join(' ');
    const refused = `{ provisions(first: 2) { edges { node { annotations(codes: [${codes}]) { status } } } } }`;
    for (let i = 0; i < 2; i++) {
      const res = await watched.t.gql(refused);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('codes');
    }
  });
});

/**
 * A page whose total count was read in its own statement (`withCount`) answers `totalCount` as a number: a promise
 * cost graphql-js, for the connection, a `Promise.all` over its fields and a completion.
 */
describe("a page's total count read with the page", () => {
  const watched = watchingAnswers('AgreementConnection', 'totalCount');

  it('answers the count as a value, the same count as one read on its own', async () => {
    const page = await watched.t.gql(PAGE);
    expect(page.errors).toBeUndefined();
    expect(watched.answers).toEqual(['value']);
    const { agreements } = page.data as { agreements: { totalCount: number; edges: unknown[] } };
    expect(agreements.totalCount).toBeGreaterThanOrEqual(agreements.edges.length);
    // Past the last page the count has no row to come with: it is read on its own, a promise, the same number.
    const all = await watched.t.gql(`{ agreements(first: 100) { pageInfo { endCursor } } }`);
    const end = (all.data as { agreements: { pageInfo: { endCursor: string } } }).agreements.pageInfo
      .endCursor;
    watched.answers = [];
    const past = await watched.t.gql(
      `{ agreements(first: 5, after: "${end}") { totalCount edges { cursor } } }`,
    );
    expect(past.errors).toBeUndefined();
    expect(watched.answers).toEqual(['promise']);
    expect((past.data as { agreements: { totalCount: number } }).agreements.totalCount).toBe(
      agreements.totalCount,
    );
  });
});

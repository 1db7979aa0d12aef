import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLFieldResolver, GraphQLObjectType } from 'graphql';
import { startTestApp, statementsDuring, TestApp } from '../support/test-app';

const PAGE = `{ agreements(first: 20) { totalCount edges { cursor node { slug title dateSigned
  parties { party { code name } } } } } }`;

/**
 * A page of agreements reads its agreements' parties ahead (`preloadParties`): the same statement, run by the page's
 * resolver, so that each agreement's `parties` answers a value, not a promise (which cost the agreement graphql-js's
 * `Promise.all` over all its fields, and every promise the hooks of the AsyncLocalStorages).
 */
describe('a page of agreements reads its parties ahead', () => {
  let t: TestApp;
  /** What each call of `Agreement.parties` answered: a promise or a value. */
  let answers: ('promise' | 'value')[] = [];
  let original: GraphQLFieldResolver<unknown, unknown>;
  let field: { resolve?: GraphQLFieldResolver<unknown, unknown> };

  beforeAll(async () => {
    t = await startTestApp();
    const type = t.app.get(GraphQLSchemaHost).schema.getType('Agreement') as GraphQLObjectType;
    field = type.getFields().parties;
    original = field.resolve!;
    field.resolve = (...args) => {
      const answer = original(...args) as unknown;
      answers.push(typeof (answer as { then?: unknown } | null)?.then === 'function' ? 'promise' : 'value');
      return answer;
    };
  });
  afterAll(async () => {
    field.resolve = original;
    await t.close();
  });
  beforeEach(() => (answers = []));

  it('answers every agreement of a page its parties without a promise, in the same statements', async () => {
    let body: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const statements = await statementsDuring(t.orm, async () => (body = await t.gql(PAGE)));
    expect(body!.errors).toBeUndefined();
    const edges = (body!.data as { agreements: { edges: { node: { parties: unknown[] } }[] } }).agreements.edges;
    expect(edges.length).toBeGreaterThan(1);
    expect(edges.every((edge) => edge.node.parties.length > 0)).toBe(true);
    expect(answers).toEqual(edges.map(() => 'value'));
    // The page (with its count) and the parties, as before.
    expect(statements).toHaveLength(2);
  });

  it('answers the same as each agreement loading its own parties (a selection under @include)', async () => {
    const ahead = await t.gql(PAGE);
    const alone = await t.gql(PAGE.replace('parties {', 'parties @include(if: true) {'));
    expect(alone.errors).toBeUndefined();
    expect(answers.filter((a) => a === 'promise').length).toBe(answers.length / 2);
    expect(alone.data).toEqual(ahead.data);
  });

  it('reads each aliased selection of the parties with its own columns', async () => {
    const res = await t.gql(`{ agreements(first: 5) { edges { node { slug
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
    expect(answers).toEqual(Array(nodes.length * 2).fill('value'));
    for (const node of nodes) {
      expect(node.codes.every((p) => Object.keys(p.party).join() === 'code')).toBe(true);
      expect(node.names.every((p) => Object.keys(p.party).join() === 'name')).toBe(true);
      expect(node.names).toHaveLength(node.codes.length);
    }
  });
});

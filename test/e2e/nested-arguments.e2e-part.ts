import { AppValidationPipe } from '../../src/common/validation.pipe';
import { startTestApp, TestApp } from '../support/test-app';

// The arguments of nested fields (Agreement.provisions, Provision.annotations, Party.agreements,
// Agreement.history) are checked by the application's validation pipe once per field of an operation, not through
// Nest's parameter pipeline on every call (graphql/nested-field-resolvers.ts): same refusals, same answers.
describe('arguments of nested fields', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  it('refuses a bad argument as BAD_USER_INPUT naming it, at the first item of the list', async () => {
    const res = await t.gql(
      '{ agreements(first: 3) { edges { node { slug provisions(first: 1, filter: { textContains: "a\\u0000b" }) { totalCount } } } } }',
    );
    // The connection is not nullable: the first refusal nulls the answer up to its root.
    expect(res).toEqual({
      data: null,
      errors: [
        {
          message: 'filter.textContains: must not contain NUL characters',
          locations: [{ line: 1, column: 46 }],
          path: ['agreements', 'edges', 0, 'node', 'provisions'],
          extensions: {
            code: 'BAD_USER_INPUT',
            argument: 'filter',
            fields: [{ field: 'filter.textContains', message: 'must not contain NUL characters' }],
          },
        },
      ],
    });
  });

  it('names the whole arguments object as `input` for @Args() without a name, as before', async () => {
    const res = await t.gql(
      '{ agreements(first: 2) { edges { node { history(first: 1, after: "x\\u0000") { totalCount } } } } }',
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input' });
    expect(res.errors?.[0].message).toBe('input.after: must not contain NUL characters');
  });

  it('checks each field of an operation once, whatever the number of parents', async () => {
    const transform = jest.spyOn(AppValidationPipe.prototype, 'transform');
    try {
      const res = await t.gql(
        '{ agreements(first: 20) { edges { node { provisions(first: 3) { edges { node { annotations(statuses: [ACCEPTED]) { status } } } } } } } }',
      );
      expect(res.errors).toBeUndefined();
      // The root field's three arguments (page, filter, orderBy, through Nest's pipeline), its `@Info()` (what
      // the query selects) and `@Context()` (the request's loaders, to read the page's parties ahead), which the
      // pipe passes through untouched; provisions' three, once; annotations' two (codes, statuses), once: not once
      // per agreement and provision.
      expect(transform).toHaveBeenCalledTimes(3 + 2 + 3 + 2);
    } finally {
      transform.mockRestore();
    }
  });

  it('reads the arguments of each operation from its own variables', async () => {
    const query =
      'query($n: Int!) { agreements(first: 2) { edges { node { provisions(first: $n) { edges { node { key } } } } } } }';
    const count = (res: Awaited<ReturnType<TestApp['gql']>>) =>
      (res.data as { agreements: { edges: { node: { provisions: { edges: unknown[] } } }[] } }).agreements
        .edges[0].node.provisions.edges.length;
    expect(count(await t.gql(query, { n: 1 }))).toBe(1);
    expect(count(await t.gql(query, { n: 2 }))).toBe(2);
    const tooMany = await t.gql(query, { n: 1000 });
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

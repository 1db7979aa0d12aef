import * as Apollo4 from '@apollo/client';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import * as Apollo3 from 'apollo-client-3/core';
import { GraphQLClient } from 'graphql-request';
import type { AddressInfo } from 'node:net';
import { Role } from '../../src/auth/role.enum';
import { fromGlobalId } from '../../src/graphql/node/global-id';
import { startTestApp, TestApp } from '../support/test-app';
import { relayClient } from '../support/relay-client';

/**
 * Real GraphQL clients, with their defaults, against the running app: each runs a query, a paginated walk, an
 * error case (a validation error and an unknown slug) and a mutation with a key.
 */
const QUERY = '{ agreement(slug: "eu-korea-fta") { id slug parties { party { id code } } } }';
const PAGE = `query Page($after: String) {
  agreements(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id slug } } }
}`;
const NOT_FOUND = '{ agreement(slug: "no-such-agreement") { id slug } }';
const INVALID = '{ agreement(slug: "eu-korea-fta") { noSuchField } }';
const CREATE = `mutation Create($input: CreateAnnotationInput!) {
  createAnnotation(input: $input) { id status code { id code } }
}`;
const createInput = (client: string) => ({
  input: { pinpoint: 'eu-korea-fta/art-7.4', code: 'CULTURAL_COOPERATION', note: `from ${client}` },
});

interface Page {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; slug: string } }[];
  };
}

/** The client-independent checks: what each client returned for the same operations. */
interface Outcome {
  query: { agreement: { id: string; slug: string; parties: { party: { id: string } }[] } };
  walked: string[];
  totalCount: number;
  notFound: { data: unknown; message: string };
  invalidMessage: string;
  created: { createAnnotation: { id: string; status: string } };
}

async function walk(
  page: (after: string | null) => Promise<Page>,
): Promise<{ slugs: string[]; total: number }> {
  const slugs: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let i = 0; i < 100; i++) {
    const { agreements }: Page = await page(after);
    total = agreements.totalCount;
    slugs.push(...agreements.edges.map((e) => e.node.slug));
    if (!agreements.pageInfo.hasNextPage) break;
    after = agreements.pageInfo.endCursor;
  }
  return { slugs, total };
}

describe('real GraphQL clients with their defaults', () => {
  let t: TestApp;
  let url: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    key = await t.createKey(Role.ANNOTATOR);
  });
  afterAll(() => t.close());

  function check(outcome: Outcome): void {
    expect(outcome.query.agreement.slug).toBe('eu-korea-fta');
    expect(fromGlobalId(outcome.query.agreement.id)?.type).toBe('Agreement');
    expect(fromGlobalId(outcome.query.agreement.parties[0].party.id)?.type).toBe('Party');
    expect(outcome.walked.length).toBe(outcome.totalCount);
    expect(new Set(outcome.walked).size).toBe(outcome.totalCount);
    expect(outcome.totalCount).toBeGreaterThan(7);
    expect(outcome.notFound.data).toEqual({ agreement: null });
    expect(outcome.notFound.message).toMatch(/no-such-agreement.*not found/);
    expect(outcome.invalidMessage).toMatch(/noSuchField/);
    expect(outcome.created.createAnnotation.status).toBe('PROPOSED');
    expect(fromGlobalId(outcome.created.createAnnotation.id)?.type).toBe('Annotation');
  }

  it('Apollo Client 4', async () => {
    const { ApolloClient, InMemoryCache, HttpLink, gql, CombinedGraphQLErrors } = Apollo4;
    const client = (headers: Record<string, string> = {}) =>
      new ApolloClient({ link: new HttpLink({ uri: url, headers }), cache: new InMemoryCache() });
    const reader = client();
    const query = (await reader.query({ query: gql(QUERY) })).data as Outcome['query'];
    const { slugs, total } = await walk(
      async (after) =>
        (await reader.query({ query: gql(PAGE), variables: { after }, fetchPolicy: 'network-only' }))
          .data as Page,
    );
    const notFound = await reader.query({ query: gql(NOT_FOUND), errorPolicy: 'all' });
    const invalid = await reader.query({ query: gql(INVALID) }).then(
      () => '',
      (e: unknown) => (CombinedGraphQLErrors.is(e) ? e.errors[0].message : String(e)),
    );
    const created = await client({ authorization: `Bearer ${key}` }).mutate({
      mutation: gql(CREATE),
      variables: createInput('Apollo Client 4'),
    });
    check({
      query,
      walked: slugs,
      totalCount: total,
      notFound: { data: notFound.data, message: notFound.error?.message ?? '' },
      invalidMessage: invalid,
      created: created.data as Outcome['created'],
    });
  });

  it('Apollo Client 3', async () => {
    const { ApolloClient, InMemoryCache, HttpLink, gql } = Apollo3;
    const client = (headers: Record<string, string> = {}) =>
      new ApolloClient({ link: new HttpLink({ uri: url, headers }), cache: new InMemoryCache() });
    const reader = client();
    const query = (await reader.query({ query: gql(QUERY) })).data as Outcome['query'];
    const { slugs, total } = await walk(
      async (after) =>
        (await reader.query({ query: gql(PAGE), variables: { after }, fetchPolicy: 'network-only' }))
          .data as Page,
    );
    const notFound = await reader.query({ query: gql(NOT_FOUND), errorPolicy: 'all' });
    // Apollo Client 3 reads only 2xx bodies: a 400 would show as "Received status code 400" with no message.
    const invalid = await reader.query({ query: gql(INVALID) }).then(
      () => '',
      (e: Error) => e.message,
    );
    const created = await client({ authorization: `Bearer ${key}` }).mutate({
      mutation: gql(CREATE),
      variables: createInput('Apollo Client 3'),
    });
    check({
      query,
      walked: slugs,
      totalCount: total,
      notFound: { data: notFound.data, message: notFound.errors?.[0].message ?? '' },
      invalidMessage: invalid,
      created: created.data as Outcome['created'],
    });
  });

  it('urql (short queries over GET, its default)', async () => {
    const client = (headers: Record<string, string> = {}) =>
      new UrqlClient({ url, exchanges: [fetchExchange], fetchOptions: { headers } });
    const reader = client();
    const sent: string[] = [];
    const spying = new UrqlClient({
      url,
      exchanges: [fetchExchange],
      fetch: (input, init) => {
        sent.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const query = (await spying.query(QUERY, {}).toPromise()).data as Outcome['query'];
    expect(sent).toEqual(['GET']);
    const { slugs, total } = await walk(
      async (after) =>
        (await reader.query(PAGE, { after }, { requestPolicy: 'network-only' }).toPromise()).data as Page,
    );
    const notFound = await reader.query(NOT_FOUND, {}).toPromise();
    const invalid = await reader.query(INVALID, {}).toPromise();
    const created = await client({ authorization: `Bearer ${key}` })
      .mutation(CREATE, createInput('urql'))
      .toPromise();
    check({
      query,
      walked: slugs,
      totalCount: total,
      notFound: { data: notFound.data, message: notFound.error?.graphQLErrors[0]?.message ?? '' },
      invalidMessage: invalid.error?.graphQLErrors[0]?.message ?? '',
      created: created.data as Outcome['created'],
    });
  });

  it('graphql-request (queries over GET)', async () => {
    const reader = new GraphQLClient(url, { method: 'GET' });
    const query = await reader.request<Outcome['query']>(QUERY);
    const { slugs, total } = await walk((after) => reader.request<Page>(PAGE, { after }));
    const notFound = await reader.rawRequest(NOT_FOUND).then(
      (r) => ({ data: r.data, message: r.errors?.[0].message ?? '' }),
      (e: { response: { data: unknown; errors: { message: string }[] } }) => ({
        data: e.response.data,
        message: e.response.errors[0].message,
      }),
    );
    const invalid = await reader.request(INVALID).then(
      () => '',
      (e: { response: { errors: { message: string }[] } }) => e.response.errors[0].message,
    );
    const writer = new GraphQLClient(url, { headers: { authorization: `Bearer ${key}` } });
    const created = await writer.request<Outcome['created']>(CREATE, createInput('graphql-request'));
    check({ query, walked: slugs, totalCount: total, notFound, invalidMessage: invalid, created });
  });

  it('relay-runtime', async () => {
    const reader = relayClient(url);
    const query = (await reader.query(QUERY)) as Outcome['query'];
    const { slugs, total } = await walk(async (after) => (await reader.query(PAGE, { after })) as Page);
    const notFound = await reader.query(NOT_FOUND).then(
      () => ({ data: undefined, message: '' }),
      (e: Error & { source?: { data: unknown } }) => ({ data: e.source?.data, message: e.message }),
    );
    const invalid = await reader.query(INVALID).then(
      () => '',
      (e: Error) => e.message,
    );
    const created = (await relayClient(url, { authorization: `Bearer ${key}` }).mutate(
      CREATE,
      createInput('relay-runtime'),
    )) as Outcome['created'];
    check({ query, walked: slugs, totalCount: total, notFound, invalidMessage: invalid, created });
  });
});

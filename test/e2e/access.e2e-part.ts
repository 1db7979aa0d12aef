import { ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_RULE } from '../../src/auth/access.decorators';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { Role } from '../../src/auth/role.enum';
import { mutationCases, newAgreement } from '../support/mutation-catalogue';
import { startTestApp, TestApp } from '../support/test-app';

describe('access control', () => {
  let t: TestApp;
  let admin: string;
  const keys = new Map<string, Role>();
  const roleOf = (key: string | null) => (key ? (keys.get(key) ?? null) : null);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createKey(Role.ADMIN, 'admin');
    keys.set(admin, Role.ADMIN);
  });
  afterAll(() => t.close());

  it('gives every mutation (and every resolver method, nested fields included) an access rule', () => {
    const reflector = t.app.get(Reflector);
    const missing: string[] = [];
    const mutations: string[] = [];
    let resolverMethods = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const instance = wrapper.instance as Record<string, unknown> | undefined;
        if (!instance || !wrapper.metatype || typeof wrapper.metatype !== 'function') continue;
        const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
        for (const method of Object.getOwnPropertyNames(prototype)) {
          const handler = Object.getOwnPropertyDescriptor(prototype, method)?.value as unknown;
          if (
            method === 'constructor' ||
            typeof handler !== 'function' ||
            !Reflect.hasMetadata('graphql:resolver_name', handler)
          )
            continue;
          resolverMethods++;
          if (Reflect.getMetadata('graphql:resolver_type', handler) === 'Mutation') mutations.push(method);
          if (
            !reflector.getAllAndOverride(ACCESS_RULE, [handler as () => void, wrapper.metatype as () => void])
          ) {
            missing.push(`${String(wrapper.name)}.${method}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(resolverMethods).toBeGreaterThan(20);
    const schemaMutations = Object.keys(
      t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields(),
    ).sort();
    expect([...new Set(mutations)].sort()).toEqual(schemaMutations);
    expect(schemaMutations.length).toBeGreaterThanOrEqual(11);
  });

  describe('the role matrix: every mutation for anonymous, each role and a revoked key', () => {
    const callers: (Role | 'anonymous' | 'revoked')[] = ['anonymous', 'revoked', ...Object.values(Role)];
    for (const mutation of mutationCases(() => null)) {
      it(mutation.name, async () => {
        const outcomes: Record<string, string> = {};
        const expected: Record<string, string> = {};
        for (const caller of callers) {
          let key: string | null = null;
          if (caller !== 'anonymous') {
            key = await t.createKey(caller === 'revoked' ? Role.ADMIN : caller);
            keys.set(key, caller === 'revoked' ? Role.ADMIN : caller);
          }
          const variables = await mutationCases(roleOf)
            .find((m) => m.name === mutation.name)!
            .prepare(t, admin, key);
          if (caller === 'revoked') {
            const id = (await t.app.get(ApiKeysService).list()).at(-1)!.id;
            await t.app.get(ApiKeysService).revoke(id);
          }
          const res = await t.gql(mutation.document, variables, key ? { key } : undefined);
          outcomes[caller] = res.errors?.[0]?.extensions.code ?? 'OK';
          expected[caller] =
            caller === 'anonymous' || caller === 'revoked'
              ? 'UNAUTHENTICATED'
              : caller === Role.ADMIN || mutation.roles.includes(caller)
                ? 'OK'
                : 'FORBIDDEN';
        }
        expect(outcomes).toEqual(expected);
      });
    }
  });

  it('protects nested reads: request ids in history for reviewers only; the audit log for reviewers', async () => {
    const { slug } = await newAgreement(t, admin);
    const reader = await t.createKey(Role.READER);
    const reviewer = await t.createKey(Role.REVIEWER);
    const nested = `{ agreement(slug: "${slug}") { history(first: 5) { edges { node { action actorName requestId } } } } }`;
    const asAnonymous = await t.gql<{
      agreement: { history: { edges: { node: { action: string; actorName: string } }[] } };
    }>(nested);
    expect(asAnonymous.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      path: ['agreement', 'history', 'edges', 0, 'node', 'requestId'],
    });
    expect(asAnonymous.data!.agreement.history.edges[0].node).toMatchObject({
      action: 'agreement.create',
      actorName: 'admin',
    });
    expect((await t.gql(nested, {}, { key: reader })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(nested, {}, { key: reviewer })).errors).toBeUndefined();
    expect((await t.gql('{ auditLog(first: 1) { totalCount } }')).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await t.gql('{ auditLog(first: 1) { totalCount } }', {}, { key: reader })).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    const log = await t.gql<{ auditLog: { totalCount: number } }>(
      '{ auditLog(first: 1, filter: { outcome: DENIED }) { totalCount } }',
      {},
      { key: reviewer },
    );
    expect(log.data!.auditLog.totalCount).toBeGreaterThan(0);
  });

  it('refuses a malformed or unknown key even for reads', async () => {
    const bad = await t
      .http()
      .post('/graphql')
      .set('Authorization', 'Bearer nope')
      .send({ query: '{ taxonomy { code } }' });
    expect(bad.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const malformed = await t
      .http()
      .post('/graphql')
      .set('Authorization', 'Basic abc')
      .send({ query: '{ taxonomy { code } }' });
    expect(malformed.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Two different keys in two Authorization headers: Node kept the first and dropped the second, so the request
    // ran as the first key's holder (an ADMIN here) whatever the client meant. Refused, naming the header.
    const reader = await t.createKey(Role.READER, 'two headers');
    // superagent sends a list as one header line per value (its types allow a list for Cookie only).
    const twoHeaders = (a: string, b: string) => [`Bearer ${a}`, `Bearer ${b}`] as unknown as string;
    const twice = await t
      .http()
      .post('/graphql')
      .set('Authorization', twoHeaders(admin, reader))
      .send({ query: '{ auditLog(first: 1) { totalCount } }' });
    expect({ data: twice.body.data?.auditLog ?? null, error: twice.body.errors?.[0] }).toMatchObject({
      data: null,
      error: {
        message: 'the Authorization header was sent 2 times with different keys; send one',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    });
    // The same key twice is one key.
    const same = await t
      .http()
      .post('/graphql')
      .set('Authorization', twoHeaders(admin, admin))
      .send({ query: '{ auditLog(first: 1) { totalCount } }' });
    expect(same.body.errors).toBeUndefined();
    // An operation of meta fields only, which no root field's guard sees, is refused too (it answered data, so a
    // client checking its key with `{ __typename }` was told a bad key was good), and the refusal is recorded.
    for (const query of [
      '{ __typename }',
      '{ __schema { queryType { name } } }',
      '{ ... on Query { __typename } }',
    ]) {
      const meta = await t.http().post('/graphql').set('Authorization', 'Bearer ct_bad').send({ query });
      expect({
        query,
        status: meta.status,
        code: meta.body.errors?.[0]?.extensions?.code,
        data: meta.body.data ?? null,
      }).toEqual({
        query,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: null,
      });
    }
    const denied = await t.gql<{ auditLog: { edges: { node: { action: string; outcome: string } }[] } }>(
      '{ auditLog(first: 50) { edges { node { action outcome } } } }',
      {},
      { key: admin },
    );
    expect(
      denied.data?.auditLog.edges.some(
        ({ node: e }) => e.outcome === 'DENIED' && /meta fields/.test(e.action),
      ),
    ).toBe(true);
    // Without a key, or with a good one, meta fields answer as before.
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect((await t.gql('{ __typename }', {}, { key: admin })).data).toEqual({ __typename: 'Query' });
  });

  it('lets anonymous clients read, unless PUBLIC_READ=false', async () => {
    expect((await t.gql('{ taxonomy { code } }')).errors).toBeUndefined();
    process.env.PUBLIC_READ = 'false';
    try {
      expect((await t.gql('{ taxonomy { code } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(
        (await t.gql('{ taxonomy { code } }', {}, { key: await t.createKey(Role.READER) })).errors,
      ).toBeUndefined();
    } finally {
      delete process.env.PUBLIC_READ;
    }
  });
});

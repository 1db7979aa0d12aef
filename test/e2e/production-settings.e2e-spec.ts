import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';

describe('in production: rate limits, no introspection, no field suggestions, no stack traces', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      RATE_LIMIT_PER_ADDRESS: '5',
      RATE_LIMIT_PER_KEY: '8',
    });
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    for (const key of ['NODE_ENV', 'RATE_LIMIT_PER_ADDRESS', 'RATE_LIMIT_PER_KEY']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('refuses introspection and does not suggest field names', async () => {
    const key = await t.createKey(Role.READER);
    const introspection = await t.gql('{ __schema { types { name } } }', {}, { key });
    expect(introspection.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql('{ agreemnts { totalCount } }', {}, { key });
    expect(typo.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
  });

  it('limits requests per address and per key, answering RATE_LIMITED with Retry-After', async () => {
    const statuses: string[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await t.http().post('/graphql').send({ query: '{ taxonomy { code } }' });
      statuses.push(res.body.errors?.[0]?.extensions?.code ?? 'OK');
      retryAfter ??= res.headers['retry-after'];
    }
    expect(statuses.filter((s) => s === 'OK').length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe('RATE_LIMITED');
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // A key has its own budget, separate from the address's.
    const key = await t.createKey(Role.READER);
    const keyed = await t.gql('{ taxonomy { code } }', {}, { key });
    expect(keyed.errors).toBeUndefined();
  });
});

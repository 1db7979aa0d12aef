import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';

describe('in production: rate limits, no introspection, no field suggestions, no stack traces', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      RATE_LIMIT_PER_ADDRESS: '5',
      RATE_LIMIT_PER_KEY: '23',
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
    // Apollo's own words tell the client to "pass introspection: true to ApolloServer"; the service's setting is named.
    expect(introspection.errors?.[0].message).toBe(
      'Introspection (__schema, __type) is off on this server in production; an operator allows it with GRAPHQL_INTROSPECTION=true',
    );
    const typo = await t.gql('{ agreemnts { totalCount } }', {}, { key });
    expect(typo.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).toBe('Cannot query field "agreemnts" on type "Query".');
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
  });

  it('suggests no enum value either, in a literal or in a variable', async () => {
    const key = await t.createKey(Role.READER);
    const literal = await t.gql('{ taxonomyCode(code: CULTURAL_EXEMPTON) { code } }', {}, { key });
    const variable = await t.gql(
      'query($c: TaxonomyCodeId!) { taxonomyCode(code: $c) { code } }',
      { c: 'CULTURAL_EXEMPTON' },
      { key },
    );
    for (const answer of [literal, variable]) {
      expect(answer.errors?.[0].message).toBeDefined();
      expect(answer.errors?.[0].message).not.toMatch(/Did you mean|CULTURAL_EXEMPTION/);
    }
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

  it('keeps one bucket per client across every operation and route; searches and reports take more points', async () => {
    const key = await t.createKey(Role.READER);
    const ask = (query: string) => t.gql(query, {}, { key });
    // 23 points a minute for this key: a search takes 20, a plain read 1.
    expect(
      (await ask('{ searchProvisions(query: "culture", first: 1) { totalCount } }')).errors,
    ).toBeUndefined();
    expect((await ask('{ taxonomy { code } }')).errors).toBeUndefined();
    expect((await ask('{ parties(first: 1) { totalCount } }')).errors).toBeUndefined();
    // 22 taken: a plain read (1) still passes, a second search (20) is refused, then every field and route is refused.
    expect((await ask('{ agreements(first: 1) { totalCount } }')).errors).toBeUndefined();
    const search = await ask('{ searchProvisions(query: "culture", first: 1) { totalCount } }');
    expect(search.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    for (const other of [
      '{ taxonomy { code } }',
      '{ party(code: "CAN") { name } }',
      '{ agreements(first: 1) { totalCount } }',
    ])
      expect((await ask(other)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    const route = await t.http().get('/reports/trends.csv').set('Authorization', `Bearer ${key}`);
    expect(route.status).toBe(429);
    expect(Number(route.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a download answers its refusal as JSON whatever the client accepts: the explorer’s CSV as the exports do', async () => {
    const key = await t.createKey(Role.READER);
    const browser = (path: string) =>
      t.http().get(path).set('Authorization', `Bearer ${key}`).set('Accept', 'text/html,*/*;q=0.8');
    // 23 points for this key: the search CSV takes 20, so the second is refused by its route, with points left.
    expect((await browser('/search.csv?q=culture')).status).toBe(200);
    const refusals = async () => {
      for (const path of ['/search.csv?q=culture', '/exports/annotations.csv']) {
        const refused = await browser(path);
        expect({ path, status: refused.status, type: refused.headers['content-type'] }).toEqual({
          path,
          status: 429,
          type: 'application/json; charset=utf-8',
        });
        expect(refused.body).toEqual({
          statusCode: 429,
          code: 'RATE_LIMITED',
          message: expect.stringContaining('Too many requests'),
        });
      }
    };
    await refusals();
    // Once the bucket is empty, the refusal made on arrival keeps the same rule.
    for (let i = 0; i < 30; i += 1) await t.http().get('/agreements').set('Authorization', `Bearer ${key}`);
    await refusals();
  });

  it('an explorer page takes its points once, however many operations it runs', async () => {
    const key = await t.createKey(Role.READER);
    const page = (path: string) => t.http().get(path).set('Authorization', `Bearer ${key}`);
    // 23 points for this key: the home page runs 6 operations and takes 1; a search page takes 20.
    for (let i = 0; i < 3; i += 1) expect((await page('/')).status).toBe(200);
    const search = await page('/search?q=culture');
    expect(search.status).toBe(200);
    expect(search.text).not.toContain('RATE_LIMITED');
    const refused = await page('/');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a refused page answers a page in its language saying when to retry; the API keeps its JSON answers', async () => {
    const key = await t.createKey(Role.READER);
    const auth = { Authorization: `Bearer ${key}` };
    // 23 points for this key: a party page takes 10, so the third is refused.
    const seconds = (text: string) => Number(/(\d+)/.exec(text.split('error-message')[1] ?? '')?.[1]);
    for (let i = 0; i < 2; i += 1) expect((await t.http().get('/parties/CAN').set(auth)).status).toBe(200);
    const english = await t.http().get('/parties/CAN').set(auth);
    expect(english.status).toBe(429);
    expect(english.headers['content-type']).toBe('text/html; charset=utf-8');
    const retryAfter = Number(english.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('<h1>Too many requests</h1>');
    expect(english.text).toMatch(
      /Please wait \d+ seconds \(until \d\d:\d\d:\d\d UTC\), then reload the page/,
    );
    expect(seconds(english.text)).toBe(retryAfter);
    const french = await t.http().get('/parties/CAN').set(auth).set('Accept-Language', 'fr');
    expect(french.status).toBe(429);
    expect(french.text).toContain('<h1>Trop de requêtes</h1>');
    expect(french.text).toContain('Veuillez attendre');
    const spanish = await t.http().get('/parties/CAN?lang=es').set(auth);
    expect(spanish.text).toContain('<h1>Demasiadas solicitudes</h1>');
    expect(spanish.text).toContain('Espere');
    // Spend the rest of the bucket, then the API's answers stay JSON and GraphQL.
    const statuses: number[] = [];
    for (let i = 0; i < 30 && statuses.at(-1) !== 429; i += 1)
      statuses.push((await t.http().get('/agreements').set(auth)).status);
    expect(statuses.at(-1)).toBe(429);
    const file = await t.http().get('/reports/trends.csv').set(auth);
    expect(file.status).toBe(429);
    expect(file.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Too many requests'),
    });
    const gql = await t.gql('{ taxonomy { code } }', {}, { key });
    expect(gql.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    // A client asking a page for JSON (the provision page serves it) gets JSON.
    const json = await t.http().get('/provisions/ceta/art-7.7').set(auth).set('Accept', 'application/json');
    expect(json.status).toBe(429);
    expect(json.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Too many requests'),
    });
    // With the bucket empty, a page is still refused with a page.
    const empty = await t.http().get('/agreements').set(auth).set('Accept', 'text/html');
    expect({ status: empty.status, type: empty.headers['content-type'] }).toEqual({
      status: 429,
      type: 'text/html; charset=utf-8',
    });
    expect(empty.text).toContain('<h1>Too many requests</h1>');
  });
});

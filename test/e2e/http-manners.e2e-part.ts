import { request as httpRequest, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { Role } from '../../src/auth/role.enum';
import { HEAVY_TURN, RATE_COSTS, REPORT_PAGE_COST } from '../../src/auth/rate-limit/rate-cost.constants';
import { REFUSAL_POINTS } from '../../src/auth/rate-limit.guard';
import { WebController } from '../../src/web/web.controller';
import { startTestApp, TestApp } from '../support/test-app';

function rawPost(
  port: number,
  query: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        path: '/graphql',
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

const ENV = {
  TRUST_PROXY: 'true',
  CORS_ORIGINS: 'https://app.example',
  RATE_LIMIT_PER_ADDRESS: '12',
  PUBLIC_URL: undefined,
  PUBLIC_READ: undefined,
};

/**
 * HTTP as clients and browsers meet it: security headers that fit the scheme, GET queries, status codes,
 * CORS, rate-limit headers, compression. Each test sends its own X-Forwarded-For (TRUST_PROXY) so that it has
 * a rate-limit bucket of its own.
 */
describe('HTTP manners', () => {
  let t: TestApp;
  const saved: Record<string, string | undefined> = {};
  let address = 0;
  const from = () => `203.0.113.${++address}`;

  beforeAll(async () => {
    for (const [name, value] of Object.entries(ENV)) {
      saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  describe('security headers fit the scheme', () => {
    it('over plain HTTP: no HSTS, no upgrade of the page’s requests', async () => {
      const res = await t.http().get('/').set('Host', 'clausetracker.test').set('X-Forwarded-For', from());
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    });

    it('behind a trusted proxy that says https: HSTS and upgrade-insecure-requests', async () => {
      const res = await t.http().get('/').set('X-Forwarded-Proto', 'https').set('X-Forwarded-For', from());
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    });

    it('with an https PUBLIC_URL: HSTS on every answer', async () => {
      process.env.PUBLIC_URL = 'https://clauses.example.org';
      try {
        const res = await t.http().get('/graphql?query={taxonomy{code}}').set('X-Forwarded-For', from());
        expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      } finally {
        delete process.env.PUBLIC_URL;
      }
    });
  });

  describe('queries over GET, CSRF still prevented', () => {
    it('answers a GET query with no content type (urql, graphql-request)', async () => {
      const res = await t
        .http()
        .get('/graphql')
        .query({ query: '{ taxonomy { code } }' })
        .set('X-Forwarded-For', from());
      expect(res.status).toBe(200);
      expect(res.body.data.taxonomy.length).toBeGreaterThan(5);
      expect(res.headers.vary).toMatch(/Accept\b/);
    });

    it('an ETag on the answer to a GET query (a repeat with If-None-Match: 304), none on a POST', async () => {
      const query = '{ taxonomy { code } }';
      const get = await t.http().get('/graphql').query({ query }).set('X-Forwarded-For', from());
      expect(get.status).toBe(200);
      expect(get.headers.etag).toMatch(/^W\/"/);
      const again = await t
        .http()
        .get('/graphql')
        .query({ query })
        .set('If-None-Match', get.headers.etag as string)
        .set('X-Forwarded-For', from());
      expect(again.status).toBe(304);
      // Conditional requests are GET and HEAD only: a POST's ETag was a SHA-1 of every answer for no client.
      const post = await t.http().post('/graphql').set('X-Forwarded-For', from()).send({ query });
      expect(post.status).toBe(200);
      expect(post.body).toEqual(get.body);
      expect(post.headers.etag).toBeUndefined();
      expect(Number(post.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(post.body)) + 1);
    });

    it('refuses a parameter /graphql does not take, by name, over GET and POST alike (400 BAD_REQUEST)', async () => {
      const query = '{ taxonomy { code } }';
      // A misspelt operationName or variables was passed over, and the operation ran as if neither were sent.
      const get = await t
        .http()
        .get('/graphql')
        .query({ query, operationname: 'Q' })
        .set('X-Forwarded-For', from());
      expect(get.status).toBe(400);
      expect(get.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(get.body.errors[0].message).toMatch(
        /"operationname".*takes query, operationName, variables, extensions/,
      );
      const post = await t
        .http()
        .post('/graphql')
        .set('X-Forwarded-For', from())
        .send({ query, variabels: { slug: 'x' } });
      expect(post.status).toBe(400);
      expect(post.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(post.body.errors[0].message).toMatch(/"variabels"/);
      // What the spec names, null or given, and a shared link's tags, are taken.
      const known = await t
        .http()
        .get('/graphql')
        .query({ query, operationName: '', variables: '{}', extensions: '{}', utm_source: 'news' })
        .set('X-Forwarded-For', from());
      expect(known.status).toBe(200);
      const nulls = await t
        .http()
        .post('/graphql')
        .set('X-Forwarded-For', from())
        .send({ query, operationName: null, variables: null, extensions: null });
      expect(nulls.status).toBe(200);
    });

    it('refuses a mutation over GET (405) and a text/plain or form POST (400)', async () => {
      const get = await t
        .http()
        .get('/graphql')
        .query({ query: 'mutation { withdrawAnnotation(input: { id: "1", version: 1 }) { id } }' })
        .set('X-Forwarded-For', from());
      expect(get.status).toBe(405);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const post = await t
          .http()
          .post('/graphql')
          .set('Content-Type', type)
          .set('X-Forwarded-For', from())
          .send('{"query":"{ taxonomy { code } }"}');
        expect(post.status).toBe(400);
        expect(post.body.errors[0].message).toMatch(/application\/json/);
      }
    });

    it('with PUBLIC_READ=false, a GET query needs its key (or a preflight header)', async () => {
      const key = await t.createKey(Role.READER);
      process.env.PUBLIC_READ = 'false';
      try {
        const ask = () =>
          t.http().get('/graphql').query({ query: '{ taxonomy { code } }' }).set('X-Forwarded-For', from());
        const bare = await ask();
        expect(bare.status).toBe(400);
        expect(bare.body.errors[0].message).toMatch(/Authorization/);
        expect((await ask().set('Authorization', `Bearer ${key}`)).status).toBe(200);
        expect((await ask().set('apollo-require-preflight', 'true')).body.errors[0].extensions.code).toBe(
          'UNAUTHENTICATED',
        );
      } finally {
        delete process.env.PUBLIC_READ;
      }
    });
  });

  describe('status codes per media type', () => {
    const invalid = (accept?: string) => {
      const req = t.http().post('/graphql').set('X-Forwarded-For', from());
      if (accept) req.set('Accept', accept);
      return req.send({ query: '{ taxonomy { nope } }' });
    };

    it('application/json (Apollo Client 3, no Accept): 200 with the error message', async () => {
      for (const accept of [undefined, '*/*', 'application/json']) {
        const res = await invalid(accept);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body.errors[0].message).toMatch(/nope/);
        expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });

    it('application/graphql-response+json (Apollo Client 4): 400', async () => {
      const res = await invalid('application/graphql-response+json, application/json;q=0.9');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    });

    it('a literal a custom scalar refuses is BAD_USER_INPUT naming its argument, as the variable is', async () => {
      const admin = await t.createKey(Role.ADMIN);
      const ask = (query: string, variables?: Record<string, unknown>) =>
        t
          .http()
          .post('/graphql')
          .set('X-Forwarded-For', from())
          .set('Authorization', `Bearer ${admin}`)
          .set('Accept', 'application/graphql-response+json')
          .send({ query, variables });
      const cases: [string, string, RegExp][] = [
        [
          '{ agreements(filter: { signedFrom: "2020-13-45" }) { totalCount } }',
          'filter.signedFrom',
          /^filter\.signedFrom: .*not a valid LocalDate: 2020-13-45/,
        ],
        [
          '{ agreements(filter: { signedTo: "1700-01-01" }) { totalCount } }',
          'filter.signedTo',
          /^filter\.signedTo: LocalDate must be between 1800-01-01/,
        ],
        [
          '{ agreements(filter: { inForceOn: 2020 }) { totalCount } }',
          'filter.inForceOn',
          /^filter\.inForceOn: /,
        ],
        [
          '{ party(code: "CAN") { agreements(inForceOn: "soon") { totalCount } } }',
          'inForceOn',
          /^inForceOn: .*soon/,
        ],
        [
          'query($d: LocalDate = "2020-02-30") { agreements(filter: { signedFrom: $d }) { totalCount } }',
          '$d',
          /^\$d: .*2020-02-30/,
        ],
        [
          '{ auditLog(filter: { from: "yesterday" }) { totalCount } }',
          'filter.from',
          /^filter\.from: .*DateTime/,
        ],
        [
          'mutation { createAgreement(input: { slug: "x-y", title: "X", kind: BILATERAL, status: SIGNED, parties: [{ code: "CAN" }, { code: "HTI", dateSigned: "2020-00-01" }] }) { id } }',
          'input.parties.1.dateSigned',
          /^input\.parties\.1\.dateSigned: /,
        ],
      ];
      for (const [query, argument, message] of cases) {
        const res = await ask(query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
        expect(res.body.errors[0].message).toMatch(message);
      }
      const variable = await ask(
        'query($d: LocalDate) { agreements(filter: { signedFrom: $d }) { totalCount } }',
        { d: '2020-13-45' },
      );
      expect(variable.status).toBe(400);
      expect(variable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(variable.body.errors[0].message).toMatch(/^Variable "\$d" got invalid value "2020-13-45"/);
      const nested = await ask('mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }', {
        i: { slug: 'x-y', title: 'X', kind: 'BILATERAL', status: 'SIGNED', dateSigned: '2020-13-45' },
      });
      expect(nested.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(nested.body.errors[0].message).toMatch(/at "i\.dateSigned"/);
    });

    it('a body that is not JSON: 400 for both', async () => {
      const res = await t
        .http()
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .set('X-Forwarded-For', from())
        .send('{ nonsense');
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      expect(res.body.errors[0].message).toMatch(/JSON/);
    });

    it('a request with no query is not a GraphQL request: 400 for both', async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const res = await t
          .http()
          .post('/graphql')
          .set('Accept', accept)
          .set('X-Forwarded-For', from())
          .send({ variables: {} });
        expect([accept, res.status]).toEqual([accept, 400]);
        expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      }
    });
  });

  describe('CORS for browser apps', () => {
    it('accepts the headers the common clients send in a preflight', async () => {
      const res = await t
        .http()
        .options('/graphql')
        .set('Origin', 'https://app.example')
        .set('Access-Control-Request-Method', 'POST')
        .set(
          'Access-Control-Request-Headers',
          'content-type,authorization,apollo-require-preflight,apollographql-client-name,apollographql-client-version,x-request-id',
        );
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
      const allowed = res.headers['access-control-allow-headers'].toLowerCase();
      for (const header of ['apollo-require-preflight', 'apollographql-client-name', 'authorization'])
        expect(allowed).toContain(header);
    });

    it('exposes Content-Disposition, Retry-After, the rate-limit headers and X-Request-Id', async () => {
      const res = await t
        .http()
        .post('/graphql')
        .set('Origin', 'https://app.example')
        .set('X-Forwarded-For', from())
        .send({ query: '{ taxonomy { code } }' });
      const exposed = res.headers['access-control-expose-headers'];
      for (const header of ['Content-Disposition', 'Retry-After', 'X-RateLimit-Remaining', 'X-Request-Id'])
        expect(exposed).toContain(header);
    });

    it('answers OPTIONS without an Origin with the methods (not 404)', async () => {
      const res = await t.http().options('/reports/trends.csv');
      expect(res.status).toBe(204);
      expect(res.headers.allow).toBe('GET, POST, OPTIONS');
    });
  });

  describe('rate limits', () => {
    it("charges an address typed in another case what a refusal costs, not its page's price", async () => {
      // A party page costs 10 of this bucket's 12 points: its redirects cost one each (at 10 the second was refused).
      const client = from();
      for (const [typed, remaining] of [
        ['/parties/can', '11'],
        ['/parties/che', '10'],
        ['/parties/kor?lang=fr', '9'],
      ]) {
        const res = await t.http().get(typed).set('X-Forwarded-For', client);
        expect({ typed, status: res.status, remaining: res.headers['x-ratelimit-remaining'] }).toEqual({
          typed,
          status: 301,
          remaining,
        });
      }
    });

    it('rate-limit headers on every answer, 429 with Retry-After once the bucket is empty', async () => {
      const client = from();
      const ask = () =>
        t.http().post('/graphql').set('X-Forwarded-For', client).send({ query: '{ taxonomy { code } }' });
      const first = await ask();
      expect(first.headers['x-ratelimit-limit']).toBe('12');
      expect(first.headers['x-ratelimit-remaining']).toBe('11');
      expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      // Even an answer that takes no points (refused while validating, a health check) carries them.
      const invalid = await t
        .http()
        .post('/graphql')
        .set('X-Forwarded-For', client)
        .send({ query: '{ nope }' });
      expect(invalid.headers['x-ratelimit-remaining']).toBe('11');
      const health = await t.http().get('/health/live').set('X-Forwarded-For', client);
      expect(health.headers['x-ratelimit-remaining']).toBe('11');
      let last = first;
      for (let i = 0; i < 11; i++) last = await ask();
      expect(last.status).toBe(200);
      expect(last.headers['x-ratelimit-remaining']).toBe('0');
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      // Refused before the query is even parsed: asking again once refused costs next to nothing.
      const unparsed = await t
        .http()
        .post('/graphql')
        .set('X-Forwarded-For', client)
        .send({ query: '{ nope' });
      expect(unparsed.status).toBe(429);
      expect(unparsed.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect((await t.http().get('/health/live').set('X-Forwarded-For', client)).status).toBe(200);
      const report = await t.http().get('/reports/trends.csv').set('X-Forwarded-For', client);
      expect(report.status).toBe(429);
      expect(report.headers['retry-after']).toBeDefined();
    });
    it('counts a client by the address the proxy wrote, not by what the client put before it', async () => {
      // Behind a proxy that appends the address it saw, a client sending its own X-Forwarded-For got a new bucket
      // per request (Express took the first entry): no rate limit at all.
      const client = from();
      const ask = (i: number) =>
        t
          .http()
          .post('/graphql')
          .set('X-Forwarded-For', `198.18.${i % 250}.${i}, ${client}`)
          .send({ query: '{ taxonomy { code } }' });
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++) statuses.push((await ask(i)).status);
      expect(statuses.slice(0, 12).every((status) => status === 200)).toBe(true);
      expect(statuses[12]).toBe(429);
    });

    /** A browser posting the draft-check page's form, in a page language. */
    const postDraftForm = (client: string, lang: string) =>
      t
        .http()
        .post(`/draft-check?lang=${lang}`)
        .set('X-Forwarded-For', client)
        .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
        .type('form')
        .send({
          draft: 'Article 1. Nothing in this Agreement applies to cultural industries.',
          parties: 'CAN',
        });
    it('refuses an anonymous client with no points left before anything reads its request', async () => {
      const client = from();
      for (let i = 0; i < 12; i++)
        await t.http().post('/graphql').set('X-Forwarded-For', client).send({ query: '{ __typename }' });
      // A body that does not parse would answer 400 if the body parser ran; the refusal comes first.
      const refused = await t
        .http()
        .post('/graphql')
        .set('X-Forwarded-For', client)
        .set('Content-Type', 'application/json')
        .set('Accept', 'application/graphql-response+json')
        .send('{ "query": ');
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.headers['x-ratelimit-remaining']).toBe('0');
      expect(refused.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      // A browser app on an allowed origin can read the refusal.
      const cross = await t
        .http()
        .get('/reports/trends.json')
        .set('X-Forwarded-For', client)
        .set('Origin', 'https://app.example');
      expect(cross.status).toBe(429);
      expect(cross.headers['access-control-allow-origin']).toBe('https://app.example');
      // A browser asking for a page gets the page that says so, in its language.
      const page = await t
        .http()
        .get('/agreements')
        .set('X-Forwarded-For', client)
        .set('Accept', 'text/html')
        .set('Accept-Language', 'fr');
      expect(page.status).toBe(429);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      // And so does a browser sending a page's form (it got the API's English JSON): the draft check, in Spanish.
      const form = await postDraftForm(client, 'es');
      expect(form.status).toBe(429);
      expect(form.headers['content-type']).toMatch(/text\/html/);
      expect(form.headers['retry-after']).toMatch(/^\d+$/);
      expect(form.text).toContain('<html lang="es"');
      expect(form.text).toContain('Demasiadas solicitudes');
    });

    it('serves the stylesheet and script of the 429 page to a client with no points left, and charges nothing for them', async () => {
      const client = from();
      for (let i = 0; i < 12; i++)
        await t.http().post('/graphql').set('X-Forwarded-For', client).send({ query: '{ __typename }' });
      const page = await t
        .http()
        .get('/agreements')
        .set('X-Forwarded-For', client)
        .set('Accept', 'text/html');
      expect(page.status).toBe(429);
      const assets = [...page.text.matchAll(/(?:href|src)="([^"]*\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.map((a) => a.replace(/.*\./, '')).sort()).toEqual(['css', 'js']);
      // A browser asks them with its own Accept (not HTML): they were refused with the API's JSON, and the page
      // telling the reader to wait came unstyled.
      for (const [asset, accept, type] of [
        [assets.find((a) => a.endsWith('.css'))!, 'text/css,*/*;q=0.1', /text\/css/],
        [assets.find((a) => a.endsWith('.js'))!, '*/*', /javascript/],
      ] as const) {
        const res = await t.http().get(asset).set('X-Forwarded-For', client).set('Accept', accept);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(type);
      }
      // Static files take no points: an address with points left keeps them all.
      const fresh = from();
      const before = await t.http().get('/health/live').set('X-Forwarded-For', fresh);
      const css = await t.http().get(assets[0]).set('X-Forwarded-For', fresh);
      expect(css.status).toBe(200);
      expect(css.headers['x-ratelimit-remaining']).toBe(before.headers['x-ratelimit-remaining']);
    });

    it("answers a browser's draft-check form that its points cannot pay for with the page, in its language, and charges the form once", async () => {
      const send = (client: string) => postDraftForm(client, 'fr');
      // A draft check takes 20 points, more than this address has (12): refused by the JSON door's guard, which
      // answered the API's English JSON.
      const refused = await send(from());
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/text\/html/);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.text).toContain('<html lang="fr"');
      expect(refused.text).toContain('Trop de requêtes');
      // With points enough, the form is checked and takes its 20 points once (the JSON door and the page took 20 each).
      process.env.RATE_LIMIT_PER_ADDRESS = '100';
      try {
        const checked = await send(from());
        expect(checked.status).toBe(200);
        expect(checked.headers['content-type']).toMatch(/text\/html/);
        expect(checked.headers['x-ratelimit-remaining']).toBe('80');
      } finally {
        process.env.RATE_LIMIT_PER_ADDRESS = ENV.RATE_LIMIT_PER_ADDRESS;
      }
    });

    it("charges a party page's report files as pages when they are served from the report its page computed", async () => {
      // The default budget of an anonymous address (300 points a minute). The five files a party page links cost
      // 50 points each (250 of the 300): the second party page's files were refused (429).
      delete process.env.RATE_LIMIT_PER_ADDRESS;
      try {
        const person = from();
        const get = (path: string) =>
          t.http().get(path).set('Accept', 'text/html').set('X-Forwarded-For', person).buffer(true);
        const remaining = (res: { headers: Record<string, string> }) =>
          Number(res.headers['x-ratelimit-remaining']);
        let left = 300;
        for (const code of ['CAN', 'KOR', 'CHE']) {
          const page = await get(`/parties/${code}`);
          expect(page.status).toBe(200);
          left -= REPORT_PAGE_COST;
          expect(remaining(page)).toBe(left);
          const downloads = /<section class="downloads"[\s\S]*?<\/section>/.exec(page.text)![0];
          const files = [...downloads.matchAll(/href="([^"]+)"/g)].map(
            (m) => new URL(m[1], 'http://x').pathname,
          );
          expect(files.length).toBeGreaterThanOrEqual(5);
          for (const path of files) {
            const file = await get(path);
            left -= REPORT_PAGE_COST;
            expect({ path, status: file.status, remaining: remaining(file) }).toEqual({
              path,
              status: 200,
              remaining: left,
            });
          }
        }
        // A file whose report no page has computed (another date) is a fresh computation, and costs as one.
        const fresh = await get('/reports/coherence/CAN.json?asOf=2019-06-30');
        expect(fresh.status).toBe(200);
        expect(remaining(fresh)).toBe(left - RATE_COSTS.report);
      } finally {
        process.env.RATE_LIMIT_PER_ADDRESS = ENV.RATE_LIMIT_PER_ADDRESS;
      }
    });

    it('charges a report file or an export refused before its work what refusing costs, and one refused after it the work', async () => {
      // A refused request took the report's 50 points whatever its fault: a misspelt parameter, a language, a
      // repeated section, an unknown report, all answered before any computation.
      delete process.env.RATE_LIMIT_PER_ADDRESS;
      try {
        const person = from();
        const get = (path: string) => t.http().get(path).set('X-Forwarded-For', person);
        const remaining = (res: { headers: Record<string, string> }) =>
          Number(res.headers['x-ratelimit-remaining']);
        let left = 300;
        for (const path of [
          '/reports/coherence/CAN.csv?sectoin=scores',
          '/reports/coherence/CAN.csv?lang=de',
          '/reports/coherence/CAN.csv?section=scores&section=rules',
          '/reports/coherence/CAN.docx',
          '/reports/trend.json',
          '/reports/trends.json?groupBy=CENTURY',
          '/exports/agreement.csv',
          '/exports/agreements.csv?parties=XYZ',
        ]) {
          const refused = await get(path);
          left -= REFUSAL_POINTS;
          expect({
            path,
            refused: [400, 404].includes(refused.status),
            remaining: remaining(refused),
          }).toEqual({
            path,
            refused: true,
            remaining: left,
          });
        }
        // A section the report lacks is known once the report is at hand: a fresh one cost its computation.
        const fresh = await get('/reports/coherence/KOR.csv?asOf=2019-06-30&section=nope');
        expect(fresh.status).toBe(400);
        expect(fresh.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'section' });
        left -= RATE_COSTS.report;
        expect(remaining(fresh)).toBe(left);
        // A report kept from its party's page costs that page, its section refused or not.
        const page = await get('/parties/CHE').set('Accept', 'text/html');
        expect(page.status).toBe(200);
        left -= REPORT_PAGE_COST;
        const kept = await get('/reports/coherence/CHE.csv?section=nope');
        expect(kept.status).toBe(400);
        expect(kept.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'section' });
        left -= REPORT_PAGE_COST;
        expect(remaining(kept)).toBe(left);
        // A refused file gets no work for its refusal's price: every one above was answered before a report was.
        const ok = await get('/reports/coherence/CHE.csv?section=scores');
        expect(ok.status).toBe(200);
        expect(remaining(ok)).toBe(left - REPORT_PAGE_COST);
      } finally {
        process.env.RATE_LIMIT_PER_ADDRESS = ENV.RATE_LIMIT_PER_ADDRESS;
      }
    });

    it('lets a person click through twenty party and report pages in a minute, and refuses a client that asks for them without pause', async () => {
      // The default budget of an anonymous address (300 points a minute), not this suite's small one.
      delete process.env.RATE_LIMIT_PER_ADDRESS;
      try {
        const codes = (
          await t.gql<{ parties: { edges: { node: { code: string } }[] } }>(
            '{ parties(first: 40) { edges { node { code } } } }',
          )
        ).data!.parties.edges.map((e) => e.node.code);
        expect(codes.length).toBeGreaterThanOrEqual(40);
        const page = (path: string, client: string) =>
          t.http().get(path).set('Accept', 'text/html').set('X-Forwarded-For', client);
        const tour = [
          '/',
          '/parties',
          ...codes.slice(0, 12).map((code) => `/parties/${code}`),
          '/agreements/ceta',
          '/provisions/ceta/art-16.2',
          '/search?q=culture',
          '/trends',
          '/flows',
          '/compare?agreements=ceta,cptpp',
        ];
        expect(tour).toHaveLength(20);
        const person = from();
        const statuses: string[] = [];
        for (const path of tour) statuses.push(`${(await page(path, person)).status} ${path}`);
        expect(statuses).toEqual(tour.map((path) => `200 ${path}`));
        // One party page after another, as fast as the server answers: refused once 300 points are spent.
        const scraper = from();
        const answers: number[] = [];
        for (const code of codes) answers.push((await page(`/parties/${code}`, scraper)).status);
        expect(answers.indexOf(429)).toBe(300 / REPORT_PAGE_COST);
        expect(answers.slice(300 / REPORT_PAGE_COST).every((status) => status === 429)).toBe(true);
        // Priced for people, they are still costly work: each takes its turn (HeavyWorkGate), as a report does.
        for (const route of ['party', 'compare', 'trends', 'flows'] as const)
          expect({ route, heavy: Reflect.getMetadata(HEAVY_TURN, WebController.prototype[route]) }).toEqual({
            route,
            heavy: true,
          });
      } finally {
        process.env.RATE_LIMIT_PER_ADDRESS = ENV.RATE_LIMIT_PER_ADDRESS;
      }
    });

    it('charges a refusal one point: a client that keeps asking for more than it has ends up refused before its request is read', async () => {
      const client = from();
      // A search takes 20 points, more than this address ever has (12): each refusal takes 1.
      const search = () =>
        t
          .http()
          .post('/graphql')
          .set('X-Forwarded-For', client)
          .send({ query: '{ searchProvisions(query: "culture", first: 1) { totalCount } }' });
      const remaining: number[] = [];
      for (let i = 0; i < 12; i++) {
        const refused = await search();
        expect(refused.status).toBe(429);
        remaining.push(Number(refused.headers['x-ratelimit-remaining']));
      }
      expect(remaining).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      const unread = await t
        .http()
        .post('/graphql')
        .set('X-Forwarded-For', client)
        .set('Content-Type', 'application/json')
        .send('{ "query": ');
      expect(unread.status).toBe(429);
    });
  });

  describe('compression, favicon, report parameters', () => {
    const big = '{ parties(first: 100) { edges { node { code name region } } } }';

    it('gzip or brotli above 1 kB, as the client accepts; nothing below', async () => {
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      for (const [encoding, decode] of [
        ['gzip', gunzipSync],
        ['br', brotliDecompressSync],
      ] as const) {
        // Raw HTTP: supertest would decompress the body before the test sees it.
        const res = await rawPost(port, big, { 'Accept-Encoding': encoding, 'X-Forwarded-For': from() });
        expect(res.headers['content-encoding']).toBe(encoding);
        const body = JSON.parse(decode(res.body).toString('utf8'));
        expect(body.data.parties.edges).toHaveLength(100);
        expect(res.body.length).toBeLessThan(JSON.stringify(body).length / 3);
      }
      const small = await t
        .http()
        .post('/graphql')
        .set('Accept-Encoding', 'gzip, br')
        .set('X-Forwarded-For', from())
        .send({ query: '{ party(code: "CAN") { name } }' });
      expect(small.headers['content-encoding']).toBeUndefined();
    });

    it('serves a favicon', async () => {
      const res = await t.http().get('/favicon.ico');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    });

    it('refuses an unknown or malformed parameter on report URLs by name, as the exports do; link tags (utm_*, cache busters) pass', async () => {
      // A report takes more points than this suite's small budget per address.
      process.env.RATE_LIMIT_PER_ADDRESS = '100';
      try {
        const res = await t
          .http()
          .get('/reports/trends.zip')
          .query({ utm_source: 'newsletter', _: '123' })
          .set('X-Forwarded-For', from());
        expect(res.status).toBe(200);
        // The file answered 200, as if the parameter were not there (the trends by year, in English).
        for (const [path, message] of [
          [
            '/reports/trends.csv?lang%5Bx%5D=fr',
            'lang[x]: unknown parameter(s) lang[x]; /reports/trends takes groupBy, codes, from, to, includeProposed, section, lang',
          ],
          [
            '/reports/trends.html?grupBy=REGION',
            'grupBy: unknown parameter(s) grupBy; /reports/trends takes groupBy, codes, from, to, includeProposed, section, lang',
          ],
          [
            '/reports/coherence/CAN.md?asof=2020-01-01',
            'asof: unknown parameter(s) asof; /reports/coherence takes asOf, includeProposed, section, lang',
          ],
        ]) {
          const refused = await t.http().get(path).set('X-Forwarded-For', from());
          expect({ path, status: refused.status, message: refused.body.message }).toEqual({
            path,
            status: 400,
            message,
          });
        }
      } finally {
        process.env.RATE_LIMIT_PER_ADDRESS = ENV.RATE_LIMIT_PER_ADDRESS;
      }
    });
  });
});

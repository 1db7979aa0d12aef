import { Response } from 'supertest';
import { HeavyWorkGate } from '../../src/common/heavy-work.gate';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What hostile22 found in the reads: a "to" year the explorer's pages offer, refused in GraphQL's words; a
 * provisions filter by `textContains`, a scan of every text, priced as one field and asked 15 times in a request.
 */
describe('hostile reads: the years a page offers, text scans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes every "to" year it offers, up to this year plus 50, and names the parameter past it', async () => {
    const last = new Date().getUTCFullYear() + 50;
    for (const page of ['/agreements?', '/flows?', '/search?q=culture&']) {
      // 31 December of the last year lies past the latest date the API takes (today plus 50 years).
      const taken = await t.http().get(`${page}from=2000&to=${last}`);
      expect([page, taken.status]).toEqual([page, 200]);
      const refused = await t.http().get(`${page}to=${last + 1}`);
      expect([page, refused.status]).toEqual([page, 400]);
      expect(refused.text).toContain(`to must be a year between 1900 and ${last}`);
      expect(refused.text).not.toContain('$filter');
    }
  });

  const post = (query: string) =>
    t.http().post('/graphql').set('Accept', 'application/graphql-response+json').send({ query });

  it('takes one text scan an operation, as costly work that waits for its turn', async () => {
    const scan = (alias: string) =>
      `${alias}: provisions(first: 1, filter: { textContains: "cultural" }) { totalCount }`;
    // Fifteen scans held the database 6 s (0.35 s each on the corpus); two are now over the cost limit.
    const twice = await post(`{ ${scan('a')} ${scan('b')} }`);
    expect(twice.status).toBe(400);
    expect(twice.body.errors?.[0].extensions.cost).toBeGreaterThan(25_000);
    const gate = t.app.get(HeavyWorkGate);
    const release = await gate.acquire(); // another request's costly work is running
    try {
      const waiting: { res?: Response } = {};
      const done = post(`{ ${scan('a')} }`).then((res) => (waiting.res = res));
      // One agreement's provisions: read at once.
      const nested = await post(
        '{ agreement(slug: "ceta") { provisions(first: 1, filter: { textContains: "culture" }) { totalCount } } }',
      );
      expect(nested.status).toBe(200);
      const read = await post('{ provisions(first: 1) { totalCount } }');
      expect(read.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      expect(waiting.res).toBeUndefined();
      release();
      await done;
      expect(waiting.res?.status).toBe(200);
      expect(waiting.res?.body.data.a.totalCount).toBeGreaterThan(0);
    } finally {
      release();
    }
  });

  it('quotes a typed value with its bidirectional override and controls printed, not applied', async () => {
    // Quoted raw, U+202E made the rest of the message read backwards on the page.
    const page = await t.http().get('/parties/%E2%80%AECAN%07');
    expect(page.status).toBe(404);
    expect(page.text).toContain('No party &quot;\\u202ECAN\\u0007&quot;');
    expect(page.text).not.toContain('\u202e');
  });
});

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

  it('takes one text scan an operation, as costly work that waits for its turn, at the root or under a list', async () => {
    const scan = (alias: string) =>
      `${alias}: provisions(first: 1, filter: { textContains: "cultural" }) { totalCount }`;
    const nestedScan = (alias: string) =>
      `${alias}: agreements(first: 100) { edges { node { provisions(first: 1, filter: { textContains: "culture" }) { totalCount } } } }`;
    // Fifteen scans held the database 6 s (0.35 s each on the corpus); a second one is refused, by its count.
    for (const twice of [`{ ${scan('a')} ${scan('b')} }`, `{ ${nestedScan('a')} ${nestedScan('b')} }`]) {
      const res = await post(twice);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', scans: 2 });
      expect(res.body.errors?.[0].message).toContain('filters provisions by textContains 2 times');
    }
    const gate = t.app.get(HeavyWorkGate);
    const saved = process.env.HEAVY_QUERY_COST;
    // The setting says which costs wait; a scan waits whatever it says (it once decided what was refused too).
    process.env.HEAVY_QUERY_COST = '25000';
    const release = await gate.acquire(); // another request's costly work is running
    try {
      const waiting: Record<string, Response | undefined> = {};
      const root = post(`{ ${scan('a')} }`).then((res) => (waiting.root = res));
      // Under a list of agreements (one scan over their texts) as at the root: it was read at once, at a page's cost.
      const nested = post(`{ ${nestedScan('a')} }`).then((res) => (waiting.nested = res));
      const read = await post('{ provisions(first: 1) { totalCount } }');
      expect(read.status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      expect(waiting).toEqual({});
      release();
      await Promise.all([root, nested]);
      expect(waiting.root?.status).toBe(200);
      expect(waiting.root?.body.data.a.totalCount).toBeGreaterThan(0);
      expect(waiting.nested?.status).toBe(200);
      expect(waiting.nested?.body.data.a.edges.length).toBeGreaterThan(0);
    } finally {
      release();
      if (saved === undefined) delete process.env.HEAVY_QUERY_COST;
      else process.env.HEAVY_QUERY_COST = saved;
    }
  });

  it('quotes a typed value with its bidirectional override and controls printed, not applied', async () => {
    // Quoted raw, U+202E made the rest of the message read backwards on the page.
    const page = await t.http().get('/parties/%E2%80%AECAN%07');
    expect(page.status).toBe(404);
    expect(page.text).toContain('No party &quot;\\u202ECAN\\u0007&quot;');
    expect(page.text).not.toContain('\u202e');
  });

  it('prints a bidirectional override in every refusal that quotes a value or a parameter name as sent', async () => {
    // Each of these answered its message with U+202E raw (the rest of the line reversed where it is shown).
    for (const path of [
      '/agreements?%E2%80%AEx=1',
      '/search?q=a&code=%E2%80%AEx',
      '/reports/trends.csv?section=%E2%80%AEx',
      '/reports/trends.csv?lang=fr&lang=%E2%80%AEes',
      '/reports/flows.csv?mechanisms=%E2%80%AEx',
      '/reports/coherence/CAN.md?includeProposed=%E2%80%AE',
      '/exports/provisions.csv?locations=%E2%80%AEx',
    ]) {
      const answer = await t.http().get(path);
      const message =
        answer.type === 'application/json' ? (answer.body as { message: string }).message : answer.text;
      expect({ path, status: answer.status, raw: message.includes('\u202e') }).toEqual({
        path,
        status: 400,
        raw: false,
      });
      expect({ path, printed: message.includes('\\u202E') }).toEqual({ path, printed: true });
    }
  });

  it("names a parameter or field the client sent, in a JSON refusal's argument, printed and bounded as the message", async () => {
    // The argument echoed the name as sent: U+202E raw, and a name of 6,000 characters whole.
    const long = 'x'.repeat(6_000);
    const answers = [
      await t.http().get('/agreements?%E2%80%AEx=1').set('Accept', 'application/json'),
      await t.http().get('/exports/provisions.csv?%E2%80%AEx=1'),
      await t.http().get(`/agreements?${long}=1`).set('Accept', 'application/json'),
      await t.http().get(`/exports/provisions.csv?${long}=1`),
      await t
        .http()
        .post('/draft-check')
        .send({ text: 'Article 1\nThe Parties shall cooperate.', parties: 'CAN', ['\u202ex']: 1 }),
    ];
    for (const answer of answers) {
      const { argument } = answer.body as { argument: string };
      expect({ status: answer.status, type: answer.type }).toEqual({ status: 400, type: 'application/json' });
      expect(argument).not.toContain('\u202e');
      expect(argument.length).toBeLessThan(2_100);
      expect(argument).toMatch(/\\u202Ex|more characters\)$/);
    }
  });

  it('quotes a party code with a look-alike letter as its code point, not as the code it looks like', async () => {
    // "СAN" with a Cyrillic С (U+0421) was answered "No party "СAN"" and "unknown party code(s) СAN": CAN to a reader.
    const page = await t.http().get('/parties/%D0%A1AN');
    expect(page.status).toBe(404);
    expect(page.text).toContain('No party &quot;\\u0421AN&quot;');
    const listed = await t.http().get('/flows?grantors=%D0%A1AN');
    expect(listed.status).toBe(400);
    expect(listed.text).toContain('grantors: unknown party code(s) \\u0421AN');
    const api = await t.gql(
      '{ agreements(first: 1, filter: { parties: ["\u0421AN", "CA\u{1D400}"] }) { totalCount } }',
    );
    expect(api.errors?.[0].message).toBe('filter.parties: unknown party code(s) \\u0421AN, CA\\u{1D400}');
    for (const text of [page.text, listed.text, api.errors![0].message]) expect(text).not.toContain('\u0421');
  });

  it('quotes a typed party name with a look-alike letter as its code point, and a name in accented Latin as typed', async () => {
    // "Сanada" with a Cyrillic С (U+0421) was answered "no party is named "Сanada"": Canada to a reader.
    const form = await t.http().get('/agreements?party=%D0%A1anada').set('Accept', 'application/json');
    expect(form.status).toBe(400);
    expect(form.body.message).toBe(
      'party: no party is named "\\u0421anada" (type a name or an ISO 3166 alpha-3 code, e.g. CAN)',
    );
    const page = await t.http().get('/agreements?party=%D0%A1anada');
    expect(page.text).toContain('no party is named &quot;\\u0421anada&quot;');
    const draft = await t.gql('query ($input: CheckDraftInput!) { checkDraft(input: $input) { language } }', {
      input: { text: 'Article 1\nThe Parties shall cooperate.', parties: ['\u0421anada'] },
    });
    expect(draft.errors?.[0].message).toBe(
      'input.parties: no party is named "\\u0421anada" (give a name or an ISO 3166 alpha-3 code, e.g. CAN)',
    );
    // The page's notice (the form keeps the text as typed, for the user to correct).
    const notice = /<div class="notice error"[\s\S]*?<\/div>/.exec(page.text)![0];
    for (const text of [form.body.message, notice, draft.errors![0].message])
      expect(text).not.toContain('\u0421');
    // A name of the catalogue's own alphabet is quoted as typed.
    const accented = await t
      .http()
      .get('/agreements?party=C%C3%B4te%20de%20Narnia')
      .set('Accept', 'application/json');
    expect(accented.body.message).toContain('"Côte de Narnia"');
  });
  it('refuses a download’s or a GraphQL GET’s parameter that is no percent-encoded UTF-8, naming it, as the pages do', async () => {
    const words = (name: string, value: string) =>
      `${name}: holds "${value}", which is not percent-encoded UTF-8 text`;
    for (const [path, name, value] of [
      ['/exports/agreements.csv?parties=%E0%A4%A', 'parties', '%E0%A4%A'],
      ['/exports/provisions.json?titleContains=caf%E9', 'titleContains', 'caf%E9'],
      ['/exports/annotations.csv?%ZZ=1', '%ZZ', '1'],
      ['/reports/trends.csv?groupBy=%ZZ', 'groupBy', '%ZZ'],
      ['/reports/coherence/CAN.json?asOf=%', 'asOf', '%'],
      ['/reports/compare.csv?agreements=ceta,%FF', 'agreements', 'ceta,%FF'],
    ]) {
      const res = await t.http().get(path);
      expect({ path, status: res.status, body: res.body }).toEqual({
        path,
        status: 400,
        body: {
          statusCode: 400,
          code: 'BAD_USER_INPUT',
          argument: name,
          message: expect.stringContaining(words(name, value)),
        },
      });
    }
    for (const [path, name, value] of [
      ['/graphql?query=%7B__typename%7D&variables=%E0%A4%A', 'variables', '%E0%A4%A'],
      ['/graphql?query=%ZZ', 'query', '%ZZ'],
    ]) {
      const res = await t.http().get(path).set('Accept', 'application/graphql-response+json');
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.errors).toEqual([
        { message: expect.stringContaining(words(name, value)), extensions: { code: 'BAD_REQUEST' } },
      ]);
    }
    // What a client sends for the same words still reads.
    for (const path of [
      '/exports/agreements.json?titleContains=caf%C3%A9',
      '/graphql?query=%7B__typename%7D',
    ])
      expect({ path, status: (await t.http().get(path)).status }).toEqual({ path, status: 200 });
  });
});

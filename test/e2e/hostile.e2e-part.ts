import { Worker } from 'node:worker_threads';
import { Role } from '../../src/auth/role.enum';
import { countStatements, startTestApp, TestApp } from '../support/test-app';

/**
 * The kinds of work `work` sent to the thread that does the work on long texts (`text-comparison.worker.ts`), in
 * order: what the event loop did not do. A count, not a time: the event loop's longest wait (under 250 and 300 ms)
 * was passed by a loaded machine, and the faults it caught were long texts' work done on the event loop, which sends
 * nothing to the thread.
 */
async function sentToThread<T>(work: () => Promise<T>): Promise<[T, string[]]> {
  const post = jest.spyOn(Worker.prototype, 'postMessage');
  try {
    const answer = await work();
    return [answer, post.mock.calls.map(([request]) => (request as { kind: string }).kind)];
  } finally {
    post.mockRestore();
  }
}

/** Each hostile request is refused with a code before any SQL runs. */
describe('hostile queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const refused = async (send: () => Promise<{ status: number; body: unknown; text?: string }>) => {
    let status = 0;
    let body: unknown = null;
    const statements = await countStatements(t.orm, async () => {
      const response = await send();
      status = response.status;
      body = response.body;
    });
    return { status, body, statements };
  };
  const codeOf = (body: unknown) =>
    (body as { errors?: { extensions?: { code?: string } }[] })?.errors?.[0]?.extensions?.code;

  it('depth 20', async () => {
    let selection = 'slug';
    for (let i = 0; i < 10; i++) selection = `related { agreement { ${selection} } }`;
    const r = await refused(() =>
      t
        .http()
        .post('/graphql')
        .send({ query: `{ agreement(slug: "ceta") { ${selection} } }` }),
    );
    expect(r.statements).toBe(0);
    expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
  });

  it('100 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: taxonomy { code }`).join(' ');
    const r = await refused(() =>
      t
        .http()
        .post('/graphql')
        .send({ query: `{ ${aliases} }` }),
    );
    expect(r.statements).toBe(0);
    expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
  });

  it('2,000 tokens', async () => {
    const fields = Array.from({ length: 2000 }, () => 'code').join(' ');
    const r = await refused(() =>
      t
        .http()
        .post('/graphql')
        .set('Accept', 'application/graphql-response+json')
        .send({ query: `{ taxonomy { ${fields} } }` }),
    );
    expect(r.statements).toBe(0);
    expect(r.status).toBe(400);
    expect(codeOf(r.body)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('a 2 MB body', async () => {
    const r = await refused(() =>
      t
        .http()
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ query: `{ taxonomy { code } } #${'x'.repeat(2 * 2 ** 20)}` })),
    );
    expect(r.statements).toBe(0);
    expect(r.status).toBe(413);
  });

  it('first: 10000', async () => {
    const r = await refused(() =>
      t.http().post('/graphql').send({ query: '{ agreements(first: 10000) { totalCount } }' }),
    );
    expect(r.statements).toBe(0);
    expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['agreements', '{ agreements(filter: { titleContains: $text }) { totalCount } }', 'filter.titleContains'],
    ['parties', '{ parties(filter: { nameContains: $text }) { totalCount } }', 'filter.nameContains'],
    [
      'provisions',
      '{ provisions(filter: { textContains: $text, agreement: { titleContains: "a" } }) { totalCount } }',
      'filter.textContains',
    ],
    [
      'agreements by a party',
      '{ agreements(filter: { partyWith: { nameContains: $text } }) { totalCount } }',
      'filter.partyWith.nameContains',
    ],
    // Matched with LIKE as well (`% <number>`): 60,000 characters answered INTERNAL_SERVER_ERROR.
    [
      'provisions by article number',
      '{ provisions(filter: { articleNumber: $text }) { totalCount } }',
      'filter.articleNumber',
    ],
  ])(
    'a 100,000-character ...Contains text (%s): BAD_USER_INPUT naming it, not a LIKE error',
    async (_, selection, argument) => {
      const query = `query ($text: String!) ${selection}`;
      const r = await refused(() =>
        t
          .http()
          .post('/graphql')
          .send({ query, variables: { text: 'x'.repeat(100_000) } }),
      );
      expect(r.statements).toBe(0);
      const error = (r.body as { errors: { message: string; extensions: Record<string, unknown> }[] })
        .errors[0];
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(error.message).toContain('at most 1000');
    },
  );

  it('an article number holding LIKE wildcards matches them as written, not every article', async () => {
    const editor = await t.createKey(Role.EDITOR);
    const added = await t.gql(
      'mutation { addProvision(input: { agreement: "ceta", key: "hostile-art-907", articleNumber: "Article 907", location: OPERATIVE, summary: "A hostile test article." }) { pinpoint } }',
      {},
      { key: editor },
    );
    expect(added.errors).toBeUndefined();
    const pinpoints = async (articleNumber: string) => {
      const response = await t.gql<{ provisions: { edges: { node: { pinpoint: string } }[] } }>(
        'query ($n: String!) { provisions(first: 100, filter: { articleNumber: $n }) { edges { node { pinpoint } } } }',
        { n: articleNumber },
      );
      return response.data!.provisions.edges.map((e) => e.node.pinpoint);
    };
    expect(await pinpoints('907')).toEqual(['ceta/hostile-art-907']);
    expect(await pinpoints('%')).toEqual([]);
    expect(await pinpoints('_07')).toEqual([]);
  });

  it('compares two provisions of 199,000 characters without holding the event loop, and says when the diff is coarse', async () => {
    // The word diff and both similarities of two such texts held every other client 0.8 to 1.6 s (hostile7).
    const editor = await t.createKey(Role.EDITOR);
    const words = ['culture', 'party', 'shall', 'services', 'audiovisual', 'cooperation', 'film', 'heritage'];
    let seed = 7;
    const text = (n: number) => {
      const out: string[] = [];
      for (let length = 0; length < n;) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const word = words[seed % words.length] + (seed % 10 === 0 ? '.' : '');
        out.push(word);
        length += word.length + 1;
      }
      return out.join(' ').slice(0, n).trim();
    };
    const long = text(199_000);
    const ids: string[] = [];
    for (const [key, body] of [
      ['hostile-long-a', long],
      ['hostile-long-b', text(199_000)],
    ]) {
      const added = await t.gql<{ addProvision: { id: string } }>(
        'mutation ($i: AddProvisionInput!) { addProvision(input: $i) { id } }',
        { i: { agreement: 'ceta', key, location: 'OPERATIVE', text: body } },
        { key: editor },
      );
      expect(added.errors).toBeUndefined();
      ids.push(added.data!.addProvision.id);
    }
    const compare = (a: string, b: string) =>
      t.gql<{
        compareProvisions: { segments: { kind: string }[]; stats: { coarse: boolean; similarity: number } };
      }>(
        'query ($a: ID!, $b: ID!) { compareProvisions(a: $a, b: $b) { segments { kind } stats { coarse similarity } wordingScore } }',
        { a, b },
      );
    await compare(ids[0], ids[0]); // the comparison thread started
    const [[unrelated, same], sent] = await sentToThread(async () => [
      await compare(ids[0], ids[1]),
      await compare(ids[0], ids[0]),
    ]);
    expect(unrelated.errors).toBeUndefined();
    expect(unrelated.data!.compareProvisions.stats.coarse).toBe(true);
    expect(unrelated.data!.compareProvisions.segments.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['DELETE', 'INSERT']),
    );
    expect(same.data!.compareProvisions.stats).toEqual({ coarse: false, similarity: 1 });
    // Before: the comparison was done on the event loop, the whole of it its longest wait (2.0 s here under load):
    // each comparison is now one request to the thread.
    expect(sent).toEqual(['compare', 'compare']);
    // The provision page's side-by-side view says so too.
    const page = await t
      .http()
      .get('/provisions/ceta/hostile-long-a?with=ceta/hostile-long-b')
      .set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('differ too much to be compared word by word');
  });

  it('checks a draft of one 199,000-character article, or one long line, without holding the event loop', async () => {
    // The rules ran over such an article in one step (each rule over the whole text, up to 60 ms apiece), and its
    // WORDING features were hashed in another: every other client waited 430 to 780 ms per draft check under Jest
    // (hostile7 left it; hostile8). The splitting itself took 10 to 40 ms.
    const words = [
      'culture',
      'parties',
      'shall',
      'cooperate',
      'audiovisual',
      'electronic',
      'commerce',
      'films',
    ];
    let seed = 11;
    const text = (n: number) => {
      const out: string[] = [];
      let length = 0;
      while (length < n) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const word = words[seed % words.length] + (seed % 10 === 0 ? '.' : '');
        out.push(word);
        length += word.length + 1;
      }
      return out.join(' ').slice(0, n).trim();
    };
    const check = (draft: string) =>
      t
        .http()
        .post('/graphql')
        .send({
          query:
            'query($t: String!) { checkDraft(input: { text: $t, parties: ["CAN"] }) { codes articles { position words } } }',
          variables: { t: draft },
        });
    await check('Article 1\nThe Parties shall cooperate on films.'); // the clause index built
    const sent: string[][] = [];
    // Its one clause the rules know, wherever it sits.
    const clause = 'The Parties shall cooperate in the fields of culture, including films, music and books. ';
    for (const draft of [
      `Article 1\n${clause}${text(199_000)}`,
      `${text(199_800)} ${clause}`,
      `${clause}${text(199_800)}`.toUpperCase(),
    ]) {
      const [res, kinds] = await sentToThread(() => check(draft));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.checkDraft.articles).toHaveLength(1);
      expect(res.body.data.checkDraft.codes).toContain('CULTURAL_COOPERATION');
      sent.push(kinds);
    }
    // Before: 430 to 780 ms each of the event loop's time; now the draft's language and its articles' work (the
    // splitting, the rules, the WORDING features) are each one request to the thread, for each draft.
    expect(sent).toEqual(Array(3).fill(['draftLanguage', 'draftArticles']));
  });

  it('finds a title whatever the case and the Unicode form of its letters outside ASCII, and stores it composed', async () => {
    // On SQLite, whose lower() and LIKE fold ASCII only, "économique" did not find "Accord ÉCONOMIQUE", nor did
    // "ÉCONOMIQUE" itself; a title sent decomposed ("cafe" and U+0301) was stored so and not found as "café".
    const editor = await t.createKey(Role.EDITOR);
    for (const [slug, title] of [
      ['h7-econ', 'Accord ÉCONOMIQUE * global'],
      ['h7-cafe', 'Accord du cafe\u0301 [x]'],
    ]) {
      const created = await t.gql<{ createAgreement: { title: string } }>(
        'mutation ($i: CreateAgreementInput!) { createAgreement(input: $i) { title } }',
        { i: { slug, title, kind: 'BILATERAL', status: 'SIGNED' } },
        { key: editor },
      );
      expect(created.errors).toBeUndefined();
      expect(created.data!.createAgreement.title).toBe(title.normalize('NFC'));
    }
    const found = async (text: string) => {
      const r = await t.gql<{ agreements: { edges: { node: { slug: string } }[] } }>(
        'query ($q: String!) { agreements(first: 10, filter: { titleContains: $q }) { edges { node { slug } } } }',
        { q: text },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.agreements.edges.map((e) => e.node.slug);
    };
    for (const text of ['économique', 'ÉCONOMIQUE', 'Économique *', 'Écon'])
      expect({ text, slugs: await found(text) }).toEqual({ text, slugs: ['h7-econ'] });
    for (const text of ['café', 'CAFÉ', 'cafe\u0301', 'é [x]'])
      expect({ text, slugs: await found(text) }).toEqual({ text, slugs: ['h7-cafe'] });
    // GLOB's signs are literal, as LIKE's are.
    expect(await found('é?onomique')).toEqual([]);
    expect(await found('économique global')).toEqual([]);
  });

  it('a query whose lists would cost too much', async () => {
    const query =
      '{ agreements(first: 100) { edges { node { provisions(first: 100) { edges { node { annotations { history { action } } } } } } } } }';
    const r = await refused(() => t.http().post('/graphql').send({ query }));
    expect(r.statements).toBe(0);
    expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
  });

  it('a batched array body', async () => {
    const r = await refused(() =>
      t
        .http()
        .post('/graphql')
        .send([{ query: '{ taxonomy { code } }' }, { query: '{ taxonomy { code } }' }]),
    );
    expect(r.statements).toBe(0);
    expect(r.status).toBe(400);
  });

  it('a text/plain POST (CSRF)', async () => {
    const r = await refused(() =>
      t.http().post('/graphql').set('Content-Type', 'text/plain').send('{"query":"{ taxonomy { code } }"}'),
    );
    expect(r.statements).toBe(0);
    expect(r.status).toBe(400);
  });

  it('answers with security headers and no X-Powered-By', async () => {
    const res = await t.http().post('/graphql').send({ query: '{ taxonomy { code } }' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto without TRUST_PROXY: no HSTS on plain HTTP', async () => {
    const res = await t.http().get('/').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

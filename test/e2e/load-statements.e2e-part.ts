import { EntityManager } from '@mikro-orm/knex';
import { ApiKey } from '../../src/auth/api-key.entity';
import { ApiKeysService, hashKey } from '../../src/auth/api-keys.service';
import { Role } from '../../src/auth/role.enum';
import { fromGlobalId } from '../../src/graphql/node/global-id';
import { newProvision } from '../support/mutation-catalogue';
import { compilationsDuring, startTestApp, statementsDuring, TestApp } from '../support/test-app';

/**
 * The statements each request of bench:load's mix sends (bench/load/run.ts): under the load SQLite's one connection
 * is the bottleneck, and each statement outside a transaction is a trip that waits the whole queue for it
 * (docs/performance-log.md, load5 and load6). These counts are the ones docs/performance-log.md's load6 table gives.
 */
const READS = {
  'agreements page':
    '{ agreements(first: 20, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug title dateSigned parties { party { code } } } } } }',
  'agreement with provisions':
    '{ agreement(slug: "eu-korea-fta") { title provisions(first: 20) { edges { node { pinpoint summary annotations { code { code } status } } } } } }',
  'filtered provisions':
    '{ provisions(first: 20, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } }) { totalCount edges { node { pinpoint agreement { shortTitle } } } } }',
  'party with agreements':
    '{ party(code: "FRA") { name conventionStatus { inForce } agreements(first: 10) { totalCount edges { node { slug } } } } }',
};
const CREATE = 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }';

describe("bench:load's requests, in statements", () => {
  let t: TestApp;
  let pinpoints: string[];
  const savedKept = process.env.API_KEY_KEPT_MS;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const page = await t.gql<{ provisions: { edges: { node: { pinpoint: string } }[] } }>(
      '{ provisions(first: 20) { edges { node { pinpoint } } } }',
    );
    pinpoints = page.data!.provisions.edges.map((e) => e.node.pinpoint);
  });
  afterAll(() => t.close());
  afterEach(() => {
    if (savedKept === undefined) delete process.env.API_KEY_KEPT_MS;
    else process.env.API_KEY_KEPT_MS = savedKept;
  });

  const create = (key: string, pinpoint: string, note: string) =>
    t.gql<{ createAnnotation: { id: string } }>(
      CREATE,
      { input: { pinpoint, code: 'CULTURAL_COOPERATION', note } },
      { key },
    );

  it('a keyed request reads its key once in API_KEY_KEPT_MS, not on every request', async () => {
    const key = await t.createKey(Role.ANNOTATOR);
    expect((await create(key, pinpoints[0], 'first')).errors).toBeUndefined();
    const statements = await statementsDuring(t.orm, async () => {
      expect((await create(key, pinpoints[1], 'second')).errors).toBeUndefined();
    });
    expect(statements.filter((sql) => /api_key/.test(sql))).toEqual([]);
  });

  it('a key revoked by this process is refused at once; by another within API_KEY_KEPT_MS', async () => {
    process.env.API_KEY_KEPT_MS = '1000';
    const here = await t.createKey(Role.ANNOTATOR);
    const elsewhere = await t.createKey(Role.ANNOTATOR);
    // The keys are kept from their first read (below), not from the revocation: under load more than
    // API_KEY_KEPT_MS can pass between the two, and the read kept has expired before the revocation is written.
    const keptFrom = Date.now();
    for (const key of [here, elsewhere])
      expect((await create(key, pinpoints[2], `kept ${key}`)).errors).toBeUndefined();
    const idOf = async (key: string) =>
      (await t.orm.em.fork().findOneOrFail(ApiKey, { keyHash: hashKey(key) })).id;

    await t.app.get(ApiKeysService).revoke(await idOf(here));
    expect((await create(here, pinpoints[3], 'after')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // `keys revoke` from the command line writes the row from another process: this one still holds the key read.
    const revokedAt = Date.now();
    await (t.orm.em.fork() as EntityManager).nativeUpdate(
      ApiKey,
      { id: await idOf(elsewhere) },
      { revokedAt: new Date() },
    );
    const soon = await create(elsewhere, pinpoints[3], 'soon after');
    if (Date.now() - keptFrom < 1000) expect(soon.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() - revokedAt) + 50));
    expect((await create(elsewhere, pinpoints[4], 'later')).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('API_KEY_KEPT_MS=0 reads the key on every request: a revocation elsewhere is seen at once', async () => {
    process.env.API_KEY_KEPT_MS = '0';
    const key = await t.createKey(Role.ANNOTATOR);
    expect((await create(key, pinpoints[5], 'first')).errors).toBeUndefined();
    await (t.orm.em.fork() as EntityManager).nativeUpdate(
      ApiKey,
      { keyHash: hashKey(key) },
      { revokedAt: new Date() },
    );
    expect((await create(key, pinpoints[5], 'second')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('createAnnotation: the lock, then one read of the provision with its agreement and annotations, two inserts', async () => {
    const key = await t.createKey(Role.ANNOTATOR);
    expect((await create(key, pinpoints[6], 'warm')).errors).toBeUndefined();
    const statements = await statementsDuring(t.orm, async () => {
      expect((await create(key, pinpoints[6], 'counted')).errors).toBeUndefined();
    });
    expect(statements.map((sql) => /^\s*(\w+)/.exec(sql)![1].toLowerCase())).toEqual([
      'begin',
      'update',
      'select',
      'insert',
      'insert',
      'commit',
    ]);
    expect(statements[1]).toMatch(/^update .provision./i);
    expect(statements[2]).toMatch(/from .provision.* join .agreement.* join .annotation./is);
    expect(statements[3]).toMatch(/^insert into .annotation./i);
    expect(statements[4]).toMatch(/^insert into .audit_event./i);
  });

  it("createAnnotation compiles each of its statements once (the statement budget's hook sees it as it runs)", async () => {
    const key = await t.createKey(Role.ANNOTATOR);
    expect((await create(key, pinpoints[7], 'warm')).errors).toBeUndefined();
    const onQuery = t.orm.config.get('onQuery');
    const seen: string[] = [];
    t.orm.config.set('onQuery', (sql: string, params: readonly unknown[]) => {
      seen.push(sql);
      return onQuery(sql, [...params]);
    });
    let compiled: string[];
    try {
      compiled = await compilationsDuring(async () => {
        expect((await create(key, pinpoints[7], 'compiled once')).errors).toBeUndefined();
      });
    } finally {
      t.orm.config.set('onQuery', onQuery);
    }
    const lock = (sql: string) => /^update .provision./i.test(sql);
    const underLock = (sql: string) => /from .provision.* join .agreement.* join .annotation./is.test(sql);
    expect([compiled.filter(lock).length, compiled.filter(underLock).length]).toEqual([1, 1]);
    // The statement budget's hook (refuseStatementPastBudget) still sees both before they run.
    expect([seen.filter(lock).length, seen.filter(underLock).length]).toEqual([1, 1]);
  });

  it('createAnnotation reads only what its checks use, hydrates nothing, and answers and audits as before', async () => {
    // Through MikroORM's joined findOne it read every column of the provision, its agreement (the JSON of its
    // sources and record parts) and its annotations, hydrated as managed entities for the flush.
    const key = await t.createKey(Role.ANNOTATOR);
    const fields =
      'id version status origin author note detail partyScope evidence { start end quote } code { code } provision { pinpoint text }';
    const make = (input: Record<string, unknown>) =>
      t.gql<{ createAnnotation: Record<string, unknown> & { id: string } }>(
        `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { ${fields} } }`,
        { input: { pinpoint: pinpoints[8], code: 'CULTURAL_COOPERATION', ...input } },
        { key },
      );
    let plain!: Awaited<ReturnType<typeof make>>;
    const statements = await statementsDuring(t.orm, async () => {
      plain = await make({ note: 'columns' });
    });
    expect(plain.errors).toBeUndefined();
    const read = statements.filter((sql) =>
      /from .provision.* join .agreement.* join .annotation./is.test(sql),
    );
    expect(read).toHaveLength(1);
    expect(read[0]).not.toMatch(/\*|source|record_parts|\.["`]text["`]|evidence_quote/);
    const made = plain.data!.createAnnotation;
    expect(made).toMatchObject({
      version: 1,
      status: 'PROPOSED',
      origin: 'MANUAL',
      note: 'columns',
      detail: [],
      partyScope: null,
      evidence: null,
      code: { code: 'CULTURAL_COOPERATION' },
      provision: { pinpoint: pinpoints[8] },
    });
    expect(made.author).toEqual(expect.any(String));

    // With evidence the text is read (to check and quote it); the same request again is refused as a repeat.
    const withText = await newProvision(t, await t.createKey(Role.ADMIN));
    const quoted = await make({
      pinpoint: withText.pinpoint,
      note: 'quoted',
      evidence: { start: 0, end: 4 },
    });
    expect(quoted.errors).toBeUndefined();
    expect(quoted.data!.createAnnotation.evidence).toEqual({ start: 0, end: 4, quote: 'This' });
    const again = await make({ pinpoint: withText.pinpoint, note: 'quoted', evidence: { start: 0, end: 4 } });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      refusal: 'repeated',
      existing: quoted.data!.createAnnotation.id,
    });

    // The audit event, as the unit of work wrote it.
    const { auditLog } = (
      await t.gql<{ auditLog: { edges: { node: { action: string; outcome: string; after: unknown } }[] } }>(
        `{ auditLog(first: 5, filter: { entityType: "Annotation", entityId: "${fromGlobalId(made.id)!.key}" }) { edges { node { action outcome after } } } }`,
        {},
        { key: await t.createKey(Role.REVIEWER) },
      )
    ).data!;
    expect(auditLog.edges.map((e) => e.node)).toEqual([
      {
        action: 'annotation.create',
        outcome: 'SUCCESS',
        after: expect.objectContaining({
          code: 'CULTURAL_COOPERATION',
          note: 'columns',
          status: 'PROPOSED',
          origin: 'MANUAL',
          detail: [],
          evidence: null,
          version: 1,
        }),
      },
    ]);
  });

  it('an update, a review and a withdrawal read the annotation with its provision in one statement', async () => {
    const annotator = await t.createKey(Role.ANNOTATOR);
    const reviewer = await t.createKey(Role.REVIEWER);
    const made = (await create(annotator, pinpoints[7], 'to change')).data!.createAnnotation;
    const made2 = (await create(annotator, pinpoints[7], 'to withdraw')).data!.createAnnotation;
    await t.gql('{ __typename }', {}, { key: reviewer }); // its key read
    const kinds = (statements: string[]) => statements.map((sql) => /^\s*(\w+)/.exec(sql)![1].toLowerCase());
    const inTransaction = (statements: string[]) =>
      kinds(statements).slice(0, kinds(statements).indexOf('commit') + 1);
    let version = 1;
    const updated = await statementsDuring(t.orm, async () => {
      const res = await t.gql<{ updateAnnotation: { version: number } }>(
        'mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { version } }',
        { input: { id: made.id, version, note: 'changed' } },
        { key: annotator },
      );
      expect(res.errors).toBeUndefined();
      version = res.data!.updateAnnotation.version;
    });
    expect(kinds(updated)).toEqual(['begin', 'select', 'update', 'insert', 'commit']);
    expect(updated[1]).toMatch(/from .annotation. .* join .provision./is);
    const reviewed = await statementsDuring(t.orm, async () => {
      const res = await t.gql(
        'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { version } }',
        { input: { id: made.id, version, decision: 'REJECT', reason: 'not cooperation' } },
        { key: reviewer },
      );
      expect(res.errors).toBeUndefined();
    });
    // What follows the commit is the review's propagation to near-copies (search/propagation), not counted here.
    expect(inTransaction(reviewed)).toEqual(['begin', 'select', 'update', 'insert', 'commit']);
    const withdrawn = await statementsDuring(t.orm, async () => {
      const res = await t.gql(
        'mutation($input: WithdrawAnnotationInput!) { withdrawAnnotation(input: $input) { id } }',
        { input: { id: made2.id, version: 1 } },
        { key: annotator },
      );
      expect(res.errors).toBeUndefined();
    });
    expect(kinds(withdrawn)).toEqual(['begin', 'select', 'delete', 'insert', 'commit']);
  });

  it.each([
    ['agreements page', 2],
    ['agreement with provisions', 3],
    ['filtered provisions', 1],
    ['party with agreements', 2],
  ] as const)('%s: %i statements', async (name, count) => {
    const query = READS[name];
    await t.gql(query);
    const statements = await statementsDuring(t.orm, async () => {
      expect((await t.gql(query)).errors).toBeUndefined();
    });
    expect(statements).toHaveLength(count);
  });

  it.each(Object.keys(READS) as (keyof typeof READS)[])(
    '%s: the second request compiles none of its statements (its page statement among them), and answers as the first',
    async (name) => {
      const query = READS[name];
      const first = await t.gql(query);
      expect(first.errors).toBeUndefined();
      let again: Awaited<ReturnType<typeof t.gql>> | undefined;
      let statements: string[] = [];
      const compiled = await compilationsDuring(async () => {
        statements = await statementsDuring(t.orm, async () => {
          again = await t.gql(query);
        });
      });
      expect(again).toEqual(first);
      // The page statements select their order columns as order__0, order__1...: one ran, uncompiled.
      expect(statements.filter((sql) => /order__0/.test(sql))).toHaveLength(1);
      expect(compiled).toEqual([]);
    },
  );

  it("a loader's statement kept from one request runs with the next request's values", async () => {
    // One value of each read (one party, one agreement, one provision...): the same shapes in every request.
    type Answer = {
      party: { code: string; agreements: { totalCount: number; edges: { node: { slug: string } }[] } };
      agreement: {
        slug: string;
        parties: { party: { code: string } }[];
        provisions: {
          edges: { node: { pinpoint: string; annotations: { provision: { pinpoint: string } }[] } }[];
        };
      };
    };
    const read = (code: string, slug: string) =>
      t.gql<Answer>(
        `{ party(code: "${code}") { code agreements(first: 3) { totalCount edges { node { slug } } } }
           agreement(slug: "${slug}") { slug parties { party { code } }
             provisions(first: 1) { edges { node { pinpoint annotations { provision { pinpoint } } } } } } }`,
      );
    const slugs = [...new Set(pinpoints.map((pinpoint) => pinpoint.split('/')[0]))];
    expect(slugs.length).toBeGreaterThan(1);
    // A shape's first statement is compiled twice (with its values and with placeholders), and run as the kept text.
    const first = await compilationsDuring(async () => {
      expect((await read('FRA', 'eu-korea-fta')).errors).toBeUndefined();
    });
    const times = new Map<string, number>();
    for (const sql of first) times.set(sql, (times.get(sql) ?? 0) + 1);
    expect(first.length).toBeGreaterThan(0);
    expect([...times.values()].filter((n) => n > 2)).toEqual([]);
    for (const [code, slug] of [
      ['KOR', slugs[0]],
      ['CAN', slugs[1]],
    ]) {
      let answer!: Answer;
      const compiled = await compilationsDuring(async () => {
        const res = await read(code, slug);
        expect(res.errors).toBeUndefined();
        answer = res.data!;
      });
      expect(compiled).toEqual([]);
      expect(answer.party.code).toBe(code);
      const all = await t.gql<{ party: { agreements: { edges: unknown[] } } }>(
        `{ party(code: "${code}") { agreements(first: 100) { edges { node { slug } } } } }`,
      );
      expect(answer.party.agreements.totalCount).toBe(all.data!.party.agreements.edges.length);
      expect(answer.agreement.slug).toBe(slug);
      expect(answer.agreement.parties.length).toBeGreaterThan(0);
      const provisions = answer.agreement.provisions.edges.map((e) => e.node);
      expect(provisions.length).toBeGreaterThan(0);
      for (const provision of provisions) {
        expect(provision.pinpoint.startsWith(`${slug}/`)).toBe(true);
        for (const annotation of provision.annotations)
          expect(annotation.provision.pinpoint).toBe(provision.pinpoint);
      }
    }
  });

  it('a list of provisions reads the columns its query selects on their agreement with them, in its one statement', async () => {
    // Before: the page read each agreement's id and slug, and the agreements' whole rows in a second statement.
    const fields = 'slug shortTitle title dateSigned status';
    const query = `{ provisions(first: 20, filter: { agreement: { parties: ["CAN"] } }) { edges { node { pinpoint agreement { ${fields} } } } } }`;
    await t.gql(query);
    let answer!: { provisions: { edges: { node: { pinpoint: string; agreement: { slug: string } } }[] } };
    const statements = await statementsDuring(t.orm, async () => {
      const res = await t.gql<typeof answer>(query);
      expect(res.errors).toBeUndefined();
      answer = res.data!;
    });
    expect(statements).toHaveLength(1);
    const nodes = answer.provisions.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    for (const node of nodes) {
      expect(node.pinpoint.startsWith(`${node.agreement.slug}/`)).toBe(true);
      const one = await t.gql<{ agreement: unknown }>(
        `{ agreement(slug: "${node.agreement.slug}") { ${fields} } }`,
      );
      expect(node.agreement).toEqual(one.data!.agreement);
    }
  });

  it("a page after a cursor, from a statement compiled once, binds each cursor's values", async () => {
    const page = (after: string | null) =>
      t.gql<{ agreements: { edges: { node: { slug: string } }[]; pageInfo: { endCursor: string } } }>(
        `query($after: String) { agreements(first: 3, after: $after, orderBy: { field: DATE_SIGNED, direction: DESC }) { edges { node { slug } } pageInfo { endCursor } } }`,
        { after },
      );
    const slugs = (answer: Awaited<ReturnType<typeof page>>) =>
      answer.data!.agreements.edges.map((e) => e.node.slug);
    const whole = await t.gql<{ agreements: { edges: { node: { slug: string } }[] } }>(
      '{ agreements(first: 9, orderBy: { field: DATE_SIGNED, direction: DESC }) { edges { node { slug } } } }',
    );
    const first = await page(null);
    const second = await page(first.data!.agreements.pageInfo.endCursor);
    let third: Awaited<ReturnType<typeof page>> | undefined;
    const compiled = await compilationsDuring(async () => {
      third = await page(second.data!.agreements.pageInfo.endCursor);
    });
    expect(compiled.filter((sql) => /order__0/.test(sql))).toEqual([]);
    expect([...slugs(first), ...slugs(second), ...slugs(third!)]).toEqual(
      whole.data!.agreements.edges.map((e) => e.node.slug),
    );
  });

  it('party codes once found are not read again; an unknown code is read (and refused) every time', async () => {
    const filtered = (codes: string) =>
      `{ provisions(first: 1, filter: { agreement: { parties: [${codes}] } }) { edges { node { pinpoint } } } }`;
    await t.gql(filtered('"KOR"'));
    const partyReads = async (query: string) =>
      (await statementsDuring(t.orm, () => t.gql(query))).filter((sql) => /from .party./.test(sql));
    expect(await partyReads(filtered('"KOR"'))).toEqual([]);
    for (let i = 0; i < 2; i++) {
      const statements = await partyReads(filtered('"KOR", "XYZ"'));
      expect(statements).toHaveLength(1);
      const refused = await t.gql(filtered('"KOR", "XYZ"'));
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', unknown: ['XYZ'] },
      });
    }
  });

  it('one agreement by slug or by id reads only the columns its query selects, and answers as before', async () => {
    // Through MikroORM's findOne it read every column (the JSON of its sources, record and facts included) and
    // hydrated a managed entity, for a query that shows its title (bench:load's agreement with its provisions).
    const statements = await statementsDuring(t.orm, async () => {
      const answer = await t.gql<{ agreement: { title: string } }>(READS['agreement with provisions']);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.agreement.title).toMatch(/Korea/);
    });
    const read = statements.filter((sql) => /from [`"]agreement[`"]/.test(sql));
    expect(read).toHaveLength(1);
    expect(read[0]).not.toMatch(/\*|source|record_parts/);
    const byId = await t.gql<{ agreement: { slug: string; id: string } }>(
      '{ agreement(slug: "eu-korea-fta") { id slug } }',
    );
    const again = await t.gql<{ agreement: { slug: string; sources: unknown } }>(
      `{ agreement(id: "${byId.data!.agreement.id}") { slug sources { url } } }`,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.agreement.slug).toBe('eu-korea-fta');
    for (const missing of [
      '{ agreement(slug: "no-such") { title } }',
      '{ agreement(id: "QWdyZWVtZW50Ojk5OTk") { title } }',
    ])
      expect((await t.gql(missing)).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('one party by code: its code a bound value, the same statement for every party', async () => {
    // Through MikroORM's findOne the code was written into the text, a statement prepared for each code.
    const texts = new Set<string>();
    for (const code of ['FRA', 'kor']) {
      const statements = await statementsDuring(t.orm, async () => {
        const answer = await t.gql<{ party: { code: string; name: string } }>(
          `{ party(code: "${code}") { code name } }`,
        );
        expect(answer.data!.party.code).toBe(code.toUpperCase());
      });
      const read = statements.filter((sql) => /from [`"]party[`"]/.test(sql));
      expect(read).toHaveLength(1);
      texts.add(read[0]);
    }
    expect(texts.size).toBe(1);
    expect([...texts][0]).not.toMatch(/FRA|KOR/);
    expect((await t.gql('{ party(code: "ZZZ") { name } }')).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it("a nested list's count read with its first page is the count read apart, for each parent", async () => {
    type Page = {
      totalCount: number;
      pageInfo: { endCursor: string | null };
      edges: { node: { slug: string } }[];
    };
    const parties = ['FRA', 'KOR', 'CAN', 'TUV'];
    const fields = `agreements(first: 2, filter: { types: [FTA] }) { totalCount pageInfo { endCursor } edges { node { slug } } }`;
    const first = await t.gql<Record<string, Page>>(
      `{ ${parties.map((code) => `${code}: party(code: "${code}") { ${fields} }`).join(' ')} }`,
    );
    expect(first.errors).toBeUndefined();
    for (const code of parties) {
      const page = (first.data![code] as unknown as { agreements: Page }).agreements;
      // After a cursor the count is read on its own statement, as before.
      const after = page.pageInfo.endCursor
        ? (
            await t.gql<{ party: { agreements: { totalCount: number } } }>(
              `{ party(code: "${code}") { agreements(first: 2, after: "${page.pageInfo.endCursor}", filter: { types: [FTA] }) { totalCount } } }`,
            )
          ).data!.party.agreements.totalCount
        : 0;
      const all = await t.gql<{ party: { agreements: { edges: unknown[] } } }>(
        `{ party(code: "${code}") { agreements(first: 100, filter: { types: [FTA] }) { edges { node { slug } } } } }`,
      );
      expect(page.totalCount).toBe(all.data!.party.agreements.edges.length);
      if (page.pageInfo.endCursor) expect(after).toBe(page.totalCount);
    }
  });
});

import { EntityManager } from '@mikro-orm/knex';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLEnumType } from 'graphql';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agreement } from '../../src/agreements/agreement.entity';
import { Provision } from '../../src/provisions/provision.entity';
import { Role } from '../../src/auth/role.enum';
import { importers } from '../../src/ingest/importers';
import { writeAgreementsFile } from '../support/agreements-file';
import { startTestApp, TestApp } from '../support/test-app';

type Errors = { errors?: { extensions: { code: string; fields?: { field: string; message: string }[] } }[] };

/**
 * What hostile19 found: a source's address that is no http(s) link stored by `import json` (the API refused it) and
 * offered as a link by the agreement's page; an article number typed in full-width digits or with the word and a
 * colon or dash, which the provisions' filter read as no article.
 */
describe('hostile doors: source addresses and typed article numbers', () => {
  let t: TestApp;
  let admin: string;
  let dir: string;
  const saved = process.env.RATE_LIMIT_PER_KEY;
  const em = () => t.orm.em.fork() as EntityManager;
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_KEY = '1000000';
    t = await startTestApp();
    admin = await t.createKey(Role.ADMIN, 'admin');
    dir = mkdtempSync(join(tmpdir(), 'ct-hostile-doors-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.RATE_LIMIT_PER_KEY;
    else process.env.RATE_LIMIT_PER_KEY = saved;
  });

  const hostileUrls = [
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'http:/no-host',
    `https://example.org/${'a'.repeat(2_001)}`,
  ];

  it('import json refuses a source that is no http(s) link of at most 2,000 characters, as the API does', async () => {
    for (const [i, url] of hostileUrls.entries()) {
      const slug = `json-hostile-source-${i}`;
      const file = writeAgreementsFile(join(dir, `source-${i}.json`), [
        {
          slug,
          title: 'Record with a hostile source',
          kind: 'BILATERAL',
          status: 'SIGNED',
          parties: [{ code: 'CAN' }, { code: 'HND' }],
          sources: [{ url, kind: 'OFFICIAL_TEXT' }],
        },
      ]);
      const summary = await importers(t.app).json.import({ paths: [file] });
      expect([url, summary.imported]).toEqual([url, 0]);
      expect(summary.failures.map((f) => f.reason).join('\n')).toContain(
        'sources.0.url: must be an http(s) URL of at most 2,000 characters',
      );
      expect(await em().count(Agreement, { slug })).toBe(0);
    }
    // An ordinary source is taken, its address kept as written.
    const file = writeAgreementsFile(join(dir, 'source-ok.json'), [
      {
        slug: 'json-plain-source',
        title: 'Record with a plain source',
        kind: 'BILATERAL',
        status: 'SIGNED',
        parties: [{ code: 'CAN' }, { code: 'HND' }],
        sources: [{ url: 'https://www.example.org/treaties/can-hnd.pdf?lang=en', kind: 'OFFICIAL_TEXT' }],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.failures).toEqual([]);
    const page = await t.http().get('/agreements/json-plain-source').expect(200);
    expect(page.text).toContain('href="https://www.example.org/treaties/can-hnd.pdf?lang=en"');
  });

  it('import tota keeps only the sources that are http(s) links, and stores a full-width article number as the number', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml'), 'utf8');
    const good = '<source lang="en" type="full text">https://example.org/canada-testland</source>';
    expect(sample).toContain(good);
    const text = sample
      .replace(
        good,
        ['javascript:alert(document.cookie)', 'file:///etc/passwd', 'https://example.org/canada-testland']
          .map((url) => `<source lang="en" type="full text">${url}</source>`)
          .join('\n'),
      )
      .replace('<name>Canada - Testland</name>', '<name>Canada - Linkland</name>')
      // and an article number in full-width digits, stored as the number it is
      .replace('number="ARTICLE 16.1"', 'number="ARTICLE １６.１"')
      .replace('990001', '990191');
    const file = join(dir, 'links_1.xml');
    writeFileSync(file, text);
    const summary = await importers(t.app).tota.import({ paths: [file], annotate: false });
    expect(summary.failures).toEqual([]);
    const stored = await em().findOneOrFail(Agreement, { totaId: '990191' });
    const r = await t.gql<{ agreement: { sources: { url: string }[] } }>(
      'query($slug: String!) { agreement(slug: $slug) { sources { url } } }',
      { slug: stored.slug },
    );
    expect(r.data!.agreement.sources.map((s) => s.url)).toEqual(['https://example.org/canada-testland']);
    const numbers = (await em().find(Provision, { agreement: stored.id })).map((p) => p.articleNumber);
    expect(numbers).toContain('16.1');
    expect(numbers.filter((n) => n && /[^\u0020-\u007e]/.test(n))).toEqual([]);
  });

  it('the API refuses the same addresses (its own check, unchanged)', async () => {
    for (const url of hostileUrls) {
      const r = (await t.gql(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
        {
          input: {
            slug: `api-hostile-source-${hostileUrls.indexOf(url)}`,
            title: 'Hostile source FTA',
            kind: 'BILATERAL',
            status: 'SIGNED',
            sources: [{ url, kind: 'OFFICIAL_TEXT' }],
          },
        },
        { key: admin },
      )) as Errors;
      expect([url, r.errors?.[0]?.extensions.code]).toEqual([url, 'BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions.fields?.map((f) => f.field)).toContain('input.sources.0.url');
    }
  });

  it('the provisions filter reads an article number as a person types it: full-width digits, the word with a colon or dash', async () => {
    const pinpoints = async (articleNumber: string) => {
      const r = await t.gql<{ provisions: { edges: { node: { pinpoint: string } }[] } }>(
        'query($f: ProvisionFilter) { provisions(first: 5, filter: $f) { edges { node { pinpoint } } } }',
        { f: { agreement: { slugs: ['eu-korea-fta'] }, articleNumber } },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.provisions.edges.map((e) => e.node.pinpoint);
    };
    const expected = await pinpoints('7.4');
    expect(expected).toEqual(['eu-korea-fta/art-7.4']);
    for (const typed of [
      '７.４',
      'Article: 7.4',
      'ARTICLE - 7.4',
      'Art. 7.4',
      'Ａｒｔｉｃｌｅ\u3000７．４',
      'artículo 7.4',
    ])
      expect([typed, await pinpoints(typed)]).toEqual([typed, expected]);
  });

  it('stores an article number typed in full-width forms as the number it is, at the API and in an import', async () => {
    const made = await t.gql<{ createAgreement: { slug: string } }>(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      { input: { slug: 'full-width-api', title: 'Full-width API FTA', kind: 'BILATERAL', status: 'SIGNED' } },
      { key: admin },
    );
    expect(made.errors).toBeUndefined();
    const added = await t.gql<{ addProvision: { articleNumber: string } }>(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { articleNumber } }',
      {
        input: {
          agreement: 'full-width-api',
          key: 'art-7.4',
          location: 'OPERATIVE',
          articleNumber: '７.４',
          text: 'Each Party may adopt measures to protect cultural expressions.',
        },
      },
      { key: admin },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addProvision.articleNumber).toBe('7.4');
    const file = writeAgreementsFile(join(dir, 'full-width-record.json'), [
      {
        slug: 'json-full-width',
        title: 'Record with a full-width article number',
        kind: 'BILATERAL',
        status: 'SIGNED',
        parties: [{ code: 'CAN' }, { code: 'HND' }],
        provisions: [
          {
            key: 'art-8',
            location: 'OPERATIVE',
            articleNumber: 'Ａｒｔｉｃｌｅ\u3000８',
            text: 'The Parties trade films.',
          },
        ],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.failures).toEqual([]);
    const stored = await em().find(
      Provision,
      { agreement: { slug: { $in: ['full-width-api', 'json-full-width'] } } },
      { orderBy: { key: 'asc' } },
    );
    expect(stored.map((p) => [p.key, p.articleNumber])).toEqual([
      ['art-7.4', '7.4'],
      ['art-8', '8'],
    ]);
    const found = await t.gql<{ provisions: { edges: { node: { pinpoint: string } }[] } }>(
      'query { provisions(first: 5, filter: { agreement: { slugs: ["full-width-api"] }, articleNumber: "7.4" }) { edges { node { pinpoint } } } }',
    );
    expect(found.data!.provisions.edges.map((e) => e.node.pinpoint)).toEqual(['full-width-api/art-7.4']);
  });

  // A draft or a treaty typed on a Chinese, Japanese or Korean keyboard: its headings' numbers in full-width digits.
  const fullWidthText = [
    'Article １',
    'Scope',
    'The Parties shall promote cultural diversity and may adopt measures to protect cultural expressions.',
    '',
    'Ａｒｔｉｃｌｅ\u3000２．１',
    'Definitions',
    'For the purposes of this Agreement, cultural goods means films, books and music.',
  ].join('\n');

  it('the draft check reads a heading numbered in full-width digits as the same article', async () => {
    const r = await t.gql<{
      checkDraft: { articles: { articleNumber: string | null; articleTitle: string | null }[] };
    }>(
      'query($d: String!) { checkDraft(input: { text: $d, parties: ["CAN", "KOR"] }) { articles { articleNumber articleTitle } } }',
      { d: fullWidthText },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.checkDraft.articles).toEqual([
      { articleNumber: '1', articleTitle: 'Scope' },
      { articleNumber: '2.1', articleTitle: 'Definitions' },
    ]);
  });

  it('import text reads the same headings as articles 1 and 2.1', async () => {
    const made = await t.gql<{ createAgreement: { slug: string } }>(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      {
        input: { slug: 'full-width-text', title: 'Full-width text FTA', kind: 'BILATERAL', status: 'SIGNED' },
      },
      { key: admin },
    );
    expect(made.errors).toBeUndefined();
    const file = join(dir, 'full-width.txt');
    writeFileSync(file, fullWidthText);
    const summary = await importers(t.app).text.import({
      paths: [file],
      agreement: 'full-width-text',
      annotate: false,
    });
    expect(summary.failures).toEqual([]);
    const provisions = await em().find(
      Provision,
      { agreement: { slug: 'full-width-text' } },
      { orderBy: { position: 'asc' } },
    );
    expect(provisions.map((p) => [p.key, p.articleNumber, p.articleTitle])).toEqual([
      ['art-1', '1', 'Scope'],
      ['art-2.1', '2.1', 'Definitions'],
    ]);
  });

  it('the compare page takes as many agreements as the comparison, and says how many it takes', async () => {
    const r = await t.gql<{ agreements: { edges: { node: { slug: string } }[] } }>(
      '{ agreements(first: 100) { edges { node { slug } } } }',
    );
    const slugs = r.data!.agreements.edges.map((e) => e.node.slug).slice(0, 50);
    expect(slugs.length).toBeGreaterThan(30);
    // Refused before as "agreements is too long (at most 30 characters)", while the file of the same comparison is served.
    const file = await t.http().get(`/reports/compare.csv?agreements=${slugs.join(',')}&section=matrix`);
    expect(file.status).toBe(200);
    const page = await t.http().get(`/compare?agreements=${slugs.join(',')}`);
    expect(page.status).toBe(200);
    const tooMany = [...slugs, ...Array.from({ length: 51 - slugs.length }, (_, i) => `no-such-${i}`)];
    for (const [lang, words] of [
      ['en', 'agreements: at most 50 agreements, not 51'],
      ['fr', 'agreements : au plus 50 accords, pas 51'],
      ['es', 'agreements: como máximo 50 acuerdos, no 51'],
    ]) {
      const refused = await t.http().get(`/compare?agreements=${tooMany.join(',')}&lang=${lang}`);
      expect([lang, refused.status]).toEqual([lang, 400]);
      expect(refused.text).toContain(words);
    }
  });

  it('import json refuses a provision position the API would not take, which broke every read of its agreement', async () => {
    for (const [i, position] of [-5, 2_147_483_648, 1.5].entries()) {
      const slug = `json-position-${i}`;
      const file = writeAgreementsFile(join(dir, `position-${i}.json`), [
        {
          slug,
          title: 'Record with an unstorable position',
          kind: 'BILATERAL',
          status: 'SIGNED',
          parties: [{ code: 'CAN' }, { code: 'HND' }],
          provisions: [{ key: 'art-1', location: 'OPERATIVE', text: 'The Parties trade films.', position }],
        },
      ]);
      const summary = await importers(t.app).json.import({ paths: [file] });
      expect([position, summary.imported]).toEqual([position, 0]);
      expect(summary.failures.map((f) => f.reason).join('\n')).toContain(
        `provisions.0.position: must be an integer from 0 to 2,147,483,647 (got ${position})`,
      );
      expect(await em().count(Agreement, { slug })).toBe(0);
    }
  });

  it('addProvision after the highest position is refused, naming the position, and the agreement stays readable', async () => {
    const add = (input: Record<string, unknown>) =>
      t.gql<{ addProvision: { key: string; position: number } }>(
        'mutation($input: AddProvisionInput!) { addProvision(input: $input) { key position } }',
        {
          input: {
            agreement: 'last-position',
            location: 'OPERATIVE',
            text: 'The Parties trade films.',
            ...input,
          },
        },
        { key: admin },
      );
    const made = await t.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      { input: { slug: 'last-position', title: 'Last position FTA', kind: 'BILATERAL', status: 'SIGNED' } },
      { key: admin },
    );
    expect(made.errors).toBeUndefined();
    expect((await add({ key: 'art-1', position: 2_147_483_647 })).errors).toBeUndefined();
    const next = await add({ key: 'art-2' });
    expect(next.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        "input.position: the agreement's last provision is at 2,147,483,647, the highest position; give this one a position",
      ],
    ]);
    expect((await add({ key: 'art-2', position: 2 })).data?.addProvision).toEqual({
      key: 'art-2',
      position: 2,
    });
    const read = await t.gql<{
      agreement: { provisions: { edges: { node: { key: string; position: number } }[] } };
    }>(
      '{ agreement(slug: "last-position") { provisions { edges { node { key position } } } } }',
      {},
      { key: admin },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.agreement.provisions.edges.map((e) => e.node)).toEqual([
      { key: 'art-2', position: 2 },
      { key: 'art-1', position: 2_147_483_647 },
    ]);
  });

  it('a variable of thousands of values that fit no type is refused once, after a bounded number of checks', async () => {
    const codes = t.app.get(GraphQLSchemaHost).schema.getType('TaxonomyCodeId') as GraphQLEnumType;
    const parsed = jest.spyOn(codes, 'parseValue');
    try {
      const r = await t.gql(
        'query($codes: [TaxonomyCodeId!]) { trends(codes: $codes) { __typename } }',
        { codes: Array.from({ length: 2_000 }, () => 'CULTURAL_EXCEPTION') },
        { key: admin },
      );
      // Before: every value was checked and its error built (with its "did you mean") by the cost's computation,
      // 40,000 of them 10 to 15 s of a core; execution then stopped at 50 errors and answered INTERNAL_SERVER_ERROR.
      expect(parsed.mock.calls.length).toBeLessThanOrEqual(2 * 51);
      expect(r.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
        [
          'BAD_USER_INPUT',
          'variables: more than 50 values do not fit their types; the first: Variable "$codes" got invalid value "CULTURAL_EXCEPTION" at "codes[0]"; Value "CULTURAL_EXCEPTION" does not exist in "TaxonomyCodeId" enum. Did you mean the enum value "CULTURAL_EXEMPTION", "CULTURAL_COOPERATION", or "HERITAGE_EXCEPTION"?',
        ],
      ]);
    } finally {
      parsed.mockRestore();
    }
    // A few wrong values are still named one by one, by execution.
    const few = await t.gql(
      'query($codes: [TaxonomyCodeId!]) { trends(codes: $codes) { __typename } }',
      { codes: ['CULTURAL_EXCEPTION', 'NOT_A_CODE'] },
      { key: admin },
    );
    expect(few.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('a variable object wider than any input type is refused unread, once', async () => {
    const filter = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`field${i}`, 1]));
    const r = await t.gql(
      'query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }',
      { filter },
      { key: admin },
    );
    // Before: each unknown field's error quoted the whole object, 2,000 errors of 2,000 fields (40,000: minutes of a
    // core), and execution's stop at 50 errors answered INTERNAL_SERVER_ERROR.
    expect(r.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(
      /^variables: an object holds 2,000 fields; no input type has more than \d+$/,
    );
    // An unknown field or two is still named by execution, as before.
    const one = await t.gql(
      'query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }',
      { filter: { kinds: ['BILATERAL'], party: 'CAN' } },
      { key: admin },
    );
    expect(one.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        expect.stringContaining(
          'Field "party" is not defined by type "AgreementFilter". Did you mean "parties"',
        ),
      ],
    ]);
  });
});

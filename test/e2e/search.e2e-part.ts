import { NO_WORDS_MESSAGE } from '../../src/search/query';
import { Role } from '../../src/auth/role.enum';
import { SearchTimeoutError } from '../../src/search/engine/search-timeout.error';
import { dialectOf } from '../../src/search/engine/dialects';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../../src/agreements/agreement.entity';
import { ProvisionLocation } from '../../src/provisions/provision-location.enum';
import { Provision } from '../../src/provisions/provision.entity';
import { refreshProvisionIndex } from '../../src/search/sync/refresh-provision-index';
import { countStatements, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

interface Hit {
  score: number;
  snippet: string;
  cursor: string;
  node: {
    id: string;
    pinpoint: string;
    location: string;
    agreement: { slug: string; dateSigned: string | null };
  };
}

interface Facet {
  value: string;
  count: number;
}

interface Search {
  totalCount: number;
  rankedCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Hit[];
  facets: { codes: Facet[]; years: Facet[]; parties: Facet[]; agreementTypes: Facet[] };
}

const SEARCH = `query ($query: String!, $filter: ProvisionFilter, $first: Int, $after: String) {
  searchProvisions(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount rankedCount pageInfo { hasNextPage endCursor }
    edges { score snippet cursor node { id pinpoint location agreement { slug dateSigned } } }
    facets { codes { value count } years { value count } parties { value count } agreementTypes { value count } }
  }
}`;

// Invented clause texts (not treaty wording): a family of four variants, each close to the one before (the first
// and the last share under half of their 5-word shingles), and one unrelated text.
const FAMILY = [
  'Each Party keeps the right to support its own storytellers, puppeteers and mural painters through grants, quotas on festival broadcasting and tax relief for small publishers, and nothing in this chapter obliges a Party to open those programmes to suppliers of the other Party or to report on them.',
  'Each Party keeps the right to support its own storytellers, puppeteers and mural painters through grants, quotas on festival broadcasting and tax relief for small publishers, and nothing in this agreement obliges a Party to open those programmes to suppliers of the other Party or to report on them.',
  'Each Party keeps the right to support its own storytellers, puppeteers, mural painters and game designers through grants, quotas on festival broadcasting and tax relief for small publishers, and nothing in this agreement obliges a Party to open those programmes to suppliers of the other Party or to report on them.',
  'Each Party keeps the right to support its own storytellers, puppeteers, mural painters and game designers through grants, quotas on festival broadcasting and tax relief for small publishers, and nothing in this agreement obliges a Party to open those programmes to suppliers of another Party or to report on them.',
];
const FAMILY_AGREEMENTS = ['nafta', 'canada-chile-fta', 'canada-peru-fta', 'canada-korea-fta'];
const UNRELATED =
  'The committee on lighthouse maintenance meets twice a year, keeps minutes in both languages and may invite harbour pilots, tide gauge keepers and coast guard officers to report on lamps, fog signals and buoys.';

const HARBOUR =
  'Fishing vessels of either Party may land their catch in the ports the other Party designates, after a sanitary inspection, with catch documents, and pay the harbour dues that domestic vessels of the same size pay.';

const RAILWAY =
  'The railway undertakings of both Parties shall accept the safety certificates of the other for rolling stock, exchange timetables a month ahead and settle the fees for the use of border stations every quarter.';

describe('search, similar clauses, lineage and comparison', () => {
  let t: TestApp;
  let editor: string;
  const familyIds: string[] = [];
  let unrelatedId: string;
  let shortId: string;

  const search = async (query: string, filter?: unknown, first = 100, after?: string) =>
    (await t.gql<{ searchProvisions: Search }>(SEARCH, { query, filter, first, after })) as GraphQLResponse<{
      searchProvisions: Search;
    }>;
  const ok = async (query: string, filter?: unknown, first = 100, after?: string) => {
    const res = await search(query, filter, first, after);
    expect(res.errors).toBeUndefined();
    return res.data!.searchProvisions;
  };
  const count = async (query: string, filter?: unknown) => (await ok(query, filter)).totalCount;
  const add = async (agreement: string, key: string, text: string, extra: Record<string, unknown> = {}) => {
    const res = await t.gql<{ addProvision: { id: string } }>(
      'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }',
      { input: { agreement, key, location: 'OPERATIVE', text, language: 'en', ...extra } },
      { key: editor },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.addProvision.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    editor = await t.createKey(Role.EDITOR);
    for (const [i, text] of FAMILY.entries())
      familyIds.push(await add(FAMILY_AGREEMENTS[i], `search-family-${i}`, text));
    unrelatedId = await add('usmca', 'search-unrelated', UNRELATED);
    shortId = await add('usmca', 'search-short', 'Puppeteers and storytellers are welcome.');
    await add(
      'ceta',
      'search-french',
      'Chaque Partie peut soutenir la diversité des expressions culturelles.',
      {
        language: 'fr',
      },
    );
  });
  afterAll(() => t.close());

  describe('searchProvisions', () => {
    it('finds a phrase in the agreements of a party, with marked snippets and facets', async () => {
      const result = await ok('"cultural industries"', { agreement: { parties: ['CAN'] } });
      expect(result.totalCount).toBeGreaterThanOrEqual(5);
      expect(result.rankedCount).toBe(result.totalCount);
      const slugs = new Set(result.edges.map((e) => e.node.agreement.slug));
      expect(slugs).toEqual(expect.objectContaining({ size: expect.any(Number) }));
      for (const slug of ['canada-peru-fta', 'canada-korea-fta', 'nafta']) expect(slugs).toContain(slug);
      for (const edge of result.edges) {
        expect(edge.snippet.toLowerCase()).toContain('«cultural industries»');
        expect(edge.score).toBeGreaterThan(0);
      }
      const scores = result.edges.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(result.facets.parties).toContainEqual({ value: 'CAN', count: result.totalCount });
      expect(result.facets.codes.map((f) => f.value)).toContain('CULTURAL_EXEMPTION');
      expect(result.facets.agreementTypes).toContainEqual({ value: 'FTA', count: result.totalCount });
    });

    it('counts each facet value as adding it to the filter would', async () => {
      const query = 'cultur*';
      const { facets, totalCount } = await ok(query);
      expect(totalCount).toBeGreaterThan(20);
      const checks: [Facet, unknown][] = [
        ...facets.parties
          .slice(0, 3)
          .map((f): [Facet, unknown] => [f, { agreement: { parties: [f.value] } }]),
        ...facets.agreementTypes
          .slice(0, 2)
          .map((f): [Facet, unknown] => [f, { agreement: { types: [f.value] } }]),
        ...facets.codes.slice(0, 2).map((f): [Facet, unknown] => [f, { annotations: { codes: [f.value] } }]),
        ...facets.years
          .slice(0, 2)
          .map((f): [Facet, unknown] => [
            f,
            { agreement: { signedFrom: `${f.value}-01-01`, signedTo: `${f.value}-12-31` } },
          ]),
      ];
      expect(checks.length).toBeGreaterThanOrEqual(7);
      for (const [facet, filter] of checks)
        expect({ facet, count: await count(query, filter) }).toEqual({ facet, count: facet.count });
      expect(facets.years.map((f) => f.value)).toEqual([...facets.years.map((f) => f.value)].sort());
    });

    it('handles prefixes, OR and NOT by set arithmetic', async () => {
      const prefix = await ok('audiovis*');
      expect(prefix.totalCount).toBeGreaterThan(3);
      for (const edge of prefix.edges) expect(edge.snippet.toLowerCase()).toMatch(/«audiovis\w*»/);
      const [a, b, both, either, aNotB] = await Promise.all([
        count('audiovisual'),
        count('broadcasting'),
        count('audiovisual broadcasting'),
        count('audiovisual OR broadcasting'),
        count('audiovisual -broadcasting'),
      ]);
      expect(both).toBeGreaterThan(0);
      expect(either).toBe(a + b - both);
      expect(aNotB).toBe(a - both);
      expect(await count('audiovisual NOT broadcasting')).toBe(aNotB);
    });

    it('ignores case and accents, in the query and in the text', async () => {
      for (const query of ['diversite', 'DIVERSITÉ', '"diversité des expressions"', 'diversit*']) {
        const result = await ok(query, { agreement: { slugs: ['ceta'] } });
        expect({ query, pinpoints: result.edges.map((e) => e.node.pinpoint) }).toEqual({
          query,
          pinpoints: expect.arrayContaining(['ceta/search-french']),
        });
      }
      const [hit] = (await ok('diversite', { languages: ['fr'] })).edges;
      expect(hit.snippet).toContain('«diversité»');
    });

    it('marks snippets as asked', async () => {
      const res = await t.gql<{ searchProvisions: { edges: { snippet: string }[] } }>(
        `{ searchProvisions(query: "diversite", filter: { languages: ["fr"] }, snippet: { open: "<mark>", close: "</mark>", words: 3 }) {
             edges { snippet } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.searchProvisions.edges[0].snippet).toBe('… la <mark>diversité</mark> des …');
      const bad = await t.gql('{ searchProvisions(query: "x", snippet: { words: 0 }) { totalCount } }');
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'snippet' });
    });

    it('applies the catalogue filters', async () => {
      const all = await count('cultural');
      const preamble = await ok('cultural', { locations: ['PREAMBLE'] });
      expect(preamble.totalCount).toBeGreaterThan(0);
      expect(preamble.totalCount).toBeLessThan(all);
      for (const edge of preamble.edges) expect(edge.node.location).toBe('PREAMBLE');
      const after2010 = await ok('cultural', { agreement: { signedFrom: '2010-01-01' } });
      for (const edge of after2010.edges) expect(edge.node.agreement.dateSigned! >= '2010-01-01').toBe(true);
      const binding = await count('cultural', { bindingForces: ['BINDING'] });
      const exemptions = await count('cultural', { annotations: { codes: ['CULTURAL_EXEMPTION'] } });
      const bindingExemptions = await count('cultural', {
        annotations: { codes: ['CULTURAL_EXEMPTION'] },
        bindingForces: ['BINDING'],
      });
      expect(binding).toBeGreaterThan(0);
      expect(bindingExemptions).toBeGreaterThan(0);
      expect(bindingExemptions).toBeLessThanOrEqual(Math.min(binding, exemptions));
      expect(
        await count('cultural', { agreement: { kinds: ['BILATERAL'], inForceOn: '2020-01-01' } }),
      ).toBeLessThan(all);
    });

    it('pages with cursors through the same ranking', async () => {
      const whole = await ok('cultural OR culture', undefined, 100);
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page += 1) {
        const result = await ok('cultural OR culture', undefined, 7, after);
        seen.push(...result.edges.map((e) => e.node.id));
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor!;
      }
      expect(seen).toEqual(whole.edges.map((e) => e.node.id).slice(0, seen.length));
      expect(seen).toHaveLength(Math.min(whole.totalCount, 100));
    });

    it('rejects malformed queries and arguments as BAD_USER_INPUT', async () => {
      const cases: [string, Record<string, unknown>, string, string?][] = [
        ['"cultural industries', {}, 'query', 'UNCLOSED_QUOTE'],
        ['NOT film', {}, 'query', 'ONLY_NOT_TERMS'],
        ['(film OR', {}, 'query', 'MISSING_OPERAND'],
        ['c*', {}, 'query', 'BAD_PREFIX'],
        ['   ', {}, 'query', 'EMPTY_QUERY'],
        ['x'.repeat(501), {}, 'query', 'QUERY_TOO_LONG'],
        ['culture', { first: 0 }, 'first'],
        ['culture', { after: 'not-a-cursor' }, 'after'],
        // Another list's cursor, and a score JSON reads as Infinity (PostgreSQL answered an internal error).
        ['culture', { after: Buffer.from('[1]').toString('base64url') }, 'after'],
        ['culture', { after: Buffer.from('[1e400,1]').toString('base64url') }, 'after'],
        ['culture', { filter: { agreement: { parties: ['XXX'] } } }, 'filter.agreement.parties'],
      ];
      for (const [query, variables, argument, syntaxError] of cases) {
        const res = await t.gql(SEARCH, { query, first: 5, ...variables });
        expect({ query, data: res.data, error: res.errors?.[0]?.extensions }).toEqual({
          query,
          data: null,
          error: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            argument,
            ...(syntaxError ? { syntaxError } : {}),
          }),
        });
      }
      // A query of signs alone is not empty, and is not told so: its signs are not searched.
      for (const query of ['\u{1F600}', '&& ;']) {
        const res = await t.gql(SEARCH, { query, first: 5 });
        expect(res.errors?.[0]).toMatchObject({
          message: `query: ${NO_WORDS_MESSAGE}`,
          extensions: { syntaxError: 'EMPTY_QUERY' },
        });
      }
      const page = await t.http().get(`/search?q=${encodeURIComponent('\u{1F600}')}`);
      expect(page.status).toBe(400);
      expect(page.text).toContain('The search has no words to look for');
    });

    it('reads a word holding a soft hyphen or a joiner (pasted from a web page or a PDF) as the word, in the query and in the text', async () => {
      // A soft hyphen or a word joiner split the word on both sides: "cul\u00ADtural" found nothing (hostile11).
      const cultural = await count('cultural');
      expect(cultural).toBeGreaterThan(0);
      for (const query of ['cul\u00adtural', 'cul\u2060tural', 'cultu\u200dral', '"cul\u00adtural\ufeff"'])
        expect({ query, count: await count(query) }).toEqual({ query, count: cultural });
      const id = await add(
        'eu-korea-fta',
        'search-shy',
        'A clause about helio\u00adtrope and mar\u2060joram.',
      );
      try {
        expect((await ok('heliotrope')).edges.map((e) => e.node.id)).toEqual([id]);
        expect((await ok('"marjoram"')).edges.map((e) => e.node.id)).toEqual([id]);
      } finally {
        const read = await t.gql<{ provision: { version: number } }>(
          `{ provision(id: "${id}") { version } }`,
        );
        await t.gql(
          'mutation ($input: RemoveProvisionInput!) { removeProvision(input: $input) { id } }',
          { input: { pinpoint: 'eu-korea-fta/search-shy', version: read.data!.provision.version } },
          { key: editor },
        );
      }
    });

    it('keeps the index in step with added, changed and removed provisions', async () => {
      const id = await add('eu-korea-fta', 'search-sync', 'A clause about quillwort and zephyrine ferries.');
      expect((await ok('quillwort')).edges.map((e) => e.node.id)).toEqual([id]);
      const read = await t.gql<{ provision: { version: number } }>(`{ provision(id: "${id}") { version } }`);
      const updated = await t.gql<{ updateProvision: { version: number } }>(
        'mutation ($input: UpdateProvisionInput!) { updateProvision(input: $input) { version } }',
        {
          input: {
            pinpoint: 'eu-korea-fta/search-sync',
            version: read.data!.provision.version,
            text: 'A clause about marram grass.',
          },
        },
        { key: editor },
      );
      expect(updated.errors).toBeUndefined();
      expect(await count('quillwort')).toBe(0);
      expect(await count('"marram grass"')).toBe(1);
      const removed = await t.gql(
        'mutation ($input: RemoveProvisionInput!) { removeProvision(input: $input) { id } }',
        { input: { pinpoint: 'eu-korea-fta/search-sync', version: updated.data!.updateProvision.version } },
        { key: editor },
      );
      expect(removed.errors).toBeUndefined();
      expect(await count('marram')).toBe(0);
    });

    it('keeps the similarity index in step with changed texts', async () => {
      const [a, b] = [
        await add('eu-japan-epa', 'search-twin-a', HARBOUR),
        await add('eu-chile-association-agreement', 'search-twin-b', HARBOUR),
      ];
      const similarTo = async (id: string) =>
        (
          await t.gql<{ similarProvisions: { provision: { id: string } }[] }>(
            `{ similarProvisions(id: "${id}") { provision { id } } }`,
          )
        ).data!.similarProvisions.map((s) => s.provision.id);
      expect(await similarTo(a)).toEqual([b]);
      const read = await t.gql<{ provision: { version: number } }>(`{ provision(id: "${b}") { version } }`);
      const updated = await t.gql(
        'mutation ($input: UpdateProvisionInput!) { updateProvision(input: $input) { version } }',
        {
          input: {
            pinpoint: 'eu-chile-association-agreement/search-twin-b',
            version: read.data!.provision.version,
            text: RAILWAY,
          },
        },
        { key: editor },
      );
      expect(updated.errors).toBeUndefined();
      expect(await similarTo(a)).not.toContain(b);
      expect(await similarTo(b)).toEqual([]);
    });

    it('indexes the provisions a flush creates from the values written as it indexes them read back', async () => {
      // Invented texts; the second holds a lone surrogate, which the database stores as U+FFFD.
      const texts = [
        'The orchard boards of both Parties shall exchange grafting records, pest reports and the names of certified nurseries every spring.',
        'The orchard boards of both Parties shall exchange pruning calendars \ud800 and frost warnings for the upland valleys every autumn.',
        'Grafting records.',
      ];
      const em = t.orm.em.fork() as EntityManager;
      const ids = await em.transactional(async (tx) => {
        const agreement = await tx.findOneOrFail(Agreement, { slug: 'usmca' });
        const provisions = texts.map((text, i) =>
          tx.create(Provision, {
            agreement,
            key: `search-held-${i}`,
            location: ProvisionLocation.OPERATIVE,
            articleNumber: `Article H.${i}`,
            articleTitle: 'Orchards',
            text,
          }),
        );
        await tx.flush();
        return provisions.map((p) => p.id);
      });
      const rows = async () => {
        const list = ids.join(', ');
        const connection = t.orm.em.getConnection();
        return [
          await connection.execute(
            `select provision_id, title, body from provision_search where provision_id in (${list}) order by provision_id`,
          ),
          await connection.execute(
            `select provision_id, words, signature from provision_signature where provision_id in (${list}) order by provision_id`,
          ),
        ];
      };
      const written = await rows();
      expect(written[0]).toHaveLength(3);
      expect(written[1]).toHaveLength(2);
      await (t.orm.em.fork() as EntityManager).transactional((tx) => refreshProvisionIndex(tx, ids));
      expect(await rows()).toEqual(written);
      await (t.orm.em.fork() as EntityManager).transactional(async (tx) => {
        tx.remove(await tx.find(Provision, { id: { $in: ids } }));
        await tx.flush();
      });
    });

    it('ranks only the first hits in id order when there are more than the candidate limit', async () => {
      const all = await ok('cultural OR culture');
      expect(all.totalCount).toBeGreaterThan(8);
      process.env.SEARCH_RANK_CANDIDATES = '5';
      try {
        const capped = await ok('cultural OR culture');
        expect(capped).toMatchObject({ totalCount: all.totalCount, rankedCount: 5 });
        const firstFive = all.edges
          .map((e) => Number(e.node.id))
          .sort((a, b) => a - b)
          .slice(0, 5);
        expect(capped.edges.map((e) => Number(e.node.id)).sort((a, b) => a - b)).toEqual(firstFive);
        expect(capped.facets).toEqual(all.facets);
      } finally {
        delete process.env.SEARCH_RANK_CANDIDATES;
      }
    });

    it('costs the same statements for a page of 5 hits as for a page of 50', async () => {
      const query = `query ($first: Int) { searchProvisions(query: "cultur*", first: $first) {
        totalCount edges { snippet node { pinpoint agreement { slug parties { party { code } } } } } } }`;
      const page = async (first: number) => {
        let res: GraphQLResponse<{ searchProvisions: { totalCount: number; edges: unknown[] } }> | undefined;
        const statements = await countStatements(t.orm, async () => {
          res = await t.gql(query, { first });
        });
        expect(res!.errors).toBeUndefined();
        const { edges, totalCount } = res!.data!.searchProvisions;
        expect(edges).toHaveLength(Math.min(first, totalCount));
        return statements;
      };
      const [small, large] = [await page(5), await page(50)];
      expect(large).toBe(small);
      // At least the parties' loader: the nested fields are batched, not fetched per hit.
      expect(small).toBeGreaterThan(0);
    });

    it('stops a statement that runs past the time limit with TIMEOUT', async () => {
      const em = t.orm.em.fork() as EntityManager;
      // A statement that runs for ten minutes (PostgreSQL) or for ever (SQLite) unless stopped: the deadline of
      // 200 ms is the thing tested, with a margin of a minute (Jest's timeout) rather than a bound of 3 s a loaded
      // machine may pass.
      const endless = dialectOf(em).withDeadline(em, 200, (all) =>
        all({
          sql:
            t.driver === 'postgresql'
              ? 'select pg_sleep(600)'
              : 'with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c',
          params: [],
        }),
      );
      await expect(endless).rejects.toBeInstanceOf(SearchTimeoutError);
      expect(await count('cultural')).toBeGreaterThan(0);
    });
  });

  describe('similarProvisions, lineage and compareProvisions', () => {
    it('finds the other members of a family, most similar first (VERBATIM)', async () => {
      const res = await t.gql<{ similarProvisions: { score: number; provision: { id: string } }[] }>(
        `{ similarProvisions(id: "${familyIds[1]}", measure: VERBATIM) { score provision { id } } }`,
      );
      expect(res.errors).toBeUndefined();
      const hits = res.data!.similarProvisions;
      expect(hits.map((h) => h.provision.id).sort()).toEqual(
        [familyIds[0], familyIds[2], familyIds[3]].sort(),
      );
      expect(hits[0].provision.id).toBe(familyIds[0]);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      for (const hit of hits) expect(hit.score).toBeGreaterThanOrEqual(0.5);
      const strict = await t.gql<{ similarProvisions: unknown[] }>(
        `{ similarProvisions(id: "${familyIds[1]}", minScore: 0.99) { score } }`,
      );
      expect(strict.data!.similarProvisions).toEqual([]);
      for (const id of [unrelatedId, shortId]) {
        const none = await t.gql<{ similarProvisions: unknown[] }>(
          `{ similarProvisions(id: "${id}") { score } }`,
        );
        expect(none.data!.similarProvisions).toEqual([]);
      }
    });

    it('orders the lineage by signature date, the earliest as template', async () => {
      const res = await t.gql<{
        lineage: {
          template: { id: string };
          truncated: boolean;
          comparable: boolean;
          members: {
            provision: { id: string; agreement: { dateSigned: string } };
            source: { id: string } | null;
            score: number | null;
            templateScore: number;
          }[];
        };
      }>(
        `{ lineage(id: "${familyIds[3]}") { template { id } truncated comparable
             members { provision { id agreement { dateSigned } } source { id } score templateScore } } }`,
      );
      expect(res.errors).toBeUndefined();
      const { lineage } = res.data!;
      expect(lineage).toMatchObject({ template: { id: familyIds[0] }, truncated: false, comparable: true });
      expect(lineage.members.map((m) => m.provision.id)).toEqual(familyIds);
      expect(lineage.members[0]).toMatchObject({ source: null, score: null, templateScore: 1 });
      expect(lineage.members.slice(1).map((m) => m.source?.id)).toEqual(familyIds.slice(0, 3));
      const dates = lineage.members.map((m) => m.provision.agreement.dateSigned);
      expect(dates).toEqual([...dates].sort());
      const short = await t.gql<{ lineage: { comparable: boolean; members: unknown[] } }>(
        `{ lineage(id: "${shortId}") { comparable members { templateScore } } }`,
      );
      expect(short.data!.lineage).toEqual({ comparable: false, members: [{ templateScore: 1 }] });
    });

    it('diffs two provisions word by word', async () => {
      const res = await t.gql<{
        compareProvisions: {
          segments: { kind: string; text: string }[];
          stats: { equalWords: number; insertedWords: number; deletedWords: number; similarity: number };
          score: number;
        };
      }>(
        `{ compareProvisions(a: "${familyIds[0]}", b: "${familyIds[3]}") {
             segments { kind text } stats { equalWords insertedWords deletedWords similarity } score } }`,
      );
      expect(res.errors).toBeUndefined();
      const { segments, stats, score } = res.data!.compareProvisions;
      const join = (kinds: string[]) =>
        segments
          .filter((s) => kinds.includes(s.kind))
          .map((s) => s.text)
          .join('');
      expect(join(['EQUAL', 'INSERT'])).toBe(FAMILY[3]);
      expect(join(['EQUAL', 'DELETE']).replace(/\s+/g, ' ')).toBe(FAMILY[0]);
      expect(segments.filter((s) => s.kind === 'INSERT').map((s) => s.text.trim())).toEqual(
        expect.arrayContaining(['agreement', 'another']),
      );
      expect(stats.equalWords).toBeGreaterThan(40);
      expect(stats.similarity).toBeGreaterThan(0.8);
      expect(score).toBeGreaterThan(0.3);
      const missing = await t.gql(`{ compareProvisions(a: "${familyIds[0]}", b: "999999") { score } }`);
      expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const bad = await t.gql(`{ similarProvisions(id: "${familyIds[0]}", minScore: 1.5) { score } }`);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minScore' });
    });
  });
});

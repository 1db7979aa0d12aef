import { ClauseIndexService } from '../../src/search/wording/clause-index.service';
import { FAMILY_QUERY, FamilyAnswer, labelledFamilies, scoreFamilies } from '../support/family-measure';
import { startCorpusApp } from '../support/corpus-app';
import { TestApp } from '../support/test-app';

interface Hit {
  snippet: string;
  node: { id: string; pinpoint: string };
}

interface Search {
  totalCount: number;
  edges: Hit[];
  facets: Record<'codes' | 'years' | 'parties' | 'agreementTypes', { value: string; count: number }[]>;
}

const SEARCH = `query ($query: String!, $filter: ProvisionFilter) {
  searchProvisions(query: $query, filter: $filter, first: 100) {
    totalCount
    edges { snippet node { id pinpoint } }
    facets { codes { value count } years { value count } parties { value count } agreementTypes { value count } }
  }
}`;

/** The cultural-industries exemptions of Canada's agreements: the wording changes from family to family. */
const CANADIAN_EXEMPTIONS = [
  'canada-us-free-trade-agreement-cusfta/art-2005',
  'nafta/art-2106',
  'canada-israel/art-10.5',
  'canada-chile-fta/art-o-06',
  'canada-costa-rica/art-xiv.6',
  'canada-peru-fta/art-2205',
  'canada-colombia-fta/art-2206',
  'canada-jordan/art-15-5',
  'canada-korea-fta/art-22.6',
];

describe('search, similar clauses and lineage over the whole ToTA corpus', () => {
  let t: TestApp;
  const ok = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const search = async (query: string, filter?: unknown) =>
    (await ok<{ searchProvisions: Search }>(SEARCH, { query, filter })).searchProvisions;
  const idOf = async (pinpoint: string) =>
    (await ok<{ provision: { id: string } }>(`{ provision(pinpoint: "${pinpoint}") { id } }`)).provision.id;

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
    // The clause index is built after the import; build it here, not inside the first request's time budget.
    await t.app.get(ClauseIndexService, { strict: false }).get();
  });
  afterAll(() => t?.close());

  it("lists the cultural-industries provisions of Canada's agreements with snippets and facets", async () => {
    const result = await search('"cultural industries"', { agreement: { parties: ['CAN'] } });
    expect(result.totalCount).toBeGreaterThanOrEqual(20);
    expect(result.totalCount).toBeLessThanOrEqual(100);
    const pinpoints = result.edges.map((e) => e.node.pinpoint);
    expect(pinpoints).toEqual(expect.arrayContaining(CANADIAN_EXEMPTIONS));
    for (const edge of result.edges) expect(edge.snippet.toLowerCase()).toContain('«cultural industries»');
    expect(result.facets.parties).toContainEqual({ value: 'CAN', count: result.totalCount });
    expect(result.facets.codes.map((f) => f.value)).toContain('CULTURAL_EXEMPTION');
    const years = result.facets.years.map((f) => Number(f.value));
    expect(Math.min(...years)).toBeLessThanOrEqual(1992);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2014);
    expect(result.facets.agreementTypes.length).toBeGreaterThan(0);
  });

  it('answers phrase, prefix, OR and NOT queries consistently, and rejects malformed ones', async () => {
    const phrase = await search('"cultural industries"');
    const words = await search('cultural industries');
    expect(phrase.totalCount).toBeGreaterThan(30);
    expect(words.totalCount).toBeGreaterThanOrEqual(phrase.totalCount);
    const prefix = await search('audiovis*');
    expect(prefix.totalCount).toBeGreaterThan(50);
    for (const edge of prefix.edges) expect(edge.snippet.toLowerCase()).toMatch(/«audiovis/);
    const [film, cinema, either, filmNotCinema, both] = await Promise.all(
      ['film', 'cinema', 'film OR cinema', 'film -cinema', 'film cinema'].map((query) => search(query)),
    );
    expect(either.totalCount).toBe(film.totalCount + cinema.totalCount - both.totalCount);
    expect(filmNotCinema.totalCount).toBe(film.totalCount - both.totalCount);
    // Accents are folded on both sides: the Spanish texts write "electrónico".
    const [folded, accented] = await Promise.all([
      search('"comercio electronico"'),
      search('"Comercio Electrónico"'),
    ]);
    expect(folded.totalCount).toBeGreaterThan(10);
    expect(accented.totalCount).toBe(folded.totalCount);
    expect(folded.edges[0].snippet.toLowerCase()).toContain('«comercio electrónico»');
    for (const query of ['"cultural industries', 'NOT film', 'film OR', 'c*']) {
      const res = await t.gql(SEARCH, { query });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    }
  });

  it('finds the reworded members of the Canadian cultural-industries exemption family, back to 1988', async () => {
    const korea = await idOf('canada-korea-fta/art-22.6');
    const similar = await ok<{ similarProvisions: { score: number; provision: { pinpoint: string } }[] }>(
      `{ similarProvisions(id: "${korea}") { score provision { pinpoint } } }`,
    );
    expect(similar.similarProvisions.map((s) => s.provision.pinpoint)).toEqual(
      expect.arrayContaining([
        'canada-jordan/art-15-5',
        'canada-panama-fta/art-23.06',
        'canada-ukraine/art-18.6',
      ]),
    );
    const lineage = await ok<{
      lineage: {
        template: { pinpoint: string };
        members: { provision: { pinpoint: string; agreement: { dateSigned: string } } }[];
      };
    }>(
      `{ lineage(id: "${korea}") { template { pinpoint } members { provision { pinpoint agreement { dateSigned } } } } }`,
    );
    expect(lineage.lineage.template.pinpoint).toBe('canada-us-free-trade-agreement-cusfta/art-2005');
    const members = lineage.lineage.members.map((m) => m.provision.pinpoint);
    expect(members).toEqual(
      expect.arrayContaining([
        'canada-israel/art-10.5',
        'canada-costa-rica/art-xiv.6',
        'canada-peru-fta/art-2205',
      ]),
    );
    const dates = lineage.lineage.members.map((m) => m.provision.agreement.dateSigned);
    expect(dates).toEqual([...dates].sort());
  });

  it('finds Japan-Australia 13.4 for US-Australia 16.4 at the default threshold', async () => {
    const us = await idOf('us-australia-fta/art-16.4');
    const similar = await ok<{ similarProvisions: { score: number; provision: { pinpoint: string } }[] }>(
      `{ similarProvisions(id: "${us}") { score provision { pinpoint } } }`,
    );
    const japan = similar.similarProvisions.find(
      (s) => s.provision.pinpoint === 'japan-australia-epa/art-13.4',
    );
    expect(japan?.score).toBeGreaterThan(0.45);
  });

  it('finds the OCR-damaged 1988 original by phrase search', async () => {
    const result = await search('"exempt from the provisions"', { agreement: { parties: ['CAN'] } });
    expect(result.edges.map((e) => e.node.pinpoint)).toContain(
      'canada-us-free-trade-agreement-cusfta/art-2005',
    );
  });

  it('measures clauseFamily against the hand-labelled families', async () => {
    const score = await scoreFamilies(
      async (pinpoint) =>
        (await ok<{ clauseFamily: FamilyAnswer }>(FAMILY_QUERY, { id: await idOf(pinpoint) })).clauseFamily,
    );
    expect(score.families).toHaveLength(6);
    expect(score.families.filter((f) => f.split === 'held-out')).toHaveLength(3);
    for (const family of labelledFamilies()) {
      expect(family.members.length).toBeGreaterThanOrEqual(6);
      const years = family.members.map((m) => Number(m.dateSigned.slice(0, 4)));
      expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(10);
    }
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
    // 5 of 6 until 5 December 2026 (truth8): EU - Mexico's text (Joint Council Decision 2/2001, dated 1997 by its
    // record) was the audiovisual family's template; left out, the family found from Chile (2002), now its earliest
    // labelled member, starts at EFTA - Mexico (2000), which is no member (an EFTA article), so that template is missed.
    expect(score.templatesCorrect).toBeGreaterThanOrEqual(4);
    // The target; measured 0.848 (39/46) on 2026-12-03 after the label review, 0.913 (42/46) in run 5 (see
    // the README).
    expect(score.sourceShare).toBeGreaterThanOrEqual(0.8);
  });

  it("follows Croatia's two-sentence cultural cooperation article to the Europe Agreement that holds it", async () => {
    // Croatia 2001 keeps Hungary 1991's first two sentences: all its features are in Hungary's article, whose
    // Jaccard similarity to it is 0.15 (the rest of Hungary's article counts in the union).
    const croatia = await idOf('eu-croatia/art-95');
    const family = await ok<{ clauseFamily: { members: { provision: { pinpoint: string } }[] } }>(
      `{ clauseFamily(id: "${croatia}") { members { provision { pinpoint } } } }`,
    );
    expect(family.clauseFamily.members.map((m) => m.provision.pinpoint)).toEqual(
      expect.arrayContaining([
        'ec-hungary-europe-agreement/art-97',
        'ec-romania-europe-agreement/art-99',
        'eu-albania/art-101',
      ]),
    );
  });

  it('traces the definition of cultural industries from NAFTA through later Canadian agreements', async () => {
    const nafta = await idOf('nafta/art-2107');
    const lineage = await ok<{
      lineage: {
        template: { pinpoint: string; agreement: { dateSigned: string } };
        members: { provision: { pinpoint: string } }[];
      };
    }>(
      `{ lineage(id: "${nafta}") { template { pinpoint agreement { dateSigned } } members { provision { pinpoint } } } }`,
    );
    const members = lineage.lineage.members.map((m) => m.provision.pinpoint);
    const chain = [
      'nafta/art-2107',
      'canada-israel/art-10.6',
      'canada-chile-fta/art-o-07',
      'canada-costa-rica/art-xiv.7',
    ];
    expect(members.filter((p) => chain.includes(p))).toEqual(chain);
    expect(lineage.lineage.template.agreement.dateSigned <= '1992-12-17').toBe(true);
  });
});

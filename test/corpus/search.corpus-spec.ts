import { join } from 'node:path';
import { corpusDir } from '../../src/common/paths';
import { TotaImportService, totaFilesIn } from '../../src/ingest/tota-import.service';
import { startTestApp, TestApp } from '../support/test-app';

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
    t = await startTestApp({ rateLimits: false });
    const summary = await t.app
      .get(TotaImportService, { strict: false })
      .importFiles(totaFilesIn([join(corpusDir(), 'tota', 'xml')]), { annotate: true });
    expect(summary.failures).toEqual([]);
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

  it('finds the other members of a Canadian cultural-industries exemption family, earliest first in the lineage', async () => {
    const colombia = await idOf('canada-colombia-fta/art-2206');
    const similar = await ok<{ similarProvisions: { score: number; provision: { pinpoint: string } }[] }>(
      `{ similarProvisions(id: "${colombia}") { score provision { pinpoint } } }`,
    );
    expect(similar.similarProvisions.map((s) => s.provision.pinpoint)).toEqual(
      expect.arrayContaining(['canada-peru-fta/art-2205', 'canada-jordan/art-15-5']),
    );
    const lineage = await ok<{
      lineage: {
        template: { pinpoint: string };
        members: { provision: { pinpoint: string; agreement: { dateSigned: string } } }[];
      };
    }>(
      `{ lineage(id: "${colombia}", minScore: 0.3) {
           template { pinpoint } members { provision { pinpoint agreement { dateSigned } } } } }`,
    );
    const members = lineage.lineage.members.map((m) => m.provision.pinpoint);
    expect(lineage.lineage.template.pinpoint).toBe('canada-peru-fta/art-2205');
    expect(members.slice(0, 3)).toEqual([
      'canada-peru-fta/art-2205',
      'canada-colombia-fta/art-2206',
      'canada-jordan/art-15-5',
    ]);
    expect(members).toContain('canada-korea-fta/art-22.6');
    const dates = lineage.lineage.members.map((m) => m.provision.agreement.dateSigned);
    expect(dates).toEqual([...dates].sort());
  });

  it('traces the definition of cultural industries from NAFTA through later Canadian agreements', async () => {
    const nafta = await idOf('nafta/art-2107');
    const lineage = await ok<{
      lineage: { members: { provision: { pinpoint: string }; templateScore: number }[] };
    }>(`{ lineage(id: "${nafta}") { members { provision { pinpoint } templateScore } } }`);
    expect(lineage.lineage.members.map((m) => m.provision.pinpoint)).toEqual([
      'nafta/art-2107',
      'canada-israel/art-10.6',
      'canada-chile-fta/art-o-07',
      'canada-costa-rica/art-xiv.7',
    ]);
  });
});

import { rawSqlMessages } from '../support/no-raw-sql';

const SELECT = `
import { EntityManager } from '@mikro-orm/knex';
export async function slugs(em: EntityManager, ids: number[]): Promise<string[]> {
  const rows = await em.execute<{ slug: string }[]>('select ag."slug" from agreement ag where ag."id" = ?', ids);
  return rows.map((r) => r.slug);
}
`;

describe('local/no-raw-sql in reports and search: statements in repositories and engine adapters only', () => {
  let results: string[][];

  beforeAll(() => {
    results = rawSqlMessages([
      { path: 'src/reports/trends/trends-slugs.service.ts', code: SELECT },
      { path: 'src/search/similar/similar-slugs.service.ts', code: SELECT },
      { path: 'src/search/sync/refresh-slugs.ts', code: SELECT },
      { path: 'src/reports/repository/slugs.repository.ts', code: SELECT },
      { path: 'src/search/repository/slugs.repository.ts', code: SELECT },
      { path: 'src/search/engine/sqlite/sqlite-slugs.ts', code: SELECT },
      // The files that held statements before they moved.
      { path: 'src/reports/trends/trends.service.ts' },
      { path: 'src/reports/coherence/coherence-data.loader.ts' },
      { path: 'src/reports/flows/flows.service.ts' },
      { path: 'src/reports/comparison/comparison.service.ts' },
      { path: 'src/search/similar/similarity.service.ts' },
      { path: 'src/search/similar/similarity-index.ts' },
      { path: 'src/search/wording/clause-index.service.ts' },
      { path: 'src/search/draft/draft-check.service.ts' },
      { path: 'src/search/propagation/family-propagation.listener.ts' },
      { path: 'src/search/sync/refresh-provision-index.ts' },
    ]);
  }, 120_000);

  it('reports a statement in a report or search service', () => {
    for (const messages of results.slice(0, 3))
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^execute\(\): SQL belongs in a repository/),
          expect.stringMatching(/^this text reads as SQL/),
        ]),
      );
  });

  it('accepts it in the repositories of reports and search and in search engine adapters', () => {
    expect(results.slice(3, 6)).toEqual([[], [], []]);
  });

  it('finds no SQL left in the services that used to hold it', () => {
    expect(results.slice(6)).toEqual(results.slice(6).map(() => []));
  });
});

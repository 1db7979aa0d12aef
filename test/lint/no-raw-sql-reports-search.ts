const SELECT = `
import { EntityManager } from '@mikro-orm/knex';
export async function slugs(em: EntityManager, ids: number[]): Promise<string[]> {
  const rows = await em.execute<{ slug: string }[]>('select ag."slug" from agreement ag where ag."id" = ?', ids);
  return rows.map((r) => r.slug);
}
`;

const BUILT = `
import { EntityManager } from '@mikro-orm/knex';
import { rowsOf } from '../../common/sql';
export async function slugs(em: EntityManager, ids: number[]): Promise<string[]> {
  const rows = await rowsOf<{ slug: string }>(em, em.getKnex().select('ag.slug').from('agreement as ag').whereIn('ag.id', ids));
  return rows.map((r) => r.slug);
}
`;

const RAW_BUILT = `
import { EntityManager } from '@mikro-orm/knex';
import { rowsOf } from '../../common/sql';
export const slugs = (em: EntityManager) =>
  rowsOf(em, em.getKnex().select('ag.slug').from('agreement as ag').whereRaw('ag.id > 0'));
`;

/** The repositories of reports and search, built with Knex. */
const REPOSITORIES = [
  'src/reports/repository/report-queries.ts',
  'src/reports/repository/coherence.repository.ts',
  'src/reports/repository/trends.repository.ts',
  'src/reports/repository/sql-values.ts',
  'src/search/repository/clause-index.repository.ts',
  'src/search/repository/draft-check.repository.ts',
  'src/search/repository/propagation.repository.ts',
  'src/search/repository/provision-index.repository.ts',
  'src/search/repository/similarity.repository.ts',
];

/** The cases of reports and search, linted in one ESLint run with the core's (`no-raw-sql.spec.ts`). */
export const REPORTS_SEARCH_CASES: { path: string; code?: string }[] = [
  { path: 'src/reports/trends/trends-slugs.service.ts', code: SELECT },
  { path: 'src/search/similar/similar-slugs.service.ts', code: SELECT },
  { path: 'src/search/sync/refresh-slugs.ts', code: SELECT },
  { path: 'src/reports/repository/slugs.repository.ts', code: SELECT },
  { path: 'src/search/repository/slugs.repository.ts', code: SELECT },
  { path: 'src/search/engine/sqlite/sqlite-slugs.ts', code: SELECT },
  { path: 'src/reports/repository/slugs.repository.ts', code: BUILT },
  { path: 'src/search/repository/slugs.repository.ts', code: BUILT },
  { path: 'src/reports/repository/slugs.repository.ts', code: RAW_BUILT },
  { path: 'src/search/repository/slugs.repository.ts', code: RAW_BUILT },
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
  // The repositories as they are.
  ...REPOSITORIES.map((path) => ({ path })),
];

/** The checks on the messages ESLint gave REPORTS_SEARCH_CASES, in their order. */
export function describeReportsSearch(messages: () => string[][]): void {
  describe('local/no-raw-sql in reports and search: Knex builders in repositories, SQL text in engine adapters only', () => {
    let results: string[][];

    beforeAll(() => {
      results = messages();
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

    it('refuses SQL text and string statements in the repositories of reports and search', () => {
      for (const messages of results.slice(3, 5))
        expect(messages).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^execute\(\): build the statement with Knex/),
            expect.stringMatching(/^this text reads as SQL: build the statement with Knex/),
          ]),
        );
    });

    it('accepts SQL text in a search engine adapter (full text that Knex cannot say)', () => {
      expect(results[5]).toEqual([]);
    });

    it('accepts a Knex builder in those repositories, and refuses its raw calls', () => {
      expect(results.slice(6, 8)).toEqual([[], []]);
      for (const messages of results.slice(8, 10))
        expect(messages).toEqual([expect.stringMatching(/^whereRaw\(\): build the statement with Knex/)]);
    });

    it('finds no SQL left in the services that used to hold it, nor any SQL text in the repositories', () => {
      expect(results.slice(10)).toEqual(results.slice(10).map(() => []));
    });
  });
}

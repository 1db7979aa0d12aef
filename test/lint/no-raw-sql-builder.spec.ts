import { rawSqlMessages } from '../support/no-raw-sql';

const STRING_STATEMENT = `
import { EntityManager } from '@mikro-orm/knex';
export const slugs = (em: EntityManager, kind: string) =>
  em.execute('select "slug" from agreement where "kind" = ? order by "slug"', [kind]);
`;

const RAW_FRAGMENT = `
import { EntityManager } from '@mikro-orm/knex';
export const slugs = (em: EntityManager, kind: string) =>
  em.execute(em.getKnex().select('slug').from('agreement').whereRaw('kind = ?', [kind]));
`;

const BUILT = `
import { EntityManager } from '@mikro-orm/knex';
export const slugs = (em: EntityManager, kind: string) =>
  em.execute(em.getKnex().select('slug').from('agreement').where('kind', kind).orderBy('slug'));
`;

describe('local/no-raw-sql in a repository built with the Knex builder (src/ingest/repository)', () => {
  let results: string[][];

  beforeAll(() => {
    results = rawSqlMessages([
      { path: 'src/ingest/repository/slugs.repository.ts', code: STRING_STATEMENT },
      { path: 'src/ingest/repository/slugs.repository.ts', code: RAW_FRAGMENT },
      { path: 'src/ingest/repository/slugs.repository.ts', code: BUILT },
      { path: 'src/ingest/repository/export.repository.ts' },
      { path: 'src/ingest/repository/agreement-record.repository.ts' },
    ]);
  }, 120_000);

  it('reports SQL text and raw fragments', () => {
    expect(results[0]).toEqual([expect.stringMatching(/^this text reads as SQL/)]);
    expect(results[1]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^whereRaw\(\): raw SQL in a repository built with/)]),
    );
  });

  it('accepts a statement built with Knex, and the folder as it is', () => {
    expect(results.slice(2)).toEqual([[], [], []]);
  });
});

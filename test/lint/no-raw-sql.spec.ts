import { rawSqlMessages } from '../support/no-raw-sql';

const SELECT = `
import { EntityManager } from '@mikro-orm/knex';
export async function slugs(em: EntityManager, kind: string): Promise<string[]> {
  const rows = await em
    .getConnection()
    .execute<{ slug: string }[]>('select "slug" from agreement where "kind" = ? order by "slug"', [kind]);
  return rows.map((r) => r.slug);
}
`;

const FRAGMENT = `
export const signedAfter = (alias: string, date: string) => ({ sql: \`\${alias}."date_signed" >= ?\`, params: [date] });
`;

const BUILDER_IMPORT = `
import { inList, SqlCondition } from '../common/sql';
export const ids = (values: number[]): SqlCondition => inList(values);
`;

const MESSAGES = `
export function refuse(slug: string, status: string): never {
  if (status === 'ARCHIVED') throw new Error(\`agreement "\${slug}" is archived: select another one from the list\`);
  throw new Error(\`"\${slug}" is not in the catalogue; where it comes from is unknown\`);
}
`;

describe('local/no-raw-sql (eslint.config.mjs): SQL only in repositories and engine adapters', () => {
  let results: string[][];

  beforeAll(() => {
    results = rawSqlMessages([
      { path: 'src/agreements/agreement-slugs.service.ts', code: SELECT },
      { path: 'src/agreements/repository/agreement-slugs.repository.ts', code: SELECT },
      { path: 'src/database/agreement-slugs.ts', code: SELECT },
      { path: 'src/web/pages/slugs.page.ts', code: FRAGMENT },
      { path: 'src/provisions/repository/signed.conditions.ts', code: FRAGMENT },
      { path: 'src/annotations/annotation.loaders.ts', code: BUILDER_IMPORT },
      { path: 'src/agreements/agreement-mutations.service.ts', code: MESSAGES },
    ]);
  }, 120_000);

  it('reports a SELECT run from a service: the call and the statement', () => {
    const [service] = results;
    expect(service).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^getConnection\(\): SQL belongs in a repository/),
        expect.stringMatching(/^execute\(\): SQL belongs in a repository/),
        expect.stringMatching(/^this text reads as SQL/),
      ]),
    );
  });

  it('accepts the same text in a repository and in an engine adapter (src/database)', () => {
    expect(results[1]).toEqual([]);
    expect(results[2]).toEqual([]);
  });

  it('reports a SQL fragment outside a repository, not inside one', () => {
    expect(results[3]).toEqual([expect.stringMatching(/^this text reads as SQL/)]);
    expect(results[4]).toEqual([]);
  });

  it('reports importing the fragment builders of common/sql, but not their types', () => {
    expect(results[5]).toEqual([expect.stringMatching(/^inList builds SQL/)]);
  });

  it('leaves messages meant for people alone, quotes and "select ... from" included', () => {
    expect(results[6]).toEqual([]);
  });
});

import { rawSqlMessages } from '../support/no-raw-sql';
import { describeReportsSearch, REPORTS_SEARCH_CASES } from './no-raw-sql-reports-search';

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

const BUILT = `
import { EntityManager } from '@mikro-orm/knex';
import { from, rowsOf, containsText } from '../../common/sql';
export async function slugs(em: EntityManager, kind: string, title: string): Promise<string[]> {
  const qb = from(em, 'agreement as a').select('a.slug').where('a.kind', kind).where(containsText(['a.title'], title));
  const rows = await rowsOf<{ slug: string }>(em, qb.orderBy('a.slug'));
  return rows.map((r) => r.slug);
}
`;

const RAW_BUILT = `
import { EntityManager } from '@mikro-orm/knex';
import { from, rowsOf } from '../../common/sql';
export const slugs = (em: EntityManager, kind: string) =>
  rowsOf(em, from(em, 'agreement as a').select('a.slug').whereRaw('lower(??) = ?', ['a.kind', kind]).orderByRaw('1'));
`;

const MESSAGES = `
export function refuse(slug: string, status: string): never {
  if (status === 'ARCHIVED') throw new Error(\`agreement "\${slug}" is archived: select another one from the list\`);
  throw new Error(\`"\${slug}" is not in the catalogue; where it comes from is unknown\`);
}
`;

/** The files of the folders built with Knex (builder mode). */
const CORE_FILES = [
  'src/agreements/repository/agreement.conditions.ts',
  'src/agreements/repository/agreement.repository.ts',
  'src/provisions/repository/provision.conditions.ts',
  'src/provisions/repository/provision.repository.ts',
  'src/annotations/repository/annotation.conditions.ts',
  'src/annotations/repository/annotation.repository.ts',
  'src/parties/repository/party.conditions.ts',
  'src/parties/repository/party.repository.ts',
  'src/bindings/repository/binding.conditions.ts',
  'src/bindings/repository/binding.repository.ts',
  'src/taxonomy/repository/taxonomy.repository.ts',
  'src/audit/repository/audit.repository.ts',
  'src/common/pagination/page-query.ts',
  'src/common/pagination/keyset.ts',
  'src/common/row-mapper.ts',
  'src/ingest/repository/export.repository.ts',
  'src/ingest/repository/agreement-record.repository.ts',
];

const CORE_CASES: { path: string; code?: string }[] = [
  { path: 'src/agreements/agreement-slugs.service.ts', code: SELECT },
  { path: 'src/agreements/repository/agreement-slugs.repository.ts', code: SELECT },
  { path: 'src/database/agreement-slugs.ts', code: SELECT },
  { path: 'src/web/pages/slugs.page.ts', code: FRAGMENT },
  { path: 'src/provisions/repository/signed.conditions.ts', code: FRAGMENT },
  { path: 'src/annotations/annotation.loaders.ts', code: BUILDER_IMPORT },
  { path: 'src/agreements/agreement-mutations.service.ts', code: MESSAGES },
  { path: 'src/agreements/repository/agreement-slugs.repository.ts', code: BUILT },
  { path: 'src/parties/repository/party-slugs.repository.ts', code: RAW_BUILT },
  { path: 'src/bindings/repository/binding-ids.ts', code: BUILDER_IMPORT },
  { path: 'src/common/sql.ts', code: RAW_BUILT },
  { path: 'src/ingest/repository/export-slugs.repository.ts', code: SELECT },
  { path: 'src/agreements/agreements.service.ts', code: BUILT },
  // The converted folders as they are.
  ...CORE_FILES.map((path) => ({ path })),
];

let linted: string[][] | undefined;
/**
 * The messages of the core's cases, then of reports and search: one ESLint run for both (a child process that
 * loads ESLint and the config, seconds of CPU each time).
 */
const lint = (): string[][] => (linted ??= rawSqlMessages([...CORE_CASES, ...REPORTS_SEARCH_CASES]));

describe('local/no-raw-sql (eslint.config.mjs): SQL only in repositories and engine adapters', () => {
  let results: string[][];

  beforeAll(() => {
    results = lint().slice(0, CORE_CASES.length);
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

  it('accepts the same text in an engine adapter (src/database), not in a core repository (built with Knex)', () => {
    expect(results[1]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^execute\(\): build the statement with Knex/),
        expect.stringMatching(/^getConnection\(\): build the statement with Knex/),
        expect.stringMatching(/^this text reads as SQL: build the statement with Knex/),
      ]),
    );
    expect(results[2]).toEqual([]);
  });

  it('reports a SQL fragment outside a repository and inside a core one', () => {
    expect(results[3]).toEqual([expect.stringMatching(/^this text reads as SQL: SQL belongs/)]);
    expect(results[4]).toEqual([
      expect.stringMatching(/^this text reads as SQL: build the statement with Knex/),
    ]);
  });

  it('accepts a Knex builder in a core repository; refuses raw calls there, not in the expression module', () => {
    expect(results[7]).toEqual([]);
    expect(results[8]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^whereRaw\(\): build the statement with Knex/),
        expect.stringMatching(/^orderByRaw\(\): build the statement with Knex/),
      ]),
    );
    expect(results[10]).toEqual([]);
  });

  it('refuses the deprecated string fragments in a core repository', () => {
    expect(results[9]).toEqual([expect.stringMatching(/^inList is a deprecated SQL string fragment/)]);
  });

  it('refuses SQL strings in the ingest repositories too (built with Knex), and any builder in a service', () => {
    expect(results[11]).toEqual(expect.arrayContaining([expect.stringMatching(/^this text reads as SQL/)]));
    expect(results[12]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^from builds SQL/),
        expect.stringMatching(/^rowsOf builds SQL/),
      ]),
    );
  });

  it('finds nothing in the converted folders as they are', () => {
    expect(results.slice(13)).toEqual(CORE_FILES.map(() => []));
  });

  it('reports importing the fragment builders of common/sql, but not their types', () => {
    expect(results[5]).toEqual([expect.stringMatching(/^inList builds SQL/)]);
  });

  it('leaves messages meant for people alone, quotes and "select ... from" included', () => {
    expect(results[6]).toEqual([]);
  });
});

describeReportsSearch(() => lint().slice(CORE_CASES.length));

import { DEFAULT_MATCH_STATUSES } from '../../src/annotations/dto/annotation-match.input';
import { ProvisionFilter } from '../../src/provisions/dto/provision-filter.input';
import { provisionConditions } from '../../src/provisions/repository/provision.conditions';
import { SearchRequest } from '../../src/search/engine/search-index';
import { rankCandidates } from '../../src/search/engine/search-limits';
import {
  countStatement,
  facetsStatement,
  rankBoundStatement,
  rankStatement,
} from '../../src/search/engine/search-sql';
import { sqliteFullText } from '../../src/search/engine/sqlite/sqlite-full-text';
import { inList } from '../../src/common/sql';
import { parseQuery } from '../../src/search/search.service';
import { RawSqlite } from './raw-sqlite';

export const PAGE = 10;

/**
 * The same search as bare SQL on a node-sqlite3 connection: the count, the ranked page, the page's provisions
 * with their agreements, and the facets, with no HTTP, GraphQL, ORM or snippet work around them.
 */
export async function bareSearch(
  db: RawSqlite,
  query: string,
  filter: ProvisionFilter | null,
): Promise<number> {
  const request: SearchRequest = {
    query: parseQuery(query),
    conditions: provisionConditions(filter),
    annotationStatuses: DEFAULT_MATCH_STATUSES,
  };
  const run = <T>({ sql, params }: { sql: string; params: unknown[] }) => db.all<T>(sql, params);
  const [{ total }] = await run<{ total: number }>(countStatement(sqliteFullText, request));
  const count = { total, rankBound: null as number | null };
  if (total > rankCandidates()) {
    count.rankBound = (await run<{ id: number }>(rankBoundStatement(sqliteFullText, request)))[0].id;
  }
  const hits = count.total
    ? await run<{ id: number }>(rankStatement(sqliteFullText, request, count, PAGE + 1, null))
    : [];
  if (hits.length) {
    const ids = inList(hits.slice(0, PAGE).map((hit) => hit.id));
    await db.all(
      `select p.*, a."slug", a."short_title", a."date_signed" from provision p join agreement a on a."id" = p."agreement_id" where p."id" in ${ids.sql}`,
      ids.params,
    );
  }
  await run(facetsStatement(sqliteFullText, request));
  return count.total;
}

/** Only the ranked page: the single statement a hand-written search would start from. */
export async function bareRankOnly(
  db: RawSqlite,
  query: string,
  filter: ProvisionFilter | null,
): Promise<void> {
  const request: SearchRequest = {
    query: parseQuery(query),
    conditions: provisionConditions(filter),
    annotationStatuses: DEFAULT_MATCH_STATUSES,
  };
  const { sql, params } = rankStatement(
    sqliteFullText,
    request,
    { total: 0, rankBound: null },
    PAGE + 1,
    null,
  );
  await db.all(sql, params);
}

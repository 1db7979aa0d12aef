import { and, inList, SqlCondition } from '../../common/sql';
import { SearchQuery } from '../query';
import { RankCursor, SearchCount, SearchRequest } from './search-index';
import { rankCandidates } from './search-limits';

/** How a driver's full-text index enters the search statements. */
export interface FullTextSql {
  /** FROM clause: the index's matches, joined to `pr` (provision) and `a` (agreement). */
  from: string;
  /** The hit's provision id. */
  id: string;
  match(query: SearchQuery): SqlCondition;
  /** Relevance, higher is better. */
  score(query: SearchQuery): SqlCondition;
}

function statement(parts: (string | SqlCondition)[]): SqlCondition {
  return {
    sql: parts.map((part) => (typeof part === 'string' ? part : part.sql)).join(' '),
    params: parts.flatMap((part) => (typeof part === 'string' ? [] : part.params)),
  };
}

function hitsWhere(index: FullTextSql, request: SearchRequest, extra: SqlCondition[] = []): SqlCondition {
  return and([index.match(request.query), ...request.conditions, ...extra]);
}

export function countStatement(index: FullTextSql, request: SearchRequest): SqlCondition {
  return statement([`select count(*) as "total" from ${index.from} where`, hitsWhere(index, request)]);
}

/** The id of the last hit the ranking covers, in id order: asked only when there are more hits than that. */
export function rankBoundStatement(index: FullTextSql, request: SearchRequest): SqlCondition {
  return statement([
    `select ${index.id} as "id" from ${index.from} where`,
    hitsWhere(index, request),
    { sql: `order by ${index.id} limit 1 offset ?`, params: [rankCandidates() - 1] },
  ]);
}

export function rankStatement(
  index: FullTextSql,
  request: SearchRequest,
  count: SearchCount,
  limit: number,
  after: RankCursor | null,
): SqlCondition {
  const bound = count.rankBound === null ? [] : [{ sql: `${index.id} <= ?`, params: [count.rankBound] }];
  const afterCursor: SqlCondition = after
    ? {
        sql: 'where (r."score" < ? or (r."score" = ? and r."id" > ?))',
        params: [after.score, after.score, after.id],
      }
    : { sql: '', params: [] };
  return statement([
    `select r."id", r."score" from (select ${index.id} as "id",`,
    index.score(request.query),
    `as "score" from ${index.from} where`,
    hitsWhere(index, request, bound),
    ') r',
    afterCursor,
    `order by r."score" desc, r."id" asc limit ${limit}`,
  ]);
}

/** The rows of these provisions and of their agreements. */
export function pageRowsStatements(ids: number[]): [SqlCondition, SqlCondition] {
  const list = inList(ids);
  return [
    { sql: `select * from provision where "id" in ${list.sql}`, params: list.params },
    {
      sql: `select * from agreement where "id" in (select "agreement_id" from provision where "id" in ${list.sql})`,
      params: list.params,
    },
  ];
}

/**
 * All four facets in one statement: the hits once, grouped per agreement before the joins to the (small)
 * agreement tables; the party rows only for the agreements that have hits.
 */
export function facetsStatement(index: FullTextSql, request: SearchRequest): SqlCondition {
  const statuses = inList(request.annotationStatuses);
  return statement([
    `with h as materialized (select pr."id", pr."agreement_id" from ${index.from} where`,
    hitsWhere(index, request),
    `), ha as materialized (select "agreement_id", count(*) as "n" from h group by "agreement_id")
     select 'code' as "facet", an."code" as "value", count(distinct an."provision_id") as "count"
       from annotation an where an."provision_id" in (select "id" from h) and an."status" in`,
    statuses,
    `group by an."code"
     union all
     select 'year', substr(a."date_signed", 1, 4), sum(ha."n") from ha join agreement a on a."id" = ha."agreement_id"
       where a."date_signed" is not null group by substr(a."date_signed", 1, 4)
     union all
     select 'party', pa."party_code", sum(ha."n") from ha
       join agreement_binding pa on pa."agreement_id" = ha."agreement_id" group by pa."party_code"
     union all
     select 'type', t."type", sum(ha."n") from ha join agreement_type t on t."agreement_id" = ha."agreement_id"
       group by t."type"`,
  ]);
}

import { EntityManager } from '@mikro-orm/knex';
import {
  FacetRow,
  RankCursor,
  Row,
  SearchCount,
  SearchIndex,
  SearchPage,
  SearchRequest,
} from './search-index';
import { rankCandidates, searchTimeLimitMs } from './search-limits';
import { SearchDialect } from './search-dialect';
import {
  countStatement,
  facetsStatement,
  pageRowsStatements,
  rankBoundStatement,
  rankStatement,
} from './search-sql';

/**
 * The statements of search-sql.ts around the engine's full-text index, each search step under a time limit that
 * the engine enforces in its own way (both from the engine's SearchDialect).
 */
export class SqlSearchIndex implements SearchIndex {
  constructor(
    private readonly em: EntityManager,
    private readonly dialect: SearchDialect,
  ) {}

  search(request: SearchRequest, limit: number, after: RankCursor | null): Promise<SearchPage> {
    return this.dialect.withDeadline(this.em, searchTimeLimitMs(), async (all) => {
      const [row] = await all<{ total: unknown }>(countStatement(this.dialect.fullText, request));
      const count: SearchCount = { total: Number(row.total), rankBound: null };
      if (count.total === 0) return { ...count, hits: [], provisionRows: [], agreementRows: [] };
      if (count.total > rankCandidates()) {
        const [bound] = await all<{ id: unknown }>(rankBoundStatement(this.dialect.fullText, request));
        count.rankBound = Number(bound.id);
      }
      const rows = await all<{ id: unknown; score: unknown }>(
        rankStatement(this.dialect.fullText, request, count, limit, after),
      );
      const hits = rows.map((hit) => ({ id: Number(hit.id), score: Number(hit.score) }));
      if (!hits.length) return { ...count, hits, provisionRows: [], agreementRows: [] };
      const [provisions, agreements] = pageRowsStatements(hits.map((hit) => hit.id));
      return {
        ...count,
        hits,
        provisionRows: await all<Row>(provisions),
        agreementRows: await all<Row>(agreements),
      };
    });
  }

  facets(request: SearchRequest): Promise<FacetRow[]> {
    return this.dialect.withDeadline(this.em, searchTimeLimitMs(), async (all) => {
      const rows = await all<FacetRow>(facetsStatement(this.dialect.fullText, request));
      return rows.map((row) => ({ facet: row.facet, value: String(row.value), count: Number(row.count) }));
    });
  }
}

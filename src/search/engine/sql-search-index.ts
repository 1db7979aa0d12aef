import { EntityManager } from '@mikro-orm/knex';
import { AllRows } from './deadline';
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
import {
  countStatement,
  facetsStatement,
  FullTextSql,
  pageRowsStatements,
  rankBoundStatement,
  rankStatement,
} from './search-sql';

/**
 * The statements of search-sql.ts around a driver's full-text index, each search step under a time limit that
 * the driver enforces in its own way.
 */
export abstract class SqlSearchIndex implements SearchIndex {
  protected abstract readonly fullText: FullTextSql;

  constructor(protected readonly em: EntityManager) {}

  /** Runs `work` on one connection; statements still running after `limitMs` fail with SearchTimeoutError. */
  protected abstract withDeadline<T>(limitMs: number, work: (all: AllRows) => Promise<T>): Promise<T>;

  search(request: SearchRequest, limit: number, after: RankCursor | null): Promise<SearchPage> {
    return this.withDeadline(searchTimeLimitMs(), async (all) => {
      const [row] = await all<{ total: unknown }>(countStatement(this.fullText, request));
      const count: SearchCount = { total: Number(row.total), rankBound: null };
      if (count.total === 0) return { ...count, hits: [], provisionRows: [], agreementRows: [] };
      if (count.total > rankCandidates()) {
        const [bound] = await all<{ id: unknown }>(rankBoundStatement(this.fullText, request));
        count.rankBound = Number(bound.id);
      }
      const rows = await all<{ id: unknown; score: unknown }>(
        rankStatement(this.fullText, request, count, limit, after),
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
    return this.withDeadline(searchTimeLimitMs(), async (all) => {
      const rows = await all<FacetRow>(facetsStatement(this.fullText, request));
      return rows.map((row) => ({ facet: row.facet, value: String(row.value), count: Number(row.count) }));
    });
  }
}

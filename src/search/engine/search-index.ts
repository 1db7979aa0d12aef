import { SqlCondition } from '../../common/sql';
import { SearchQuery } from '../query';

/** A parsed, accent-folded query with the filter's SQL conditions (on `pr` provision and `a` agreement). */
export interface SearchRequest {
  query: SearchQuery;
  conditions: SqlCondition[];
  /** Annotation statuses that count for the taxonomy-code facet (those of the filter, else not rejected). */
  annotationStatuses: string[];
}

export interface SearchCount {
  total: number;
  /** When there are more hits than the ranking covers: the id of the last hit it covers (hits in id order). */
  rankBound: number | null;
}

export type Row = Record<string, unknown>;

export interface SearchPage extends SearchCount {
  /** Best first (ties by id), at most the limit asked for. */
  hits: RankedHit[];
  /** The hits' provision rows and their agreements' rows, read in the same session (no extra round trips). */
  provisionRows: Row[];
  agreementRows: Row[];
}

export interface RankedHit {
  id: number;
  /** Higher is better: -bm25 on SQLite, ts_rank on PostgreSQL. Comparable within one search only. */
  score: number;
}

export type FacetName = 'code' | 'year' | 'party' | 'type';

export interface FacetRow {
  facet: FacetName;
  value: string;
  count: number;
}

/** The keyset position after which a page starts: the last hit of the previous page. */
export type RankCursor = { score: number; id: number };

/**
 * Full-text search over provisions, one implementation per database driver. Every method runs under the search
 * time limit and throws SearchTimeoutError past it.
 */
export interface SearchIndex {
  /**
   * Counts every hit (filters applied) first, then ranks a page of them: all of them when there are at most
   * rankCandidates(), else only the first rankCandidates() in id order, so that a query of very common words
   * cannot make the ranking slow.
   */
  search(request: SearchRequest, limit: number, after: RankCursor | null): Promise<SearchPage>;
  /** Hit counts per taxonomy code, year of signature, party and agreement type, over all hits. */
  facets(request: SearchRequest): Promise<FacetRow[]>;
}

export const SEARCH_INDEX = Symbol('SearchIndex');

import { EntityManager } from '@mikro-orm/knex';
import { Inject, Injectable } from '@nestjs/common';
import { Agreement } from '../agreements/agreement.entity';
import { rowMapper } from '../common/row-mapper';
import { AgreementsService } from '../agreements/agreements.service';
import { DEFAULT_MATCH_STATUSES } from '../annotations/dto/annotation-match.input';
import { BadUserInputError } from '../common/errors';
import { PageRequest } from '../common/pagination/page-query';
import { decodeCursor, encodeCursor, KeysetColumn, pageSize } from '../common/pagination/keyset';
import { ProvisionFilter } from '../provisions/dto/provision-filter.input';
import { provisionConditions } from '../provisions/repository/provision.conditions';
import { Provision } from '../provisions/provision.entity';
import { ProvisionSearchConnection, ProvisionSearchEdge, SearchFacets } from './dto/provision-search.models';
import {
  FacetName,
  FacetRow,
  RankCursor,
  SEARCH_INDEX,
  SearchIndex,
  SearchRequest,
} from './engine/search-index';
import { rankCandidates } from './engine/search-limits';
import { foldSearchQuery } from './fold-query';
import { parseSearchQuery, queryTerms, QueryTerms, SearchQuery, SearchQuerySyntaxError } from './query';
import { DEFAULT_SNIPPET, snippet, SnippetOptions } from './snippet/snippet';

/** The order of a search's hits, as its cursors say it: [score, id] (the statements are search-sql.ts's). */
const RANK_ORDER: KeysetColumn[] = [
  { column: 'score', direction: 'desc', nullable: false, type: 'number' },
  { column: 'id', direction: 'asc', nullable: false, type: 'integer' },
];

@Injectable()
export class SearchService {
  constructor(
    private readonly em: EntityManager,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly agreements: AgreementsService,
  ) {}

  async search(
    text: string,
    filter: ProvisionFilter | null | undefined,
    page: PageRequest,
    marks: SnippetOptions = DEFAULT_SNIPPET,
  ): Promise<ProvisionSearchConnection> {
    const query = parseQuery(text);
    const limit = pageSize(page.first);
    const after = page.after ? decodeRankCursor(page.after) : null;
    await this.agreements.checkFilter(filter?.agreement, 'filter.agreement');
    const request: SearchRequest = {
      query,
      conditions: provisionConditions(filter),
      annotationStatuses: filter?.annotations?.statuses?.length
        ? filter.annotations.statuses
        : DEFAULT_MATCH_STATUSES,
    };
    const found = await this.index.search(request, limit + 1, after);
    const pageHits = found.hits.slice(0, limit);
    const agreement = rowMapper(this.em, Agreement);
    const agreements = new Map(found.agreementRows.map((row) => [Number(row.id), agreement(row)]));
    const provision = rowMapper(this.em, Provision);
    const byId = new Map(
      found.provisionRows.map((row) => {
        const p = provision(row);
        p.agreement = agreements.get(p.agreement.id) ?? p.agreement;
        return [p.id, p];
      }),
    );
    const terms = queryTerms(query);
    const edges: ProvisionSearchEdge[] = pageHits
      .filter((hit) => byId.has(hit.id))
      .map((hit) => ({
        cursor: encodeCursor(RANK_ORDER, [hit.score, hit.id]),
        node: byId.get(hit.id)!,
        score: hit.score,
        snippet: provisionSnippet(byId.get(hit.id)!, terms, marks),
      }));
    let facets: Promise<SearchFacets> | undefined;
    const loadFacets = () => this.facets(request);
    return {
      edges,
      pageInfo: {
        hasNextPage: found.hits.length > limit,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: found.total,
      rankedCount: found.rankBound === null ? found.total : rankCandidates(),
      // A getter, so that the facets are computed only when a client asks for them.
      get facets() {
        facets ??= loadFacets();
        return facets;
      },
    };
  }

  private async facets(request: SearchRequest): Promise<SearchFacets> {
    const rows = await this.index.facets(request);
    const of = (facet: FacetName) =>
      rows
        .filter((row: FacetRow) => row.facet === facet && row.value != null)
        .map((row) => ({ value: String(row.value), count: Number(row.count) }))
        .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
    const years = of('year').sort((x, y) => x.value.localeCompare(y.value));
    return { codes: of('code'), years, parties: of('party'), agreementTypes: of('type') };
  }
}

function provisionSnippet(p: Provision, terms: QueryTerms, marks: SnippetOptions): string {
  return snippet([p.text, p.summary, p.articleTitle, p.sectionTitle, p.chapterTitle], terms, marks);
}

/** Parses and folds the query; a malformed one is the client's error, on the `query` argument. */
export function parseQuery(text: string): SearchQuery {
  try {
    return foldSearchQuery(parseSearchQuery(text));
  } catch (error) {
    if (error instanceof SearchQuerySyntaxError) {
      throw new BadUserInputError('query', error.message, {
        syntaxError: error.code,
        ...(error.position === undefined ? {} : { position: error.position }),
      });
    }
    throw error;
  }
}

function decodeRankCursor(cursor: string): RankCursor {
  const [score, id] = decodeCursor(cursor, RANK_ORDER) as [number, number];
  return { score, id };
}

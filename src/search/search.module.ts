import { EntityManager } from '@mikro-orm/knex';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { ProvisionsModule } from '../provisions/provisions.module';
import { dialectOf, SEARCH_DIALECT } from './engine/dialects';
import { SearchDialect } from './engine/search-dialect';
import { SEARCH_INDEX } from './engine/search-index';
import { SqlSearchIndex } from './engine/sql-search-index';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { BandSimilarityIndex, SIMILARITY_INDEX } from './similar/similarity-index';
import { FamilyMemberResolver, SimilarityResolver } from './similar/similarity.resolver';
import { ClauseIndexService } from './wording/clause-index.service';
import { DraftCheckController } from './draft/draft-check.controller';
import { DRAFT_CHECK_RESOLVERS } from './draft/draft-check.resolver';
import { DraftCheckService } from './draft/draft-check.service';
import { SimilarityService } from './similar/similarity.service';
import { FamilyPropagationListener } from './propagation/family-propagation.listener';
import { IndexRowsAheadListener } from './sync/index-rows-ahead.listener';

/** Full-text search, similar clauses, lineage and comparison, review propagation to near copies; the engine's differences come from its SearchDialect (engine/dialects.ts). */
@Module({
  imports: [AgreementsModule, ProvisionsModule, AuditModule],
  providers: [
    { provide: SEARCH_DIALECT, inject: [EntityManager], useFactory: dialectOf },
    {
      provide: SEARCH_INDEX,
      inject: [EntityManager, SEARCH_DIALECT],
      useFactory: (em: EntityManager, dialect: SearchDialect) => new SqlSearchIndex(em, dialect),
    },
    {
      provide: SIMILARITY_INDEX,
      inject: [EntityManager, SEARCH_DIALECT],
      useFactory: (em: EntityManager, dialect: SearchDialect) => new BandSimilarityIndex(em, dialect),
    },
    SearchService,
    SearchResolver,
    ClauseIndexService,
    SimilarityService,
    SimilarityResolver,
    FamilyMemberResolver,
    DraftCheckService,
    FamilyPropagationListener,
    IndexRowsAheadListener,
    ...DRAFT_CHECK_RESOLVERS,
  ],
  controllers: [DraftCheckController],
  exports: [SEARCH_INDEX, SimilarityService, DraftCheckService],
})
export class SearchModule {}

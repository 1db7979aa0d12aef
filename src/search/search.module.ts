import { EntityManager } from '@mikro-orm/knex';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { ProvisionsModule } from '../provisions/provisions.module';
import { databaseDriver } from './database-driver';
import { PostgresSearchIndex } from './engine/postgres-search-index';
import { SEARCH_INDEX } from './engine/search-index';
import { SqliteSearchIndex } from './engine/sqlite-search-index';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { PostgresSimilarityIndex, SIMILARITY_INDEX, SqliteSimilarityIndex } from './similar/similarity-index';
import { FamilyMemberResolver, SimilarityResolver } from './similar/similarity.resolver';
import { ClauseIndexService } from './wording/clause-index.service';
import { DraftCheckController } from './draft/draft-check.controller';
import { DRAFT_CHECK_RESOLVERS } from './draft/draft-check.resolver';
import { DraftCheckService } from './draft/draft-check.service';
import { SimilarityService } from './similar/similarity.service';
import { FamilyPropagationListener } from './propagation/family-propagation.listener';

/** Full-text search, similar clauses, lineage and comparison, review propagation to near copies; the index implementation follows the driver. */
@Module({
  imports: [AgreementsModule, ProvisionsModule, AuditModule],
  providers: [
    {
      provide: SEARCH_INDEX,
      inject: [EntityManager],
      useFactory: (em: EntityManager) =>
        databaseDriver(em) === 'postgresql' ? new PostgresSearchIndex(em) : new SqliteSearchIndex(em),
    },
    {
      provide: SIMILARITY_INDEX,
      inject: [EntityManager],
      useFactory: (em: EntityManager) =>
        databaseDriver(em) === 'postgresql' ? new PostgresSimilarityIndex(em) : new SqliteSimilarityIndex(em),
    },
    SearchService,
    SearchResolver,
    ClauseIndexService,
    SimilarityService,
    SimilarityResolver,
    FamilyMemberResolver,
    DraftCheckService,
    FamilyPropagationListener,
    ...DRAFT_CHECK_RESOLVERS,
  ],
  controllers: [DraftCheckController],
  exports: [SEARCH_INDEX, SimilarityService, DraftCheckService],
})
export class SearchModule {}

import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { EntityManager } from '@mikro-orm/knex';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AgreementsModule } from './agreements/agreements.module';
import { AnnotationsModule } from './annotations/annotations.module';
import { AuditModule } from './audit/audit.module';
import { AccessPolicy } from './auth/access-policy';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { IdentityMiddleware } from './auth/identity.middleware';
import { RateLimitGuard, RateLimitHeadersMiddleware } from './auth/rate-limit.guard';
import { createRateLimitStore, RATE_LIMIT_STORE } from './auth/rate-limit/rate-limit.store';
import { HeavyWorkModule } from './common/heavy-work.module';
import { RequestTimeoutMiddleware } from './common/request-timeout.middleware';
import { AppExceptionFilter } from './common/exception.filter';
import { AppValidationPipe } from './common/validation.pipe';
import { DatabaseModule } from './database/database.module';
import { GraphiqlController } from './graphql/graphiql.controller';
import { GraphiqlMiddleware } from './graphql/graphiql.middleware';
import { CsrfMiddleware } from './graphql/csrf.middleware';
import { GraphqlParametersMiddleware } from './graphql/graphql-parameters.middleware';
import { graphqlOptions } from './graphql/graphql.options';
import { HttpStatusPlugin } from './graphql/http-status.plugin';
import { NodeResolver } from './graphql/node/node.resolver';
import { FieldAccessPlugin } from './graphql/field-access.plugin';
import { QueryBudgetPlugin } from './graphql/query-budget.plugin';
import { QueryCostPlugin } from './graphql/query-cost.plugin';
import { HealthModule } from './health/health.module';
import { ExportsModule } from './ingest/http/exports.module';
import { IngestModule } from './ingest/ingest.module';
import { loggerOptions } from './logger.options';
import { PartiesModule } from './parties/parties.module';
import { ProvisionsModule } from './provisions/provisions.module';
import { ReportsModule } from './reports/reports.module';
import { SearchModule } from './search/search.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    LoggerModule.forRootAsync({ useFactory: loggerOptions }),
    DatabaseModule,
    HeavyWorkModule,
    EventEmitterModule.forRoot(),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [DiscoveryModule],
      inject: [EntityManager, DiscoveryService],
      useFactory: graphqlOptions,
    }),
    DiscoveryModule,
    AuthModule,
    AuditModule,
    HealthModule,
    IngestModule,
    PartiesModule,
    AgreementsModule,
    ProvisionsModule,
    AnnotationsModule,
    TaxonomyModule,
    ReportsModule,
    ExportsModule,
    SearchModule,
    WebModule,
  ],
  controllers: [GraphiqlController],
  providers: [
    QueryCostPlugin,
    QueryBudgetPlugin,
    FieldAccessPlugin,
    AccessPolicy,
    { provide: RATE_LIMIT_STORE, useFactory: createRateLimitStore },
    HttpStatusPlugin,
    NodeResolver,
    { provide: APP_PIPE, useClass: AppValidationPipe },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTimeoutMiddleware, IdentityMiddleware, RateLimitHeadersMiddleware).forRoutes('*');
    consumer.apply(GraphiqlMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.GET });
    consumer.apply(CsrfMiddleware, GraphqlParametersMiddleware).forRoutes('graphql');
  }
}

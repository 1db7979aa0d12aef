import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { EntityManager } from '@mikro-orm/knex';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AgreementsModule } from './agreements/agreements.module';
import { AnnotationsModule } from './annotations/annotations.module';
import { DatabaseModule } from './database/database.module';
import { GraphiqlController } from './graphql/graphiql.controller';
import { GraphiqlMiddleware } from './graphql/graphiql.middleware';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthModule } from './health/health.module';
import { loggerOptions } from './logger.options';
import { PartiesModule } from './parties/parties.module';
import { ProvisionsModule } from './provisions/provisions.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

@Module({
  imports: [
    LoggerModule.forRootAsync({ useFactory: loggerOptions }),
    DatabaseModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [EntityManager],
      useFactory: graphqlOptions,
    }),
    HealthModule,
    PartiesModule,
    AgreementsModule,
    ProvisionsModule,
    AnnotationsModule,
    TaxonomyModule,
  ],
  controllers: [GraphiqlController],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GraphiqlMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }
}

import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { EntityManager } from '@mikro-orm/knex';
import type { Request, Response } from 'express';
import { formatGraphQLError } from '../common/error-formatter';
import { RequestLoaders } from '../common/loaders';
import { DateTime } from '../common/scalars';
import { isDevelopment } from '../config';
import { GraphQLContext } from './graphql-context';

/** Apollo, code-first: schema sorted; GraphiQL is served by GraphiqlMiddleware instead of a CDN page. */
export function graphqlOptions(em: EntityManager): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: isDevelopment(),
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTime }] },
    plugins: [ApolloServerPluginLandingPageDisabled()],
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => ({
      req,
      res,
      loaders: new RequestLoaders(em),
    }),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, isDevelopment()),
  };
}

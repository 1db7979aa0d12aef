import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { EntityManager } from '@mikro-orm/knex';
import { DiscoveryService } from '@nestjs/core';
import type { Request, Response } from 'express';
import { formatGraphQLError } from './error-formatter';
import { RequestLoaders } from '../common/loaders';
import { AppValidationPipe } from '../common/validation.pipe';
import { DateTime } from './scalars';
import { isDevelopment, isProduction, setting } from '../config';
import { GraphQLContext } from './graphql-context';
import { fieldMethods, resolveNestedFieldsDirectly } from './nested-field-resolvers';
import { withGlobalIds } from './node/with-global-ids';
import { OperationTypeSupportedRule } from './operation-type.rule';
import { OncePerOperationRule } from './once-per-operation.rule';
import { ArgumentPathsRule } from './argument-paths.rule';

/** Limits on hostile queries (graphql-armor), checked while validating, before any resolver or SQL runs. */
function armor() {
  return new ApolloArmor({
    maxDepth: { n: setting('MAX_QUERY_DEPTH') },
    maxAliases: { n: setting('MAX_QUERY_ALIASES') },
    maxDirectives: { n: 10 },
    // Tokens are limited by graphql-js's own parser (parseOptions below): a parse error is a clean 400, where
    // armor's token plugin, which throws from a plugin hook, makes Apollo answer 500.
    maxTokens: { enabled: false },
    // Cost is limited by QueryCostPlugin, which charges lists by their page size.
    costLimit: { enabled: false },
    // Suggestions are taken out of every message by formatGraphQLError; armor's mask left a stray "?" behind
    // ('... on type "Agreement". [Suggestion hidden]?').
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/**
 * Apollo, code-first: schema sorted; guards run on root fields (nested fields: FieldAccessPlugin); GraphiQL is served by
 * GraphiqlMiddleware instead of a CDN page; introspection is off in production unless GRAPHQL_INTROSPECTION=true.
 */
export function graphqlOptions(em: EntityManager, discovery: DiscoveryService): ApolloDriverConfig {
  const protection = armor();
  return {
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: !isProduction() || setting('GRAPHQL_INTROSPECTION'),
    includeStacktraceInErrorResponses: isDevelopment(),
    allowBatchedHttpRequests: false,
    // CsrfMiddleware refuses forgeable requests, and lets GET queries through where reads are public.
    csrfPrevention: false,
    // Nested fields get no Nest enhancers: their access rules are checked by FieldAccessPlugin. A @ResolveField
    // without arguments takes graphql-js's own (parent, args, context), which Nest calls directly; one with
    // arguments declares its parameters (@Parent(), @Args(), ...) and is called directly too, its arguments
    // checked once per operation (resolveNestedFieldsDirectly) rather than through Nest's parameter pipeline.
    fieldResolverEnhancers: [],
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTime }] },
    transformSchema: (schema) =>
      withGlobalIds(resolveNestedFieldsDirectly(schema, fieldMethods(discovery), new AppValidationPipe())),
    // No cache-control hints or traces: Apollo would otherwise wrap every field resolver to collect them.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...protection.plugins,
    ],
    // ArgumentPathsRule lets a custom scalar name the argument of a literal it refuses (graphql/scalars.ts).
    validationRules: [
      ...protection.validationRules,
      OperationTypeSupportedRule,
      OncePerOperationRule,
      ArgumentPathsRule,
    ],
    // No automatic persisted queries: every request carries its query (a hash answers PERSISTED_QUERY_NOT_SUPPORTED).
    persistedQueries: false,
    parseOptions: { maxTokens: setting('MAX_QUERY_TOKENS') },
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => ({
      req,
      res,
      loaders: new RequestLoaders(em),
    }),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, isDevelopment()),
  };
}

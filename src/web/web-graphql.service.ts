import type { ApolloServer, BaseContext } from '@apollo/server';
import { EntityManager } from '@mikro-orm/knex';
import { ApolloDriver } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import type { Request, Response } from 'express';
import { RequestLoaders } from '../common/loaders';
import { GraphQLContext } from '../graphql/graphql-context';

export interface GqlError {
  message: string;
  extensions?: { code?: string; argument?: string; [key: string]: unknown };
}

/** The GraphQL answer to one operation, as a client over HTTP would get it. */
export interface GqlResult<T> {
  data: T | null;
  errors: GqlError[];
}

/**
 * Runs the pages' GraphQL operations in process, through the same Apollo server that answers POST /graphql:
 * the same schema, validation rules (depth, aliases), cost limit, access guard (the caller's key or anonymous),
 * rate limits, error formatting and per-request DataLoaders. The pages have no other way to the data.
 */
@Injectable()
export class WebGraphqlService {
  private server?: ApolloServer<BaseContext>;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly em: EntityManager,
  ) {}

  /** Whether the schema has this field on a type (pages show sections for API fields that other work adds). */
  hasField(type: string, field: string): boolean {
    const named = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema.getType(type);
    return named instanceof GraphQLObjectType && field in named.getFields();
  }

  private apollo(): ApolloServer<BaseContext> {
    if (!this.server) {
      const module = this.moduleRef.get(GraphQLModule, { strict: false }) as GraphQLModule<ApolloDriver>;
      this.server = module.graphQlAdapter.instance;
    }
    return this.server;
  }

  async run<T>(req: Request, res: Response, query: string, variables: Record<string, unknown> = {}) {
    const contextValue: GraphQLContext = { req, res, loaders: new RequestLoaders(this.em) };
    const response = await this.apollo().executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental GraphQL responses are not expected');
    const { data, errors } = response.body.singleResult;
    return { data: (data ?? null) as T | null, errors: (errors ?? []) as GqlError[] } satisfies GqlResult<T>;
  }
}

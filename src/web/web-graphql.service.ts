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

/** The taxonomy's codes and English names, as `taxonomy { code name }` answers. */
export type TaxonomyNames = readonly { code: string; name: string }[];

/** How long the pages reuse the taxonomy's names (the spec's codes change with a release, the names hardly ever). */
const TAXONOMY_KEPT_MS = 5 * 60_000;

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
const TAXONOMY_QUERY = `query WebTaxonomy { taxonomy { code name } }`;

@Injectable()
export class WebGraphqlService {
  private server?: ApolloServer<BaseContext>;
  private taxonomy?: { at: number; names: TaxonomyNames };

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

  /**
   * The taxonomy's names for the forms and facets: asked through GraphQL with the page's request (so with its
   * access rules), then reused by every page for TAXONOMY_KEPT_MS (a GraphQL operation per page cost the
   * lighter pages a tenth of their time).
   */
  async taxonomyNames(req: Request, res: Response): Promise<TaxonomyNames> {
    if (this.taxonomy && Date.now() - this.taxonomy.at < TAXONOMY_KEPT_MS) return this.taxonomy.names;
    const { data, errors } = await this.run<{ taxonomy: TaxonomyNames }>(req, res, TAXONOMY_QUERY);
    if (errors.length || !data) return [];
    this.taxonomy = { at: Date.now(), names: data.taxonomy };
    return data.taxonomy;
  }

  async run<T>(req: Request, res: Response, query: string, variables: Record<string, unknown> = {}) {
    const contextValue: GraphQLContext = { req, res, loaders: new RequestLoaders(this.em) };
    const response = await this.apollo().executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental GraphQL responses are not expected');
    const { data, errors } = response.body.singleResult;
    return { data: (data ?? null) as T | null, errors: (errors ?? []) as GqlError[] } satisfies GqlResult<T>;
  }
}

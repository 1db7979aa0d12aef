import type { ApolloServer, BaseContext } from '@apollo/server';
import { EntityManager } from '@mikro-orm/knex';
import { ApolloDriver } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/identity.middleware';
import { BoundedCache } from '../common/bounded-cache';
import { RequestLoaders } from '../common/loaders';
import { GraphQLContext } from '../graphql/graphql-context';
import { reportDataStamp } from '../reports/repository/report-stamp';

/** The taxonomy's codes and English names, as `taxonomy { code name }` answers. */
export type TaxonomyNames = readonly { code: string; name: string }[];

/** How long the pages reuse the taxonomy's names (the spec's codes change with a release, the names hardly ever). */
const TAXONOMY_KEPT_MS = 5 * 60_000;

/** Answers kept by `runKept` (one per operation, variables and caller), the least recently used dropped first. */
const KEPT_ENTRIES = 32;
/** The longest an answer is kept, for the changes the data stamp cannot see (reports/repository/report-stamp.ts). */
export const KEPT_MAX_AGE_MS = 5 * 60_000;

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
  private readonly kept = new BoundedCache<string, { stamp: string; at: number; data: unknown }>(
    KEPT_ENTRIES,
  );

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

  /**
   * `run`, with the answer kept while the data it reads is unchanged: the data stamp of the coherence report
   * (one statement, about a millisecond on the corpus: counts, last ids and last updates of the agreements,
   * provisions, annotations, parties and bindings, and the last audit event) is read before each use, and an
   * answer is kept at most KEPT_MAX_AGE_MS, for the changes the stamp cannot see. Kept per caller (the key and its
   * role, or anonymous), so that what one caller may read is never handed to another; only answers without
   * errors; never inside a transaction. For operations that read many rows to show a few counts and that every
   * visitor asks the same (the home page: a statement or more per count), not for answers that depend on texts edited in
   * place or on the clause index.
   */
  async runKept<T>(
    req: Request,
    res: Response,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResult<T>> {
    if (this.em.isInTransaction()) return this.run<T>(req, res, query, variables);
    const identity = (req as AuthenticatedRequest).auth?.identity;
    const caller = identity ? `${identity.keyId}:${identity.role}` : 'anonymous';
    const key = `${caller}\n${query}\n${JSON.stringify(variables)}`;
    const stamp = await reportDataStamp(this.em);
    const kept = this.kept.get(key);
    if (kept && kept.stamp === stamp && Date.now() - kept.at < KEPT_MAX_AGE_MS)
      return { data: kept.data as T, errors: [] };
    const result = await this.run<T>(req, res, query, variables);
    if (!result.errors.length && result.data)
      this.kept.set(key, { stamp, at: Date.now(), data: result.data });
    return result;
  }

  async run<T>(req: Request, res: Response, query: string, variables: Record<string, unknown> = {}) {
    const contextValue: GraphQLContext = { req, res, loaders: new RequestLoaders(this.em) };
    const response = await this.apollo().executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental GraphQL responses are not expected');
    const { data, errors } = response.body.singleResult;
    // As an HTTP client reads it: in process, scalars are left as their serialize() returns them (a DateTime is a
    // Date object), which the pages, typed after the JSON answer, would then misread.
    const answer = data ? (JSON.parse(JSON.stringify(data)) as T) : null;
    return { data: answer, errors: (errors ?? []) as GqlError[] } satisfies GqlResult<T>;
  }
}

import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  GraphQLField,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isInputObjectType,
  isObjectType,
  GraphQLOutputType,
  getVariableValues,
} from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { giveBackPoints, takePoints } from '../auth/rate-limit.guard';
import { budgetOf } from '../common/request-budget';
import { RATE_LIMIT_STORE, RateLimitStore } from '../auth/rate-limit/rate-limit.store';
import { AuthenticatedRequest } from '../auth/identity.middleware';
import { setting } from '../config';
import { ErrorCode, RateLimitedError } from '../common/errors';
import { AccessPolicy } from '../auth/access-policy';
import { DEFAULT_LIST_BOUND, MAX_TEXT_SCANS, scansText, TEXT_SCAN_COST } from '../common/list-cost';
import { HeavyWorkGate, isHeavyQuery } from '../common/heavy-work.gate';
import { GraphQLContext } from './graphql-context';
import { ORIGINAL_RESOLVER } from './field-checks';

export const maxQueryCost = (): number => setting('MAX_QUERY_COST');

/**
 * Whether a selection asks only for meta fields (`__typename`, `__schema`, `__type`), through fragments too: no
 * root resolver, so no rate-limit guard, sees such an operation. A fragment is read once (`read`: those read
 * already, each found meta-only, since the first that is not ends the walk): read spread by spread, three fragments
 * each spreading the one below 240 times were 13.8 million reads of the last (hostile9).
 */
export function asksOnlyMetaFields(
  selections: readonly SelectionNode[],
  document: DocumentNode,
  read: Set<string> = new Set(),
): boolean {
  return selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return asksOnlyMetaFields(selection.selectionSet.selections, document, read);
    if (read.has(selection.name.value)) return true;
    read.add(selection.name.value);
    const fragment = document.definitions.find(
      (d): d is FragmentDefinitionNode =>
        d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
    );
    return !fragment || asksOnlyMetaFields(fragment.selectionSet.selections, document, read);
  });
}

/** Rate-limit points an operation takes for its cost, on top of its root fields' (GitHub-style: cost / 100). */
export const costPoints = (cost: number): number => Math.floor(cost / setting('QUERY_COST_PER_POINT'));

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * The list fields that a resolver of their own computes or loads (rather than reading a property of an
 * object already loaded), as `Type.field`. NestJS gives
 * a plain `@Field` its `rootFieldResolver` (reads the property), and a `@ResolveField` or root field its method.
 */
export function resolverBackedLists(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as (GraphQLField<unknown, unknown> & {
      [ORIGINAL_RESOLVER]?: { name: string };
    })[]) {
      const resolve = field[ORIGINAL_RESOLVER] ?? field.resolve;
      if (resolve && resolve.name !== 'rootFieldResolver' && isList(field.type))
        fields.add(`${type.name}.${field.name}`);
    }
  }
  return fields;
}

/** A resolver-backed list without a declared bound costs DEFAULT_LIST_BOUND items. */
const undeclaredListEstimator =
  (lists: Set<string>): ComplexityEstimator =>
  ({ type, field, childComplexity }) =>
    lists.has(`${type.name}.${field.name}`) ? DEFAULT_LIST_BOUND * Math.max(1, childComplexity) : undefined;

/** Counts the fields that scan texts (`scansText`) and leaves their cost to the estimators after it. */
const textScanCounter =
  (scans: { count: number }): ComplexityEstimator =>
  ({ args }) => {
    if (scansText(args)) scans.count++;
    return undefined;
  };

/** The most variable values that do not fit their types an operation's refusal names one by one (graphql-js's). */
export const VARIABLE_ERRORS_NAMED = 50;

/** The most fields an input type of the schema has: an object of the variables with more fits none. */
const widestInputType = (schema: GraphQLSchema): number =>
  Math.max(
    0,
    ...Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .map((type) => Object.keys(type.getFields()).length),
  );

/** The most keys an object of `value` holds, lists and objects walked without recursion. */
function widestObject(value: unknown): number {
  let widest = 0;
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    const values = Array.isArray(next) ? next : Object.values(next);
    if (!Array.isArray(next)) widest = Math.max(widest, values.length);
    for (const item of values) if (item !== null && typeof item === 'object') pending.push(item);
  }
  return widest;
}

/**
 * Variables checked against their types with graphql-js's limit on errors, before the cost is computed:
 * `getComplexity` coerces them without one, and a list of 40,000 values that fit no enum value (a body of 680 KB)
 * made 40,000 errors, each with its "did you mean" and its stack, 3.6 to 4.4 s of a core (7 December 2026,
 * hostile20); execution then stopped at graphql-js's limit with an error of no code, answered
 * INTERNAL_SERVER_ERROR. More errors than the limit: one BAD_USER_INPUT naming the first; fewer: left to execution,
 * which names each (BAD_USER_INPUT). An object wider than any input type is refused first, unread: each error on
 * an object quotes the whole of it (graphql-js's `inspect`), and a filter of 40,000 unknown fields held a core for
 * minutes, 40,000 errors each quoting 40,000 fields.
 */
function refuseUnfitVariables(
  schema: GraphQLSchema,
  widestType: number,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown>,
): void {
  const refuse = (message: string): never => {
    throw new GraphQLError(`variables: ${message}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'variables', http: { status: 400 } },
    });
  };
  const widest = widestObject(Object.values(variables));
  if (widest > widestType)
    refuse(
      `an object holds ${widest.toLocaleString('en')} fields; no input type has more than ${widestType}`,
    );
  const { errors } = getVariableValues(schema, operation?.variableDefinitions ?? [], variables, {
    maxErrors: VARIABLE_ERRORS_NAMED,
  });
  if (errors && errors.length > VARIABLE_ERRORS_NAMED)
    refuse(
      `more than ${VARIABLE_ERRORS_NAMED} values do not fit their types; the first: ${errors[0].message}`,
    );
}

/**
 * Rejects an operation whose cost is over the limit before it runs, with HTTP 400. Connections cost their page
 * size times the cost of one item (`connectionCost`), resolver-backed plain lists their declared bound times the
 * cost of one item (`listCost`), a provision's text PROVISION_TEXT_COST; every other field costs 1. An operation
 * takes `costPoints(cost)` rate-limit points from its client's bucket before it runs (RATE_LIMITED, 429, when the
 * bucket lacks them), so that a client sending the costliest allowed queries runs out of points after a few and is
 * then refused cheaply; once answered, the points its answer did not use are given back (the cost of the fields
 * that resolved, `RequestBudget.cost`, with the lists as long as they were). An operation costing more than
 * HEAVY_QUERY_COST, or filtering provisions by their text (`scansText`), waits for its turn at costly work
 * (HeavyWorkGate, `isHeavyQuery`).
 */
@Plugin()
export class QueryCostPlugin implements ApolloServerPlugin<GraphQLContext> {
  private lists: Set<string> | null = null;
  private widestType: number | null = null;
  /** The cost and text scans of operations without variables, by parsed document (Apollo keeps one per query text). */
  private readonly costs = new WeakMap<DocumentNode, Map<string, { cost: number; scans: number }>>();

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    private readonly gate: HeavyWorkGate,
    private readonly policy: AccessPolicy,
  ) {}

  async requestDidStart({
    contextValue,
  }: {
    contextValue: GraphQLContext;
  }): Promise<GraphQLRequestListener<GraphQLContext>> {
    const { schema } = this.schemaHost;
    let release: (() => void) | null = null;
    /** The points taken for the operation's cost at its lists' bounds. */
    let taken = 0;
    this.lists ??= resolverBackedLists(schema);
    const lists = this.lists;
    return {
      didResolveOperation: async ({ request, document, operation }) => {
        const cacheable = !request.variables || Object.keys(request.variables).length === 0;
        const byOperation = cacheable ? this.costs.get(document) : undefined;
        const known = byOperation?.get(request.operationName ?? '');
        let cost = known?.cost;
        let scans = known?.scans ?? 0;
        if (cost === undefined) {
          this.widestType ??= widestInputType(schema);
          if (!cacheable) refuseUnfitVariables(schema, this.widestType, operation, request.variables!);
          const counted = { count: 0 };
          try {
            cost = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [
                textScanCounter(counted),
                fieldExtensionsEstimator(),
                undeclaredListEstimator(lists),
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch {
            // Variables that do not fit their types: execution rejects them with BAD_USER_INPUT (400).
            return;
          }
          scans = counted.count;
          cost += scans * TEXT_SCAN_COST;
          if (cacheable) {
            if (!this.costs.has(document)) this.costs.set(document, new Map());
            this.costs.get(document)!.set(request.operationName ?? '', { cost, scans });
          }
        }
        if (scans > MAX_TEXT_SCANS) {
          throw new GraphQLError(
            `The query filters provisions by textContains ${scans} times: an operation may do it ${MAX_TEXT_SCANS === 1 ? 'once' : `${MAX_TEXT_SCANS} times`}, since each reads every text`,
            {
              extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'query', scans, http: { status: 400 } },
            },
          );
        }
        if (cost > maxQueryCost()) {
          throw new GraphQLError(
            `The query costs ${cost}, over the limit of ${maxQueryCost()}: ask for smaller pages or fewer fields`,
            {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                argument: 'query',
                cost,
                maxCost: maxQueryCost(),
                http: { status: 400 },
              },
            },
          );
        }
        const req = contextValue.req as AuthenticatedRequest;
        const metaOnly = Boolean(
          operation && asksOnlyMetaFields(operation.selectionSet.selections, document),
        );
        // A bad or revoked key is refused whatever the operation asks: no root field's guard sees a meta-only
        // one, and `{ __typename }` with a bad key answered data, as if the key were good.
        if (metaOnly && req.auth?.authError) {
          const refusal = { code: 'UNAUTHENTICATED' as const, message: req.auth.authError };
          await this.policy.recordRefusal(req, `${operation!.operation} meta fields`, refusal);
          // Refused before execution, so with its own status (a resolver's refusal is an execution error: 200).
          throw new GraphQLError(refusal.message, {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        }
        // A request always costs something: one asking only for meta fields, which no root resolver charges, takes 1.
        const points = costPoints(cost) || (metaOnly ? 1 : 0);
        // An operation a page of the explorer runs in process: the page's route has paid for it.
        if (points > 0 && !req.rateLimitPaid) {
          const refusal = await takePoints(this.store, req, contextValue.res, points);
          if (refusal) throw new RateLimitedError(refusal.message, refusal.retryAfter, { cost });
          taken = costPoints(cost);
        }
        if (scans > 0 || isHeavyQuery(cost)) release = await this.gate.hold(contextValue.req);
      },
      willSendResponse: async () => {
        release?.();
        // Charged at the lists' bounds before it ran (what a client can make the server do); what its answer
        // held is what it did: an agreements page whose agreements have 3 parties each, not 60, pays for 3. Not
        // an operation stopped by its budget (TIMEOUT, RESPONSE_TOO_LARGE): one that timed out waiting for its
        // turn at costly work resolved nothing, and given everything back its client would queue there for ever.
        const budget = budgetOf(contextValue.req);
        if (taken > 0 && !budget.exhausted)
          await giveBackPoints(
            this.store,
            contextValue.req as AuthenticatedRequest,
            contextValue.res,
            taken - costPoints(budget.cost),
          );
      },
    };
  }
}

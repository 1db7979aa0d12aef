import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import {
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLSchema,
  defaultFieldResolver,
  isObjectType,
} from 'graphql';
import { HTTP_STATUS_BY_CODE } from '../common/errors';
import { budgetError, BudgetedRequest, budgetOf } from '../common/request-budget';
import { GraphQLContext } from './graphql-context';

/** The resolver a field had before the budget wrapped it (to tell plain properties from resolvers). */
export const ORIGINAL_RESOLVER = Symbol('originalResolver');

/** Bytes a resolved value adds to the JSON response, roughly: its text, or a few bytes for anything else. */
const valueBytes = (value: unknown): number => (typeof value === 'string' ? value.length + 2 : 6);

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Wraps every field of the schema once: before a field resolves, the request's budget (deadline, response size
 * built so far) is checked, and once it is spent the resolver does not run; the field answers a rejected promise
 * rather than throwing, so that graphql-js never abandons sibling list items whose promises would then reject
 * unhandled.
 */
export function instrumentSchemaWithBudget(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as (GraphQLField<unknown, GraphQLContext> & {
      [ORIGINAL_RESOLVER]?: GraphQLFieldResolver<unknown, GraphQLContext>;
    })[]) {
      if (field[ORIGINAL_RESOLVER]) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field[ORIGINAL_RESOLVER] = resolve;
      const overhead = field.name.length + 3;
      field.resolve = (source, args, context, info) => {
        const budget = (context?.req as BudgetedRequest | undefined)?.budget;
        if (!budget) return resolve(source, args, context, info);
        if (budget.exhausted || Date.now() >= budget.deadline) {
          try {
            budget.check();
          } catch (error) {
            return Promise.reject(error);
          }
        }
        const result = resolve(source, args, context, info);
        if (!isPromise(result)) {
          budget.spend(overhead + valueBytes(result));
          return result;
        }
        return result.then(
          (value) => {
            budget.spend(overhead + valueBytes(value));
            return value;
          },
          // A statement refused or interrupted because the budget ran out fails as the budget's error.
          (error: unknown) => Promise.reject(budget.exhausted ? budgetError(budget) : error),
        );
      };
    }
  }
}

/**
 * Enforces the request's budget while the operation executes (see instrumentSchemaWithBudget). Once it is spent
 * the answer is one error, TIMEOUT (503) or RESPONSE_TOO_LARGE (400), never a partial body of unbounded size.
 */
@Plugin()
export class QueryBudgetPlugin implements ApolloServerPlugin<GraphQLContext> {
  async serverWillStart({ schema }: { schema: GraphQLSchema }): Promise<void> {
    instrumentSchemaWithBudget(schema);
  }

  async requestDidStart({
    contextValue,
  }: {
    contextValue: GraphQLContext;
  }): Promise<GraphQLRequestListener<GraphQLContext>> {
    const budget = budgetOf(contextValue.req);
    return {
      willSendResponse: async ({ response }) => {
        if (!budget.exhausted || response.body.kind !== 'single') return;
        const error = budgetError(budget);
        response.body.singleResult = {
          errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }],
        };
        response.http.status = HTTP_STATUS_BY_CODE[error.code];
      },
    };
  }
}

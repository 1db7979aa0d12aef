import {
  defaultFieldResolver,
  getNamedType,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLSchema,
  isLeafType,
  isObjectType,
} from 'graphql';
import { AccessPolicy } from '../auth/access-policy';
import { AccessRule } from '../auth/access.decorators';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { budgetError, BudgetedRequest } from '../common/request-budget';
import { GraphQLContext } from './graphql-context';

/** The resolver a field had before it was wrapped (to tell plain properties from resolvers). */
export const ORIGINAL_RESOLVER = Symbol('originalResolver');

/** Bytes a resolved value adds to the JSON response, roughly: its text, or a few bytes for anything else. */
const valueBytes = (value: unknown): number => (typeof value === 'string' ? value.length + 2 : 6);

/** What valueBytes gives for any value of an object or list type. */
const NON_TEXT_BYTES = 6;

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

type Field = GraphQLField<unknown, GraphQLContext> & {
  [ORIGINAL_RESOLVER]?: GraphQLFieldResolver<unknown, GraphQLContext>;
};

/**
 * Wraps every field of the schema once, with the two checks a field passes before it resolves:
 * - its access rule, for a field that a resolver method computes (`rules`, see `fieldAccessRules`), as AccessGuard
 *   does for root fields: a refused field answers UNAUTHENTICATED or FORBIDDEN (its siblings still resolve) and the
 *   refusal is audited once per request. It replaces Nest's guards on nested fields, which wrapped every call in
 *   their enhancer pipeline: a public read costs one comparison per field (AccessPolicy answers a read rule once
 *   per request);
 * - the request's budget (deadline, response size built so far): once it is spent the resolver does not run,
 *   and the field answers a rejected promise rather than throwing, so that graphql-js never abandons sibling list
 *   items whose promises would then reject unhandled. What a field adds to the response is counted when it
 *   resolves: a text by its length, anything else by a few bytes, so a field of an object or list type is counted
 *   when it is called, and only a field of a scalar or enum type whose resolver answers a promise waits for its
 *   value (every other promise passes through untouched: each promise costs every AsyncLocalStorage's hook, and
 *   a page of the read path has hundreds of such fields).
 * One wrapper for both checks, not one each: one call and one closure fewer per field and item of a list.
 */
export function instrumentSchemaFields(
  schema: GraphQLSchema,
  rules: Map<string, AccessRule | undefined>,
  policy: AccessPolicy,
): void {
  const unmatched = new Set(rules.keys());
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as Field[]) {
      const target = `${type.name}.${field.name}`;
      unmatched.delete(target);
      if (field[ORIGINAL_RESOLVER]) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field[ORIGINAL_RESOLVER] = resolve;
      const checked = rules.has(target);
      const rule = rules.get(target);
      const overhead = field.name.length + 3;
      const text = isLeafType(getNamedType(field.type));
      // The field's own cost in the query-cost model when it is a number (a provision's text); lists and
      // connections count as 1 each, their items counting as they resolve.
      const cost = typeof field.extensions?.complexity === 'number' ? field.extensions.complexity : 1;
      field.resolve = (source, args, context, info) => {
        if (checked) {
          const refusal = policy.check(rule, context.req, target);
          if (refusal)
            return policy.recordRefusal(context.req, target, refusal).then(() => {
              throw refusal.code === 'UNAUTHENTICATED'
                ? new UnauthenticatedError(refusal.message)
                : new ForbiddenError(refusal.message, refusal.details);
            });
        }
        const budget = (context?.req as BudgetedRequest | undefined)?.budget;
        if (!budget) return resolve(source, args, context, info);
        if (budget.exhausted || Date.now() >= budget.deadline) {
          try {
            budget.check();
          } catch (error) {
            return Promise.reject(error);
          }
        }
        budget.cost += cost;
        const result = resolve(source, args, context, info);
        if (!isPromise(result)) {
          budget.spend(overhead + valueBytes(result));
          return result;
        }
        if (!text) {
          budget.spend(overhead + NON_TEXT_BYTES);
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
  // A rule that names no field of the schema would leave that field unchecked: refuse to start.
  if (unmatched.size) throw new Error(`field access rules for fields not in the schema: ${[...unmatched]}`);
}

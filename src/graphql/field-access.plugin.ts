import { ApolloServerPlugin } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { AccessPolicy } from '../auth/access-policy';
import { ACCESS_RULE, AccessRule } from '../auth/access.decorators';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { GraphQLContext } from './graphql-context';

// The metadata keys of @nestjs/graphql's @Resolver and @ResolveField (graphql.constants, which the package does
// not export).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';

/**
 * The access rule of every nested field that a resolver method computes (`@ResolveField`), as `Type.field`,
 * from the method or its class (undefined: no rule, refused). Nest attaches those methods by the same names.
 */
export function fieldAccessRules(
  discovery: DiscoveryService,
  reflector: Reflector,
): Map<string, AccessRule | undefined> {
  const rules = new Map<string, AccessRule | undefined>();
  for (const wrapper of discovery.getProviders()) {
    const resolverClass = wrapper.metatype as (() => void) | null;
    if (!wrapper.instance || typeof resolverClass !== 'function') continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, method)?.value as (() => void) | undefined;
      if (typeof handler !== 'function' || !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, handler))
        continue;
      const type = (Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) ??
        Reflect.getMetadata(RESOLVER_TYPE_METADATA, resolverClass)) as string;
      const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
      rules.set(`${type}.${field}`, reflector.getAllAndOverride(ACCESS_RULE, [handler, resolverClass]));
    }
  }
  return rules;
}

const CHECKED = Symbol('fieldAccessChecked');

/**
 * Checks the access rule of each nested field computed by a resolver method before it runs, as AccessGuard
 * does for root fields: a refused field answers UNAUTHENTICATED or FORBIDDEN (its siblings still resolve) and
 * the refusal is audited once per request. It replaces Nest's guards on nested fields, which wrapped every call
 * in its enhancer pipeline (execution contexts and a dozen promises per field and item of a list): a public read
 * now costs one comparison per field.
 */
export function instrumentSchemaWithFieldAccess(
  schema: GraphQLSchema,
  rules: Map<string, AccessRule | undefined>,
  policy: AccessPolicy,
): void {
  const unmatched = new Set(rules.keys());
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as {
      name: string;
      resolve?: GraphQLFieldResolver<unknown, GraphQLContext>;
      [CHECKED]?: boolean;
    }[]) {
      const target = `${type.name}.${field.name}`;
      if (!rules.has(target) || field[CHECKED]) continue;
      unmatched.delete(target);
      field[CHECKED] = true;
      const rule = rules.get(target);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const refusal = policy.check(rule, context.req, target);
        if (!refusal) return resolve(source, args, context, info);
        return policy.recordRefusal(context.req, target, refusal).then(() => {
          throw refusal.code === 'UNAUTHENTICATED'
            ? new UnauthenticatedError(refusal.message)
            : new ForbiddenError(refusal.message);
        });
      };
    }
  }
  // A rule that names no field of the schema would leave that field unchecked: refuse to start.
  if (unmatched.size) throw new Error(`field access rules for fields not in the schema: ${[...unmatched]}`);
}

@Plugin()
export class FieldAccessPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {}

  async serverWillStart({ schema }: { schema: GraphQLSchema }): Promise<void> {
    instrumentSchemaWithFieldAccess(schema, fieldAccessRules(this.discovery, this.reflector), this.policy);
  }
}

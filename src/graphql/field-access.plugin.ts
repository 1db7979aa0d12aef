import { ApolloServerPlugin } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { GraphQLSchema } from 'graphql';
import { AccessPolicy } from '../auth/access-policy';
import { ACCESS_RULE, AccessRule } from '../auth/access.decorators';
import { instrumentSchemaFields } from './field-checks';
import { GraphQLContext } from './graphql-context';
import { fieldMethods } from './nested-field-resolvers';

/**
 * The access rule of every nested field that a resolver method computes (`@ResolveField`), as `Type.field`,
 * from the method or its class (undefined: no rule, refused).
 */
export function fieldAccessRules(
  discovery: DiscoveryService,
  reflector: Reflector,
): Map<string, AccessRule | undefined> {
  return new Map(
    fieldMethods(discovery).map(({ target, handler, resolverClass }) => [
      target,
      reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, resolverClass]),
    ]),
  );
}

/**
 * Checks the access rule of each nested field computed by a resolver method before it runs, and the request's
 * budget before every field (`instrumentSchemaFields`: one wrapper per field for both).
 */
@Plugin()
export class FieldAccessPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {}

  async serverWillStart({ schema }: { schema: GraphQLSchema }): Promise<void> {
    instrumentSchemaFields(schema, fieldAccessRules(this.discovery, this.reflector), this.policy);
  }
}

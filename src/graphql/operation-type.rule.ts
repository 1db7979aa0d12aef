import { GraphQLError, ValidationContext, ASTVisitor } from 'graphql';

/**
 * An operation of a type the schema does not have (a `subscription`: this API has none) is refused while
 * validating, as GRAPHQL_VALIDATION_FAILED (400), where graphql-js would fail it while executing, which Apollo
 * answers as an internal error.
 */
export function OperationTypeSupportedRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === 'query'
          ? schema.getQueryType()
          : node.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root)
        context.reportError(
          new GraphQLError(`This API has no ${node.operation} operations`, { nodes: node }),
        );
    },
  };
}

import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { ErrorCode } from '../common/errors';

/**
 * Root fields that a request may ask once only: each draft check splits, annotates and compares up to 200,000
 * characters, and aliases let one small request ask it fifteen times over the same variable (15 s of a busy
 * server for one request, up to its time budget). Asked twice, the request is refused while validating, before
 * any work.
 */
export const ONCE_PER_OPERATION = ['checkDraft'] as const;

export function OncePerOperationRule(context: ValidationContext): ASTVisitor {
  const seen = new Map<string, number>();
  return {
    Field(node) {
      const name = node.name.value;
      if (!(ONCE_PER_OPERATION as readonly string[]).includes(name)) return;
      if (context.getParentType() !== context.getSchema().getQueryType()) return;
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      if (count === 2)
        context.reportError(
          new GraphQLError(`${name} may be asked once per request (send one draft at a time)`, {
            nodes: node,
            extensions: { code: ErrorCode.BAD_USER_INPUT, argument: name },
          }),
        );
    },
  };
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DatabaseStatus } from '../database/database-status';
import { AccessPolicy } from './access-policy';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import { DomainError, ErrorCode, ForbiddenError, UnauthenticatedError } from '../common/errors';
import { AuthenticatedRequest } from './identity.middleware';

/**
 * Deny by default: every GraphQL root field and every route needs an access rule (AccessPolicy; nested fields
 * are checked by FieldAccessPlugin). Refused calls are written to the audit log, once per request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
    private readonly database: DatabaseStatus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const graphql = context.getType<string>() === 'graphql';
    const req: AuthenticatedRequest = graphql
      ? GqlExecutionContext.create(context).getContext().req
      : context.switchToHttp().getRequest();
    const target = graphql
      ? this.fieldName(GqlExecutionContext.create(context).getInfo())
      : `${req.method} ${req.path}`;
    const refusal = this.policy.check(rule, req, target);
    if (!refusal) {
      if (graphql && !this.database.writable && target.startsWith('Mutation.'))
        throw new DomainError(
          ErrorCode.SERVICE_UNAVAILABLE,
          `${target}: the database is read-only; writes are refused until an operator fixes it`,
        );
      return true;
    }
    await this.policy.recordRefusal(req, target, refusal);
    throw refusal.code === 'UNAUTHENTICATED'
      ? new UnauthenticatedError(refusal.message)
      : new ForbiddenError(refusal.message, refusal.details);
  }

  private fieldName(info: GraphQLResolveInfo): string {
    return `${info.parentType.name}.${info.fieldName}`;
  }
}

import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../common/errors';
import { DatabaseStatus } from '../database/database-status';
import { AuditService } from '../audit/audit.service';
import { budgetOf } from '../common/request-budget';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import { ForbiddenError, UnauthenticatedError } from './auth-errors';
import { AuthenticatedRequest } from './identity.middleware';
import { Role } from './role.enum';

export const publicReadAllowed = (): boolean => process.env.PUBLIC_READ !== 'false';

/**
 * Deny by default: every GraphQL resolver (nested fields included) and every route needs an access rule.
 * Anonymous callers may read unless PUBLIC_READ=false; a bad or revoked key is UNAUTHENTICATED even for
 * reads. Refused calls are written to the audit log, once per request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
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
    const refusal = this.check(rule, req, target);
    if (!refusal) {
      if (graphql && !this.database.writable && target.startsWith('Mutation.'))
        throw new GraphQLError(
          `${target}: the database is read-only; writes are refused until an operator fixes it`,
          {
            extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
          },
        );
      return true;
    }
    // One DENIED event per request at most: a query refused on many fields (aliases, lists) writes one row.
    const budget = budgetOf(req);
    if (!budget.deniedAudited) {
      budget.deniedAudited = true;
      await this.audit.recordDenied(
        { identity: req.auth?.identity ?? null, requestId: (req as { id?: string }).id ?? null },
        target,
        refusal.message,
      );
    }
    if (graphql)
      throw refusal.code === 'UNAUTHENTICATED'
        ? new UnauthenticatedError(refusal.message)
        : new ForbiddenError(refusal.message);
    throw refusal.code === 'UNAUTHENTICATED'
      ? new UnauthorizedException(refusal.message)
      : new ForbiddenException(refusal.message);
  }

  private check(
    rule: AccessRule | undefined,
    req: AuthenticatedRequest,
    target: string,
  ): { code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string } | null {
    if (!rule) return { code: 'FORBIDDEN', message: `${target} has no access rule` };
    if (rule.kind === 'public') return null;
    if (req.auth?.authError) return { code: 'UNAUTHENTICATED', message: req.auth.authError };
    const identity = req.auth?.identity ?? null;
    if (rule.kind === 'read') {
      return identity || publicReadAllowed()
        ? null
        : { code: 'UNAUTHENTICATED', message: 'an API key is required to read' };
    }
    if (!identity)
      return { code: 'UNAUTHENTICATED', message: `${target} needs an API key (Authorization: Bearer <key>)` };
    if (identity.role === Role.ADMIN || rule.roles.includes(identity.role)) return null;
    return {
      code: 'FORBIDDEN',
      message: `${target} needs the role ${rule.roles.join(' or ')}; this key is ${identity.role}`,
    };
  }

  private fieldName(info: GraphQLResolveInfo): string {
    return `${info.parentType.name}.${info.fieldName}`;
  }
}

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuditActor } from '../audit/audit.service';
import { AuthenticatedRequest } from './identity.middleware';

/** The caller of a mutation (API key identity and request id), for ownership checks and the audit trail. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): AuditActor => {
  const req: AuthenticatedRequest & { id?: string } = GqlExecutionContext.create(context).getContext().req;
  return { identity: req.auth?.identity ?? null, requestId: req.id ?? null };
});

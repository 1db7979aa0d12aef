import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../common/errors';
import { AuthenticatedRequest } from './identity.middleware';

const contextRequest = (context: ExecutionContext): AuthenticatedRequest =>
  context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext().req
    : context.switchToHttp().getRequest();

/** Requests per minute: per API key for callers with a key, per address for anonymous ones. */
export function rateLimitOptions(): ThrottlerModuleOptions {
  const perKey = Number(process.env.RATE_LIMIT_PER_KEY ?? 600);
  const perAddress = Number(process.env.RATE_LIMIT_PER_ADDRESS ?? 300);
  return {
    throttlers: [
      {
        name: 'default',
        ttl: 60_000,
        limit: (context: ExecutionContext) => (contextRequest(context).auth?.identity ? perKey : perAddress),
      },
    ],
  };
}

/**
 * @nestjs/throttler wired for GraphQL: it counts operations (root fields), not every nested field, keys by
 * API key or address, and answers RATE_LIMITED with Retry-After (header and `extensions.retryAfter`).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() !== 'graphql') return super.getRequestResponse(context);
    const { req, res } = GqlExecutionContext.create(context).getContext();
    return { req, res };
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return false;
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    return info.parentType.name !== 'Query' && info.parentType.name !== 'Mutation';
  }

  protected override async getTracker(req: AuthenticatedRequest): Promise<string> {
    const identity = req.auth?.identity;
    return identity ? `key:${identity.keyId}` : `address:${req.ip}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    if (context.getType<string>() !== 'graphql') return super.throwThrottlingException(context, detail);
    throw new GraphQLError(
      `Too many requests: at most ${detail.limit} a minute; retry in ${detail.timeToBlockExpire} s`,
      {
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfter: detail.timeToBlockExpire },
      },
    );
  }
}

import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeysService, InvalidApiKeyError } from './api-keys.service';
import { Identity } from './identity';

/** What the identity middleware found on a request. */
export interface RequestIdentity {
  identity: Identity | null;
  /** Why the credentials sent were refused (a bad or revoked key); such a request is UNAUTHENTICATED. */
  authError?: string;
}

export type AuthenticatedRequest = Request & {
  auth?: RequestIdentity;
  /** Set when an HTTP route took its rate-limit points: the GraphQL operations it runs in process take none. */
  rateLimitPaid?: boolean;
  /** The points the route's guard took, while a refusal before its work may still give some back (`refusedBeforeWork`). */
  rateLimitTaken?: number;
};

/** Reads `Authorization: Bearer <key>` once per request and records who is calling. */
@Injectable()
export class IdentityMiddleware implements NestMiddleware {
  constructor(private readonly keys: ApiKeysService) {}

  async use(req: AuthenticatedRequest, _res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (!header) {
      req.auth = { identity: null };
      return next();
    }
    // Two different Authorization headers (a proxy adding its own beside the client's): Node keeps the first and
    // drops the others unsaid, so the request would run as whichever key came first. Refused, naming the header.
    const sent = new Set(req.headersDistinct?.authorization ?? [header]);
    if (sent.size > 1) {
      req.auth = {
        identity: null,
        authError: `the Authorization header was sent ${sent.size} times with different keys; send one`,
      };
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      req.auth = { identity: null, authError: 'the Authorization header must be "Bearer <key>"' };
      return next();
    }
    try {
      req.auth = { identity: await this.keys.identify(match[1]) };
    } catch (error) {
      if (!(error instanceof InvalidApiKeyError)) return next(error);
      req.auth = { identity: null, authError: error.message };
    }
    next();
  }
}

import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { publicReadAllowed } from '../auth/access-policy';
import { ErrorCode } from '../common/errors';

/** Headers a browser cannot add to a cross-site request without a CORS preflight (Apollo's and the spec's). */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'];

/** Content types a cross-site form or `fetch` may POST without a preflight. */
const SIMPLE_TYPES = new Set(['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Why a request to /graphql could be a cross-site request forgery, or null when it cannot be. Only a request
 * that a browser would send cross-site without a preflight is refused, and only when it could act with
 * rights an attacker lacks:
 * - a POST needs a JSON body (or a preflight header): a text/plain or form POST is refused;
 * - a GET runs only queries (a mutation over GET answers 405), so with public reads anyone may send one (the
 *   urql and graphql-request defaults); with PUBLIC_READ=false it must carry its key in Authorization, which
 *   no cross-site request can add without a preflight, or a preflight header.
 */
export function csrfRefusal(req: Request): string | null {
  if (PREFLIGHT_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (publicReadAllowed() || req.headers.authorization) return null;
    return 'This GET request has no Authorization header: send your key, or a non-empty apollo-require-preflight header, or POST the query as application/json';
  }
  if (req.method !== 'POST') return null;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!SIMPLE_TYPES.has(type)) return null;
  return `This POST request has ${type ? `the content type ${type}` : 'no content type'}, which a cross-site form can send: POST the query as application/json`;
}

/** Refuses possible cross-site request forgeries on /graphql (csrfRefusal) with a 400 in GraphQL's shape. */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const refusal = csrfRefusal(req);
    if (!refusal) return next();
    res.status(400).json({ errors: [{ message: refusal, extensions: { code: ErrorCode.BAD_REQUEST } }] });
  }
}

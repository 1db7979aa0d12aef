import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../common/errors';
import { RawParameters, undecodableParameterRefusal, unknownParameters } from '../common/query-parameters';

/** What a GraphQL request over HTTP carries (GraphQL over HTTP: the GET parameters and the JSON body's keys). */
export const GRAPHQL_REQUEST_PARAMETERS = ['query', 'operationName', 'variables', 'extensions'] as const;

/**
 * Why a request to /graphql is refused for a parameter it does not take or cannot read, or null: the rules every
 * door follows: a GET's parameter that is no percent-encoded UTF-8 is named (`undecodableParameter`: `query=%ZZ`
 * was read as sent, `variables=%E0%A4%A` as U+FFFD), and a name the door does not take (`unknownParameters`, link
 * tags aside), for a GET's query parameters and a POST's JSON body alike. Both were passed over: `?query=...&operationname=Q` (a misspelt
 * `operationName`) or `{"query": ..., "variabels": {...}}` ran as if the client had sent neither.
 */
export function unknownGraphqlParameters(req: Request): string | null {
  const given: RawParameters | null =
    req.method === 'GET' || req.method === 'HEAD'
      ? (req.query as RawParameters)
      : req.method === 'POST' && isPlainObject(req.body)
        ? (req.body as RawParameters)
        : null;
  if (!given) return null;
  // A GET's parameter that is no percent-encoded UTF-8: named, as every door names it, not read as other words.
  const get = req.method === 'GET' || req.method === 'HEAD';
  const undecodable = get ? undecodableParameterRefusal(req.originalUrl) : undefined;
  if (undecodable) return `${undecodable.name}: ${undecodable.message}`;
  const unknown = unknownParameters(given, GRAPHQL_REQUEST_PARAMETERS);
  if (!unknown.length) return null;
  const where = req.method === 'POST' ? 'key(s) of the JSON body' : 'parameter(s)';
  return `unknown ${where} ${unknown.map((name) => JSON.stringify(name)).join(', ')}; /graphql takes ${GRAPHQL_REQUEST_PARAMETERS.join(', ')}`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Refuses a /graphql request's unknown parameters (unknownGraphqlParameters) with a 400 in GraphQL's shape. */
@Injectable()
export class GraphqlParametersMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const refusal = unknownGraphqlParameters(req);
    if (!refusal) return next();
    res.status(400).json({ errors: [{ message: refusal, extensions: { code: ErrorCode.BAD_REQUEST } }] });
  }
}

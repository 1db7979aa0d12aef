import { setting } from '../config';
import {
  CanActivate,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  Logger,
  NestMiddleware,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLResolveInfo } from 'graphql';
import { BadUserInputError, ErrorCode, NotFoundError, RateLimitedError } from '../common/errors';
import { httpErrorBody } from '../common/http-error-body';
import { answersJson, sendsPageForm } from '../common/html-error-page';
import { AuthenticatedRequest } from './identity.middleware';
import { RATE_COST } from './rate-limit/rate-cost.decorator';
import { RATE_LIMIT_STORE, RateLimitDecision, RateLimitStore } from './rate-limit/rate-limit.store';

export const RATE_LIMIT_WINDOW_MS = 60_000;

const logger = new Logger('RateLimit');

/** What a request refused for want of points costs all the same. */
export const REFUSAL_POINTS = 1;

/**
 * What takes no points and is never refused for want of them: the health probes, and the explorer's stylesheet and
 * script (immutable files named by their hash, cached for a year), without which the page saying "too many
 * requests" came unstyled. The assets controller declares `@RateCost(0)`.
 */
const FREE = /^\/(health|assets)(\/|$)/;

interface Bucket {
  client: string;
  limit: number;
}

/** Each request's bucket, with the identity it was worked out for (see bucketOf). */
const bucketsByRequest = new WeakMap<Request, { identity: unknown; bucket: Bucket }>();

/**
 * The bucket a request draws on and its size (points per minute): its key's, or its address's when anonymous.
 * Worked out once per request and identity: an anonymous GraphQL request asks three times (on arrival, the root
 * field's guard, the operation's cost), and each time cost a proxy-aware read of the address and two settings.
 */
function bucketOf(req: AuthenticatedRequest): Bucket {
  const identity = req.auth?.identity ?? null;
  const known = bucketsByRequest.get(req);
  if (known && known.identity === identity) return known.bucket;
  const bucket = identity
    ? { client: `key:${identity.keyId}`, limit: setting('RATE_LIMIT_PER_KEY') }
    : { client: `address:${req.ip}`, limit: setting('RATE_LIMIT_PER_ADDRESS') };
  bucketsByRequest.set(req, { identity, bucket });
  return bucket;
}

/** X-RateLimit-Limit, -Remaining and -Reset (seconds until the bucket is full again) on the answer. */
function setRateLimitHeaders(res: Response, limit: number, decision: RateLimitDecision): void {
  if (res.headersSent) return;
  res.setHeader('X-RateLimit-Limit', String(limit));
  res.setHeader('X-RateLimit-Remaining', String(Math.max(0, decision.remaining)));
  res.setHeader('X-RateLimit-Reset', String(Math.max(0, Math.ceil(decision.resetMs / 1000))));
}

/**
 * Gives `points` back to the bucket of the request's client (taken for an operation's cost at its lists' bounds,
 * more than its answer held) and updates the rate-limit headers if the answer has not started.
 */
export async function giveBackPoints(
  store: RateLimitStore,
  req: AuthenticatedRequest,
  res: Response,
  points: number,
): Promise<void> {
  if (points <= 0) return;
  const { client, limit } = bucketOf(req);
  setRateLimitHeaders(res, limit, await store.giveBack(client, points, limit, RATE_LIMIT_WINDOW_MS));
}

/**
 * Runs a route's checks of its request before its work (`checks`: reading the parameters, naming what is wrong,
 * looking up a name, no computation): a refusal there (BAD_USER_INPUT, NOT_FOUND, any 4xx) costs what refusing costs
 * us, REFUSAL_POINTS, and the rest of what the route's guard took is given back. A refusal found once the work has
 * begun (a report's section, read in the computed report) keeps the route's price: the work was done.
 */
export async function refusedBeforeWork<T>(
  store: RateLimitStore,
  req: AuthenticatedRequest,
  res: Response,
  checks: () => T | Promise<T>,
): Promise<T> {
  try {
    return await checks();
  } catch (error) {
    if (isRefusal(error)) await chargeAsRefusal(store, req, res);
    throw error;
  }
}

/**
 * Keeps REFUSAL_POINTS of what the route's guard took and gives the rest back: for an answer that did none of the
 * route's work (a refusal before it, `refusedBeforeWork`; a page's permanent redirect to its address as written).
 */
export async function chargeAsRefusal(
  store: RateLimitStore,
  req: AuthenticatedRequest,
  res: Response,
): Promise<void> {
  const taken = req.rateLimitTaken ?? 0;
  req.rateLimitTaken = Math.min(taken, REFUSAL_POINTS);
  await giveBackPoints(store, req, res, taken - REFUSAL_POINTS);
}

/** An answer 4xx for what the client sent (not a 429, not a failure of ours). */
function isRefusal(error: unknown): boolean {
  if (error instanceof BadUserInputError || error instanceof NotFoundError) return true;
  if (!(error instanceof HttpException)) return false;
  const status = error.getStatus();
  return status >= 400 && status < 500 && status !== 429;
}

/** Why points were refused: the message for the client and the seconds until the bucket is full again. */
export interface PointsRefusal {
  message: string;
  retryAfter: number;
}

/**
 * Takes `points` from the bucket of the request's client and updates the rate-limit headers; when the bucket
 * does not have them, takes REFUSAL_POINTS instead, sets Retry-After and answers why (the caller refuses the
 * request), else null.
 */
export async function takePoints(
  store: RateLimitStore,
  req: AuthenticatedRequest,
  res: Response,
  points: number,
): Promise<PointsRefusal | null> {
  const { client, limit } = bucketOf(req);
  let decision = await store.take(client, points, limit, RATE_LIMIT_WINDOW_MS);
  // A refusal costs one point (the server read and checked the request): a client that keeps sending what its
  // bucket cannot pay for empties it, and is then refused before its request is read (refuseEmptyAnonymousBuckets).
  if (!decision.allowed && decision.remaining >= REFUSAL_POINTS) {
    const charged = await store.take(client, REFUSAL_POINTS, limit, RATE_LIMIT_WINDOW_MS);
    decision = { ...charged, allowed: false };
  }
  setRateLimitHeaders(res, limit, decision);
  if (decision.allowed) return null;
  const refusal = refusalOf(limit, decision, `this costs ${points}, ${Math.max(0, decision.remaining)} left`);
  if (!res.headersSent) res.setHeader('Retry-After', String(refusal.retryAfter));
  return refusal;
}

/** The refusal of a request the bucket cannot pay for: its message and the seconds until the bucket refills. */
function refusalOf(limit: number, decision: RateLimitDecision, why: string): PointsRefusal {
  const retryAfter = Math.max(1, Math.ceil(decision.resetMs / 1000));
  return {
    message: `Too many requests: at most ${limit} points a minute (${why}); retry in ${retryAfter} s`,
    retryAfter,
  };
}

/**
 * Answers 429 for a request whose bucket is empty (`decision` with nothing remaining), before its body is parsed as
 * GraphQL or a route runs, and says so (true): a client that keeps asking once refused costs the server next to
 * nothing. Health probes and the explorer's assets take no points and always pass (FREE); a browser asking for a page, or sending one of its forms
 * (the draft check, the review), goes on to its route, whose guard refuses it with a page in the reader's language
 * (web/web-exception.filter.ts) before any work: a form answered with the API's English JSON left its writer
 * with a screen of code. Such a form's body is read first (at most BODY_LIMIT), the price of answering it a page.
 */
function refusedForEmptyBucket(
  req: Request,
  res: Response,
  limit: number,
  decision: RateLimitDecision,
): boolean {
  if (decision.remaining > 0) return false;
  const path = req.originalUrl.split('?')[0];
  if (FREE.test(path)) return false;
  if (
    (req.method === 'GET' && !answersJson(path) && req.accepts(['html', 'json']) === 'html') ||
    sendsPageForm(req)
  )
    return false;
  const { message, retryAfter } = refusalOf(limit, decision, 'none left');
  res.status(429).setHeader('Retry-After', String(retryAfter));
  if (/\/graphql$/.test(path))
    res.json({ errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfter } }] });
  else res.json(httpErrorBody(429, message));
  return true;
}

/** Requests whose bucket refuseEmptyAnonymousBuckets looked at on arrival: those without credentials. */
const lookedAtOnArrival = (req: Request): boolean => !req.headers.authorization;

/**
 * The first thing every request meets (installed by `configureApp` ahead of the body parsers, the security headers,
 * compression and the request log): an anonymous request (no Authorization header) whose address has no points
 * left is refused here. Under a flood of refused requests the server then spends on each only this check, so the
 * clients with points keep their pace. A request with a key goes on; its bucket is known once the key is checked.
 */
export function refuseEmptyAnonymousBuckets(store: RateLimitStore) {
  // These refusals skip the request log: one warning per client and window says that they happen.
  const warnedUntil = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!lookedAtOnArrival(req)) return next();
    const { client, limit } = bucketOf(req);
    store.take(client, 0, limit, RATE_LIMIT_WINDOW_MS).then((decision) => {
      setRateLimitHeaders(res, limit, decision);
      if (!refusedForEmptyBucket(req, res, limit, decision)) return next();
      const now = Date.now();
      if ((warnedUntil.get(client) ?? 0) > now) return;
      if (warnedUntil.size > 10_000) warnedUntil.clear();
      warnedUntil.set(client, now + decision.resetMs);
      logger.warn(
        `${client} has no rate-limit points left: its requests are refused for ${Math.ceil(decision.resetMs / 1000)} s`,
      );
    }, next);
  };
}

/**
 * The rate-limit headers on every answer, even one that takes no points (a query refused while validating, a
 * health check): the bucket as it stands when the request arrives, refusing an empty one. The guard updates them
 * as points are taken. A request without credentials had its bucket looked at on arrival already.
 */
@Injectable()
export class RateLimitHeadersMiddleware implements NestMiddleware {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    if (lookedAtOnArrival(req)) return next();
    const { client, limit } = bucketOf(req);
    const decision = await this.store.take(client, 0, limit, RATE_LIMIT_WINDOW_MS);
    setRateLimitHeaders(res, limit, decision);
    if (!refusedForEmptyBucket(req, res, limit, decision)) next();
  }
}

/**
 * One bucket per client across every GraphQL operation and every HTTP route: each root field (each alias
 * counts) and each route takes its points (`@RateCost`, default 1) from the bucket of the caller's key, or of
 * its address when anonymous. An empty bucket answers RATE_LIMITED (GraphQL, HTTP status 429) or 429, with
 * Retry-After. Nested fields take nothing: their price is in the query cost. The operations a page of the
 * explorer runs in process take nothing either: its route paid (`rateLimitPaid`).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const graphql = context.getType<string>() === 'graphql';
    let req: AuthenticatedRequest;
    let res: Response;
    if (graphql) {
      const gql = GqlExecutionContext.create(context);
      const parent = gql.getInfo<GraphQLResolveInfo>().parentType.name;
      if (parent !== 'Query' && parent !== 'Mutation') return true;
      ({ req, res } = gql.getContext());
      // An operation a page runs in process: the page's route has paid for it.
      if (req.rateLimitPaid) return true;
    } else {
      req = context.switchToHttp().getRequest();
      res = context.switchToHttp().getResponse();
      // A request the route it met first passed on (POST /draft-check: the JSON door hands a browser's form to
      // its page): paid there, not twice.
      if (req.rateLimitPaid) return true;
    }
    const points =
      this.reflector.getAllAndOverride<number | undefined>(RATE_COST, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 1;
    const refusal = await takePoints(this.store, req, res, points);
    if (!refusal) {
      if (!graphql) {
        req.rateLimitPaid = true;
        req.rateLimitTaken = points;
      }
      return true;
    }
    const { message, retryAfter } = refusal;
    throw new RateLimitedError(message, retryAfter);
  }
}

import {
  ArgumentsHost,
  Catch,
  HttpException,
  Inject,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { writtenMeanwhile } from './written-meanwhile';
import { databaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable';
import { DomainError, ErrorCode } from './errors';
import { bodyRefusal, httpErrorAnswer, httpErrorBody, sendGraphqlErrors } from './http-error-body';
import {
  asksForPage,
  asksForReportPage,
  HTML_ERROR_PAGE,
  HtmlErrorPage,
  postsFromBrowser,
  sendsPageForm,
} from './html-error-page';
import { routeMethods } from './route-methods';
import { budgetError, BudgetedRequest } from './request-budget';

const logger = new Logger('HTTP');

const req = (host: ArgumentsHost): Request => host.switchToHttp().getRequest<Request>();

const wantsPage = (host: ArgumentsHost): boolean => asksForPage(req(host));

/** Nest's answer to a request no route serves ("Cannot GET /x", "Cannot POST /agreements"). */
const noRoute = (error: unknown, host: ArgumentsHost): boolean =>
  error instanceof NotFoundException && error.message.startsWith(`Cannot ${req(host).method} `);

/** Express could not decode a parameter of the address (`/agreements/%FF`: bytes that are not UTF-8). */
function undecodableAddress(error: unknown, host: ArgumentsHost): boolean {
  return (
    error instanceof Error &&
    (error as { status?: number }).status === 400 &&
    error.message.startsWith('Failed to decode param') &&
    wantsPage(host)
  );
}

/**
 * What refuses a page's form before its page runs: the rate limit, a body parser (`bodyRefusal`: over BODY_LIMIT,
 * too many fields, a character set or compression it does not read, a body it could not read).
 */
function refusedBeforeItsPage(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === ErrorCode.RATE_LIMITED;
  return bodyRefusal(error) !== undefined;
}

/**
 * Where errors thrown by resolvers, controllers and pipes go.
 * - GraphQL: back to Apollo untouched (formatGraphQLError gives them their code and logs only unexpected ones,
 *   with their stack). NestJS's default would log every one, a client's bad input included, at error level
 *   with a stack: an anonymous client could fill the error log.
 * - HTTP: a domain error (`common/errors.ts`) becomes the HTTP status of its code, and every refusal answers
 *   one JSON shape (`httpErrorAnswer`: status, code, message, the argument when one is named); a 4xx is logged
 *   at info without a stack; a database that cannot serve now is a 503 with Retry-After (`databaseUnavailable`;
 *   another 503, a full render queue, gives its own delay), logged at error with the driver's message; anything
 *   else is a 500, logged at error with its stack. The health checks' 503s keep their own body.
 * - A browser asking for an address no route serves gets the explorer's 404 page (HTML_ERROR_PAGE), one sending a
 *   form to an address that takes none its 405 page (with Allow), one asking for an address whose bytes cannot be
 *   decoded its 400 page, and one sending a page's form that the rate limit refuses its 429 page, or that a body
 *   parser refuses (over BODY_LIMIT, too many fields, a character set it does not read...) the page naming why.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  constructor(@Optional() @Inject(HTML_ERROR_PAGE) private readonly pages?: HtmlErrorPage) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // Returned, the error becomes the field's error only when graphql-js sees an Error: anything else thrown (a
    // native driver's error, of another realm under Jest; a value that is no Error) was answered as the field's
    // data (addProvision's provision, its pinpoint then failing on it). Wrapped, its cause kept for the formatter.
    if (host.getType<string>() === 'graphql')
      return exception instanceof Error
        ? exception
        : new Error(String((exception as { message?: unknown } | null)?.message ?? exception), {
            cause: exception,
          });
    if (this.pages && noRoute(exception, host)) {
      const request = req(host);
      if (wantsPage(host)) return this.pages.unknownAddress(host);
      // A browser's form sent to an address that takes none: 405 naming what it takes (a page: GET), else the 404
      // page. A program posting there keeps the JSON 404.
      if (postsFromBrowser(request)) {
        const allow = routeMethods(request.app, request.path);
        return allow.length ? this.pages.formNotTaken(host, allow) : this.pages.unknownAddress(host);
      }
    }
    if (this.pages && undecodableAddress(exception, host)) {
      this.pages.badAddress(host);
      return;
    }
    // A page's form refused before its page ran: by the rate limit at the API's door of the same address (POST
    // /draft-check: the JSON door's guard runs first), or by the body parser (over BODY_LIMIT): its page, in its
    // language, as a GET of a page gets.
    if (this.pages && refusedBeforeItsPage(exception) && sendsPageForm(req(host))) {
      this.pages.failed(host, exception);
      return;
    }
    // A report's HTML asked for by a browser and refused (its parameters, the rate limit): the page saying why.
    if (this.pages && asksForReportPage(req(host))) {
      this.pages.reportRefused(host, exception);
      return;
    }
    let error = exception;
    const budget = host.switchToHttp().getRequest<BudgetedRequest>().budget;
    if (budget?.exhausted) {
      // The work stopped because the request's budget ran out (a statement refused or interrupted): the client
      // has had, or gets, that answer; nothing unexpected happened.
      const res = host.switchToHttp().getResponse<Response>();
      logger.warn(`${req(host).method} ${req(host).path}: stopped, ${budget.exhausted}`);
      if (res.headersSent) {
        if (!res.writableEnded) res.destroy();
        return;
      }
      error = budgetError(budget);
    }
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      logger.error(`${req(host).method} ${req(host).path}: ${(error as Error).message}`);
      error = unavailable;
    }
    error = writtenMeanwhile(error) ?? error;
    if (!(error instanceof DomainError) && error instanceof HttpException && error.getStatus() >= 500)
      return super.catch(error, host); // its own body: the health checks' answers
    const res = host.switchToHttp().getResponse<Response>();
    const request = req(host);
    let answer = httpErrorAnswer(error);
    if (!answer) {
      logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      answer = { status: 500, body: httpErrorBody(500, 'Internal server error') };
    } else if (answer.status < 500) logger.log(`${answer.status}: ${answer.body.message}`);
    if (res.headersSent) {
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (answer.status === 503) res.setHeader('Retry-After', String(retryAfter(error)));
    // A GraphQL client reads `errors`, whatever refused its request (a body that is not JSON, too large, a
    // database that could not check its key).
    if (request.path.endsWith('/graphql') && (answer.status < 500 || unavailable)) {
      const code = unavailable ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.BAD_REQUEST;
      sendGraphqlErrors(request, res, answer.status, answer.body.message, code);
      return;
    }
    res.status(answer.status).json(answer.body);
  }
}

/** The seconds a 503 tells the client to wait: the error's own delay (a full render queue), else the database's. */
function retryAfter(error: unknown): number {
  const own = error instanceof DomainError ? error.details.retryAfter : undefined;
  return typeof own === 'number' ? own : DATABASE_RETRY_AFTER_SECONDS;
}

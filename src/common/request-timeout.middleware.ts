import { Inject, Injectable, NestMiddleware, Optional } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { NextFunction, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable';
import { HTTP_STATUS_BY_CODE } from './errors';
import { asksForPage, HTML_ERROR_PAGE, HtmlErrorPage } from './html-error-page';
import { httpErrorBody, sendGraphqlErrors } from './http-error-body';
import { BudgetedRequest, budgetError, budgetOf } from './request-budget';

/**
 * Arms the deadline of every request's budget (see RequestBudget; the request's scope carries it to every
 * database statement it issues, StatementBudget: RequestContextMiddleware). At the deadline the budget is exhausted,
 * so the work stops (no further resolvers, no further statements, a read in flight interrupted), and a client
 * still waiting gets 503 with code TIMEOUT, in the shape its door answers every refusal: GraphQL's `errors` on
 * /graphql, the explorer's page to a browser asking a page, the JSON body of `httpErrorBody` anywhere else
 * (as AppExceptionFilter and WebExceptionFilter answer when the work stops first).
 */
@Injectable()
export class RequestTimeoutMiddleware implements NestMiddleware {
  constructor(@Optional() @Inject(HTML_ERROR_PAGE) private readonly pages?: HtmlErrorPage) {}

  use(req: BudgetedRequest, res: Response, next: NextFunction): void {
    const budget = budgetOf(req);
    const expire = () => {
      // A streamed download lifted its deadline (Infinity): the client hanging up ends it instead. A timer may
      // fire a millisecond before the deadline by the wall clock: it waits out the rest, or no one would answer.
      if (Date.now() < budget.deadline) {
        if (Number.isFinite(budget.deadline)) timer = setTimeout(expire, budget.deadline - Date.now());
        return;
      }
      budget.exhaust('TIMEOUT');
      if (res.headersSent) return;
      // TIMEOUT, or RESPONSE_TOO_LARGE when the response's size ran out first.
      const error = budgetError(budget);
      const status = HTTP_STATUS_BY_CODE[error.code] ?? 503;
      if (status === 503) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      if (req.originalUrl.split('?')[0].endsWith('/graphql')) {
        sendGraphqlErrors(req, res, status, error.message, error.code);
      } else if (this.pages && asksForPage(req)) {
        this.pages.failed(new ExecutionContextHost([req, res, next]), error);
      } else {
        res.status(status).json(httpErrorBody(status, error.message, error.code));
      }
    };
    let timer = setTimeout(expire, budget.limitMs);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => {
      clearTimeout(timer);
      // The client went away: nothing more is worth computing for it.
      if (!res.writableFinished) budget.exhaust('TIMEOUT');
    });
    next();
  }
}

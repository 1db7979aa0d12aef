import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ErrorCode } from './errors';
import { BudgetedRequest, budgetOf } from './request-budget';

/**
 * Arms the deadline of every request's budget (see RequestBudget; the request's scope carries it to every
 * database statement it issues, StatementBudget: RequestContextMiddleware). At the deadline the budget is exhausted,
 * so the work stops (no further resolvers, no further statements, a read in flight interrupted), and a client
 * still waiting gets 503 with code TIMEOUT.
 */
@Injectable()
export class RequestTimeoutMiddleware implements NestMiddleware {
  use(req: BudgetedRequest, res: Response, next: NextFunction): void {
    const budget = budgetOf(req);
    const timer = setTimeout(() => {
      // A streamed download lifted its deadline: the client hanging up ends it instead.
      if (Date.now() < budget.deadline) return;
      budget.exhaust('TIMEOUT');
      if (res.headersSent) return;
      res.status(503).setHeader('Retry-After', '5');
      res.json({
        errors: [
          {
            message: `The request took longer than ${budget.limitMs} ms and was abandoned`,
            extensions: { code: ErrorCode.TIMEOUT },
          },
        ],
      });
    }, budget.limitMs);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => {
      clearTimeout(timer);
      // The client went away: nothing more is worth computing for it.
      if (!res.writableFinished) budget.exhaust('TIMEOUT');
    });
    next();
  }
}

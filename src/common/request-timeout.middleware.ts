import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ErrorCode } from './errors';
import { BudgetedRequest, RequestBudget, runWithBudget } from './request-budget';

/**
 * Gives every request its budget (see RequestBudget), and runs the rest of its handling with it, so that every
 * database statement it issues is checked against it (StatementBudget). At the deadline the budget is exhausted,
 * so the work stops (no further resolvers, no further statements, a read in flight interrupted), and a client
 * still waiting gets 503 with code TIMEOUT.
 */
@Injectable()
export class RequestTimeoutMiddleware implements NestMiddleware {
  use(req: BudgetedRequest, res: Response, next: NextFunction): void {
    const budget = (req.budget ??= new RequestBudget());
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
    // Every statement the request's handling issues checks this budget first (StatementBudget).
    runWithBudget(budget, next);
  }
}

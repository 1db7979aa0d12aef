import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors';

export const requestTimeoutMs = (): number => Number(process.env.REQUEST_TIMEOUT_MS ?? 15_000);

/** A time limit per request: past it the client gets 503 with code TIMEOUT instead of waiting on. */
@Injectable()
export class RequestTimeoutMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const limit = requestTimeoutMs();
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(503).setHeader('Retry-After', '5');
      res.json({
        errors: [
          {
            message: `The request took longer than ${limit} ms and was abandoned`,
            extensions: { code: ErrorCode.TIMEOUT },
          },
        ],
      });
    }, limit);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
  }
}

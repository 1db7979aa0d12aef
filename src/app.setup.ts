import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { isProduction } from './config';

export const bodyLimit = (): string => process.env.BODY_LIMIT ?? '1mb';

/**
 * HTTP hardening shared by `npm start` and the tests: security headers (helmet), a body size limit (larger
 * bodies get 413), CORS only for the origins CORS_ORIGINS lists, and no X-Powered-By.
 */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.set('trust proxy', process.env.TRUST_PROXY === 'true');
  express.useBodyParser('json', { limit: bodyLimit() });
  express.useBodyParser('urlencoded', { limit: bodyLimit(), extended: false });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Plain HTTP on any host name must work (no forced https): no upgrade of the page's own requests.
          upgradeInsecureRequests: null,
        },
      },
      hsts: isProduction(),
      // Sent only over HTTPS (below): on a plain-HTTP origin browsers ignore it and log an error.
      crossOriginOpenerPolicy: false,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  });
  const origins = (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length)
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
    });
}

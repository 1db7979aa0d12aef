import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { Application, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { constants as zlib } from 'node:zlib';
import { refuseEmptyAnonymousBuckets } from './auth/rate-limit.guard';
import { decodeFormFields, FORM_FIELD_LIMIT, keepFormBytes } from './common/form-body';
import { withoutBodyWords } from './common/http-error-body';
import { limitConnections } from './common/http-connections';
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, corsOrigins } from './common/cors';
import { RATE_LIMIT_STORE, RateLimitStore } from './auth/rate-limit/rate-limit.store';
import { publicUrl, setting, sizeInBytes } from './config';
import { FAVICON_SVG } from './web/favicon';

export const bodyLimit = (): string => setting('BODY_LIMIT');

/**
 * BODY_LIMIT in bytes (`1mb`: 1,048,576), read once by `sizeInBytes` (config.ts has checked it): what the body
 * parsers are given and what a page says the limit is.
 */
export const bodyLimitBytes = (): number => sizeInBytes(bodyLimit())!;

/** TRUST_PROXY=true: the client's address and scheme come from the proxy's X-Forwarded-For and -Proto. */
export const trustProxy = (): boolean => setting('TRUST_PROXY');

/**
 * Whether a request reached the service over https: PUBLIC_URL says so for every request, else a trusted
 * proxy's X-Forwarded-Proto (Express's `req.secure`, which reads it only with TRUST_PROXY set) or TLS here.
 */
export const servedOverHttps = (req: Request): boolean => publicUrl().startsWith('https:') || req.secure;

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers that fit how the request came: over https, the page's own requests are upgraded to https,
 * HSTS is sent and the opener is isolated; over plain HTTP (any host name) none of these, which would send the
 * browser to an https address that does not answer (a blank GraphiQL, dead links).
 */
function securityHeaders() {
  const common = { crossOriginOpenerPolicy: false } as const;
  const overHttps = helmet({
    ...common,
    contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES, upgradeInsecureRequests: [] } },
    hsts: { maxAge: 31_536_000 },
  });
  const overHttp = helmet({
    ...common,
    contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES, upgradeInsecureRequests: null } },
    hsts: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!servedOverHttps(req)) return overHttp(req, res, next);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    overHttps(req, res, next);
  };
}

/**
 * ETags on the answers to GET and HEAD only. Express computed one (a SHA-1 of the whole answer, copied into a Buffer
 * first) for every answer `res.send` gave, a POST's too, where no client can use it: conditional requests are GET
 * and HEAD (Express's `req.fresh` looks at no other). An answer to any other method sees the application through a
 * layer whose settings say `etag` off (Express's own `res.app`, which `res.send` reads them from; the layer inherits
 * every other setting, as a mounted application's settings do).
 */
function etagsForGetAndHeadOnly(application: Application) {
  const settings = Object.create(application.settings as object, {
    etag: { value: false, enumerable: true },
    'etag fn': { value: undefined, enumerable: true },
  }) as Application['settings'];
  const withoutEtags = Object.create(application, { settings: { value: settings } }) as Application;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') res.app = withoutEtags;
    next();
  };
}

/**
 * HTTP hardening and manners shared by `npm start` and the tests: slow clients' connections cut and at most
 * MAX_CONNECTIONS_PER_ADDRESS of them per address (`limitConnections`), CORS only for the origins CORS_ORIGINS lists,
 * anonymous clients without rate-limit points refused before any other work, security headers, a body size limit
 * (larger bodies get 413), gzip or brotli above 1 kB, a favicon, and no X-Powered-By.
 */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  limitConnections(app.getHttpServer() as Server);
  express.disable('x-powered-by');
  // One hop: the client's address is the last X-Forwarded-For entry, the one the proxy wrote. `true` would take
  // the first, which the client writes itself: a new rate-limit bucket for every request it cares to label.
  express.set('trust proxy', trustProxy() ? 1 : false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') res.setHeader('Allow', 'GET, POST, OPTIONS');
    next();
  });
  app.use(etagsForGetAndHeadOnly(express.getHttpAdapter().getInstance() as Application));
  const origins = corsOrigins();
  // First, so that every answer, a refusal too, carries the CORS headers a browser needs to read it.
  if (origins.length)
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  app.use(refuseEmptyAnonymousBuckets(app.get<RateLimitStore>(RATE_LIMIT_STORE)));
  express.useBodyParser('json', { limit: bodyLimitBytes() });
  // `verify` keeps the form's bytes for decodeFormFields (Nest's type leaves the option out; it passes it on).
  express.useBodyParser('urlencoded', {
    limit: bodyLimitBytes(),
    extended: false,
    parameterLimit: FORM_FIELD_LIMIT,
    ...({ verify: keepFormBytes } as object),
  });
  app.use(decodeFormFields);
  app.use(withoutBodyWords);
  app.use(securityHeaders());
  app.use(
    compression({
      threshold: 1024,
      // Brotli's default quality (11) costs far more CPU than it saves bytes on a JSON answer.
      brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    }),
  );
  app.use('/favicon.ico', (_req: Request, res: Response) => {
    res.type('image/svg+xml').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(FAVICON_SVG);
  });
  // /graphql answers JSON or GraphiQL, and application/json or application/graphql-response+json, by Accept.
  app.use('/graphql', (_req: Request, res: Response, next: NextFunction) => {
    res.vary('Accept');
    next();
  });
  // An OPTIONS request that CORS did not answer (no CORS_ORIGINS set): its Allow header, set above, and no body.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'OPTIONS') return next();
    res.status(204).end();
  });
}

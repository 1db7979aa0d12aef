import { setting } from './config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { storage as requestLoggerStorage } from 'nestjs-pino/storage';
import { currentScope, runInScope } from './common/request-scope';

const isHealthProbe = (url: string | undefined): boolean =>
  /^\/health(\/(ready|live))?(\?|$)/.test(url ?? '');

/**
 * The level of a request's log line: a failure of the server is an error; a 503 is the service refusing work it
 * cannot finish in time or cannot take now (a spent time budget, a stop under way, a health probe's answer): a
 * warning, as a 4xx is information.
 */
export function requestLogLevel(
  url: string | undefined,
  status: number,
  error?: Error,
): 'info' | 'warn' | 'error' {
  if (isHealthProbe(url)) return 'info';
  if (error) return 'error';
  if (status === 503) return 'warn';
  return status >= 500 ? 'error' : 'info';
}

/** Response headers worth a log line: the rest (security headers, Vary) are the same on every answer. */
const LOGGED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'retry-after',
  'location',
];

/**
 * What a request's log line says of its response (given pino's own serialisation of it): the status and the
 * headers that differ between answers. pino's default wrote every header, the dozen identical security
 * headers included, into every line (two thirds of a line).
 */
export function responseLogFields(res: {
  statusCode: number | null;
  headers?: Record<string, unknown> | string;
}): { statusCode: number | null; headers: Record<string, unknown> } {
  const all = typeof res.headers === 'object' ? res.headers : {};
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_RESPONSE_HEADERS) if (all[name] !== undefined) headers[name] = all[name];
  return { statusCode: res.statusCode, headers };
}

/** Request headers worth a log line: what says who asked and what they sent, never a credential. */
const LOGGED_REQUEST_HEADERS = ['user-agent', 'content-type', 'content-length', 'x-forwarded-for'];

/**
 * What a request's log line says of its request (given pino's own serialisation of it). pino's default wrote
 * every header; building and writing them was most of a line's cost on the read path, and the credentials among
 * them (Authorization, Cookie) had to be redacted from each line. Only the headers named above are written.
 */
export function requestLogFields(req: {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
  headers?: Record<string, unknown>;
}): Record<string, unknown> {
  const all = req.headers ?? {};
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_REQUEST_HEADERS) if (all[name] !== undefined) headers[name] = all[name];
  return { id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress, headers };
}

/**
 * nestjs-pino keeps each request's logger (bound to the request, so that a line logged while it is handled names
 * it) in an AsyncLocalStorage of its own, which its middleware enters (`storage.run`) and `PinoLogger` reads
 * (`storage.getStore`). On Node 20 every enabled AsyncLocalStorage adds a step and a property to every promise of
 * the process, and a read makes hundreds a request: the request's logger is kept in the request's scope instead
 * (`common/request-scope.ts`, the one storage the service keeps), so that nestjs-pino's is never enabled. The same
 * store object, found through the same awaits.
 */
export function keepRequestLoggerInRequestScope(): void {
  Object.assign(requestLoggerStorage, {
    run: <R>(store: unknown, work: (...args: unknown[]) => R, ...args: unknown[]): R =>
      runInScope({ logger: store }, () => work(...args)),
    getStore: (): unknown => currentScope()?.logger,
  });
}

/** Structured JSON logs (pino); every request gets an id (X-Request-Id, taken from the client if it sends one). */
export function loggerOptions(): Params {
  keepRequestLoggerInRequestScope();
  return {
    pinoHttp: {
      level: setting('LOG_LEVEL'),
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: { req: requestLogFields, res: responseLogFields },
      // Health probes are polled by balancers: not logged, and a 503 from one (a stop under way, the database
      // down) is the probe doing its job, not an error of the request.
      customLogLevel: (req, res, error) => requestLogLevel(req.url, res.statusCode, error),
      autoLogging: { ignore: (req) => isHealthProbe(req.url) },
    },
  };
}

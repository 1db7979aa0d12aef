import { setting } from './config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';

const isHealthProbe = (url: string | undefined): boolean =>
  /^\/health(\/(ready|live))?(\?|$)/.test(url ?? '');

/** Structured JSON logs (pino); every request gets an id (X-Request-Id, taken from the client if it sends one). */
export function loggerOptions(): Params {
  return {
    pinoHttp: {
      level: setting('LOG_LEVEL'),
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // Health probes are polled by balancers: not logged, and a 503 from one (a stop under way, the database
      // down) is the probe doing its job, not an error of the request.
      customLogLevel: (req, res, error) =>
        isHealthProbe(req.url) ? 'info' : error || res.statusCode >= 500 ? 'error' : 'info',
      autoLogging: { ignore: (req) => isHealthProbe(req.url) },
    },
  };
}

import { setting } from '../config';

/** Request headers that browser apps send with the common GraphQL clients (Apollo Client, urql, Relay). */
export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Accept',
  'Authorization',
  'X-Request-Id',
  'Apollo-Require-Preflight',
  'X-Apollo-Operation-Name',
  'Apollographql-Client-Name',
  'Apollographql-Client-Version',
  'GraphQL-Preflight',
];

/** Response headers that cross-origin scripts may read. */
export const CORS_EXPOSED_HEADERS = [
  'Content-Disposition',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Request-Id',
];

/** The origins CORS_ORIGINS allows (none: no CORS headers at all). */
export const corsOrigins = (): string[] =>
  setting('CORS_ORIGINS')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

/**
 * The CORS headers of an answer to a request from `origin` that is not a preflight, as the `cors` middleware
 * (`configureApp`) writes them, for the answers written outside Express (a connection over the address's limit,
 * `http-connections.ts`): the origin allowed and the headers a script may read when CORS_ORIGINS lists it, `Vary:
 * Origin` whenever CORS is on. Without them a browser shows its script a CORS error where the answer was a 429.
 */
export function corsHeadersFor(origin: string | undefined): Record<string, string> {
  const origins = corsOrigins();
  if (!origins.length) return {};
  if (!origin || !origins.includes(origin)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(','),
  };
}

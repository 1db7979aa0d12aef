import { ConnectionException, LockWaitTimeoutException } from '@mikro-orm/core';
import { DomainError, ErrorCode } from './errors';

/** Seconds a client is asked to wait before trying again when the database cannot serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Node's codes for a server that cannot be reached or dropped the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL's SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), too many
 * connections, a server shutting down or starting up.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|53300|57P0[1-3])$/;

/** What the drivers say when the connection itself is gone (pg, knex's pool). */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not currently accepting connections|Timeout acquiring a connection|is not queryable|Not connected to database/i;

function isUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException || error instanceof LockWaitTimeoutException) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  return error.name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * The refusal to answer for an error of a database that cannot serve now (down, unreachable, restarting, out of
 * connections, or an SQLite file locked past the busy timeout), or null for any other error. The client gets 503
 * SERVICE_UNAVAILABLE with Retry-After rather than a 500 INTERNAL_SERVER_ERROR: nothing is wrong with its request
 * and trying again later may work. The transports log the original error for the operator.
 */
export function databaseUnavailable(error: unknown): DomainError | null {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (isUnavailable(cause)) {
      return new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The database cannot serve the request now (unreachable, restarting or busy); try again in a moment',
        { retryAfter: DATABASE_RETRY_AFTER_SECONDS },
      );
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
